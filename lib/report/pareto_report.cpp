#include "lib/report/pareto_report.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

namespace request::report {

size_t ParetoGroup::frontier_size() const {
  return static_cast<size_t>(std::count(frontier.begin(), frontier.end(), uint8_t{1}));
}

std::vector<size_t> display_order(const ParetoReport& report, const ParetoGroup& g) {
  std::vector<size_t> order;
  order.reserve(g.size());
  for (size_t i = 0; i < g.size(); ++i)
    if (!report.frontier_only || g.frontier[i]) order.push_back(i);
  const size_t d = report.objectives.size();
  const bool maximise = d > 0 && report.objectives[0].direction == "max";
  auto rank_of = [&](size_t i) -> uint32_t { return g.frontier[i] ? 1 : (g.ranks[i] ? g.ranks[i] : UINT32_MAX); };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (rank_of(a) != rank_of(b)) return rank_of(a) < rank_of(b);
    if (d == 0) return false;
    double va = g.values[a * d], vb = g.values[b * d];
    return maximise ? va > vb : va < vb;
  });
  return order;
}

std::string format_number(double v) {
  std::string s;
  append_number(s, v);
  return s;
}

void append_number(std::string& out, double v) {
  char buf[64];
  // Shortest text that reads back as the same double; nan and inf spelled out.
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else out += c;
    }
  }
  out += '"';
}

}  // namespace request::report
