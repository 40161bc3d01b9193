#include "modules/program/metric_parse.hpp"

#include <cmath>
#include <cstdlib>
#include <regex>

#include "lib/util/json_io.hpp"
#include "lib/util/safe_name.hpp"

namespace request::program {

namespace {

std::string quote_short(std::string_view text) {
  constexpr size_t k_max = 40;
  std::string t(text.substr(0, k_max));
  if (text.size() > k_max) t += "...";
  return "'" + t + "'";
}

MetricValue from_json_file(const MetricSpec& m, const std::filesystem::path& scratch) {
  const std::filesystem::path file = scratch / m.file;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    return "metric '" + m.name + "': the program wrote no file '" + m.file + "'";
  util::Json doc;
  try {
    doc = util::load_document(file);
  } catch (const std::exception&) {
    return "metric '" + m.name + "': '" + m.file + "' is not valid JSON";
  }
  const util::Json* v = util::get_dotted(doc, m.key);
  if (v == nullptr) return "metric '" + m.name + "': no key '" + m.key + "' in '" + m.file + "'";
  if (v->is_number()) {
    double d = v->get<double>();
    if (!std::isfinite(d)) return "metric '" + m.name + "': value is not finite";
    return d;
  }
  if (v->is_string()) {
    MetricValue r = parse_number(v->get<std::string>());
    if (std::holds_alternative<double>(r)) return r;
    return "metric '" + m.name + "': key '" + m.key + "' is " + std::get<std::string>(r);
  }
  return "metric '" + m.name + "': key '" + m.key + "' in '" + m.file + "' is not a number";
}

MetricValue from_stdout(const MetricSpec& m, std::string_view out) {
  std::regex re;
  try {
    re = std::regex(m.regex, std::regex::ECMAScript);
  } catch (const std::regex_error&) {
    return "metric '" + m.name + "': invalid regex " + quote_short(m.regex);
  }
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_search(out.begin(), out.end(), match, re))
    return "metric '" + m.name + "': stdout does not match " + quote_short(m.regex);
  std::string text = match.size() > 1 ? match[1].str() : match[0].str();
  MetricValue r = parse_number(text);
  if (std::holds_alternative<double>(r)) return r;
  return "metric '" + m.name + "': matched text is " + std::get<std::string>(r);
}

}  // namespace

MetricValue parse_number(std::string_view text) {
  std::string t(text);
  size_t b = t.find_first_not_of(" \t\r\n");
  size_t e = t.find_last_not_of(" \t\r\n");
  if (b == std::string::npos) return std::string("empty, not a number");
  t = t.substr(b, e - b + 1);
  char* end = nullptr;
  double d = std::strtod(t.c_str(), &end);
  if (end == t.c_str() || *end != '\0') return "not a number: " + quote_short(t);
  if (!std::isfinite(d)) return "not finite: " + quote_short(t);
  return d;
}

MetricValue parse_metric(const MetricSpec& metric, const std::filesystem::path& scratch, std::string_view out) {
  if (metric.from_json) return from_json_file(metric, scratch);
  return from_stdout(metric, out);
}

}  // namespace request::program
