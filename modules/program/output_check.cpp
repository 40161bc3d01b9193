#include "modules/program/output_check.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "lib/util/atomic_file.hpp"
#include "modules/program/metric_parse.hpp"

namespace request::program {

namespace {

std::vector<std::string> tokens(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  std::string t;
  while (in >> t) out.push_back(t);
  return out;
}

}  // namespace

std::string compare_with_tolerance(const std::string& output, const std::string& reference, double tolerance) {
  const std::vector<std::string> a = tokens(output);
  const std::vector<std::string> b = tokens(reference);
  if (a.size() != b.size())
    return fmt::format("output has {} values, reference has {}", a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    MetricValue x = parse_number(a[i]);
    MetricValue y = parse_number(b[i]);
    if (std::holds_alternative<double>(x) && std::holds_alternative<double>(y)) {
      double u = std::get<double>(x);
      double v = std::get<double>(y);
      if (std::fabs(u - v) > tolerance * std::max(1.0, std::fabs(v)))
        return fmt::format("value {} is {}, reference {} (tolerance {})", i + 1, a[i], b[i], tolerance);
    } else if (a[i] != b[i]) {
      return fmt::format("value {} is '{}', reference '{}'", i + 1, a[i], b[i]);
    }
  }
  return {};
}

std::string check_output(const CheckSpec& check, const std::filesystem::path& scratch,
                         const util::Variables& vars, const std::string& where) {
  const std::filesystem::path output = scratch / check.output;
  const std::filesystem::path reference = util::expand_variables(check.reference, vars, where + ": check.reference");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(output, ec))
    return "check: the program wrote no output file '" + check.output + "'";
  if (!std::filesystem::is_regular_file(reference, ec))
    return "check: reference file '" + reference.string() + "' does not exist";
  const std::string out = util::read_file(output);
  const std::string ref = util::read_file(reference);
  if (!check.tolerance) {
    if (out == ref) return {};
    size_t i = 0;
    while (i < out.size() && i < ref.size() && out[i] == ref[i]) ++i;
    return fmt::format("check: '{}' differs from the reference at byte {}", check.output, i);
  }
  std::string why = compare_with_tolerance(out, ref, *check.tolerance);
  return why.empty() ? why : "check: '" + check.output + "': " + why;
}

}  // namespace request::program
