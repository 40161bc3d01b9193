#include "lib/report/writers.hpp"

#include <cmath>

#include <fmt/format.h>

#include "lib/report/text_table.hpp"

namespace request::report {

namespace {

std::string objective_header(const ObjectiveInfo& o) {
  std::string h = o.name;
  if (!o.unit.empty()) h += " [" + o.unit + "]";
  h += o.direction == "max" ? " (max)" : " (min)";
  return h;
}

std::string rank_text(const ParetoGroup& g, size_t i) {
  if (g.ranks[i]) return std::to_string(g.ranks[i]);
  return g.frontier[i] ? "1" : "";
}

std::string summary_line(const ParetoGroup& g) {
  std::string s = fmt::format("{} point{}, {} on the frontier", g.size(), g.size() == 1 ? "" : "s", g.frontier_size());
  if (!g.excluded.empty()) s += fmt::format(", {} excluded", g.excluded.size());
  return s;
}

}  // namespace

void append_csv_field(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string write_text(const ParetoReport& report, bool color) {
  const size_t d = report.objectives.size();
  std::string out;
  for (const ParetoGroup& g : report.groups) {
    if (!report.group_by.empty()) out += (out.empty() ? "" : "\n") + report.group_by + " = " + g.name + "\n";
    std::vector<std::string> header = {"", "id"};
    std::vector<bool> right = {false, false};
    for (const auto& o : report.objectives) {
      header.push_back(objective_header(o));
      right.push_back(true);
    }
    if (report.ranks) {
      header.push_back("rank");
      right.push_back(true);
    }
    std::vector<std::vector<std::string>> rows;
    for (size_t i : display_order(report, g)) {
      std::vector<std::string> row = {g.frontier[i] ? "*" : "", std::string(g.ids[i])};
      for (size_t k = 0; k < d; ++k) row.push_back(format_number(g.values[i * d + k]));
      if (report.ranks) row.push_back(rank_text(g, i));
      rows.push_back(std::move(row));
    }
    std::string table = aligned_table(header, rows, right);
    if (color) {
      // Bold frontier lines: they start with '*'.
      std::string colored;
      size_t pos = 0;
      while (pos < table.size()) {
        size_t end = table.find('\n', pos);
        std::string line = table.substr(pos, end - pos);
        colored += line.rfind('*', 0) == 0 ? "\x1b[1m" + line + "\x1b[0m\n" : line + "\n";
        pos = end + 1;
      }
      table = colored;
    }
    out += table;
    out += summary_line(g) + "\n";
    for (const auto& e : g.excluded) out += "excluded: " + e.id + ": " + e.reason + "\n";
    if (g.hypervolume) out += "hypervolume: " + format_number(*g.hypervolume) + "\n";
  }
  return out;
}

std::string write_csv(const ParetoReport& report) {
  const size_t d = report.objectives.size();
  std::string out;
  if (!report.group_by.empty()) {
    append_csv_field(out, report.group_by);
    out += ',';
  }
  out += "id";
  for (const auto& o : report.objectives) {
    out += ',';
    append_csv_field(out, o.name);
  }
  out += ",rank,frontier\n";
  for (const ParetoGroup& g : report.groups) {
    out.reserve(out.size() + g.size() * (24 + 20 * d));
    for (size_t i = 0; i < g.size(); ++i) {
      if (report.frontier_only && !g.frontier[i]) continue;
      if (!report.group_by.empty()) {
        append_csv_field(out, g.name);
        out += ',';
      }
      append_csv_field(out, g.ids[i]);
      for (size_t k = 0; k < d; ++k) {
        out += ',';
        append_number(out, g.values[i * d + k]);
      }
      out += ',';
      if (g.ranks[i]) out += std::to_string(g.ranks[i]);
      else if (g.frontier[i]) out += '1';
      out += g.frontier[i] ? ",true\n" : ",false\n";
    }
  }
  return out;
}

namespace {

void append_group_json(std::string& out, const ParetoReport& report, const ParetoGroup& g, const char* indent) {
  const size_t d = report.objectives.size();
  fmt::format_to(std::back_inserter(out), "{}\"points\": [", indent);
  bool first = true;
  for (size_t i = 0; i < g.size(); ++i) {
    if (report.frontier_only && !g.frontier[i]) continue;
    out += first ? "\n" : ",\n";
    first = false;
    fmt::format_to(std::back_inserter(out), "{}  {{\"id\": ", indent);
    append_json_string(out, g.ids[i]);
    out += ", \"values\": {";
    for (size_t k = 0; k < d; ++k) {
      if (k) out += ", ";
      append_json_string(out, report.objectives[k].name);
      out += ": ";
      double v = g.values[i * d + k];
      if (std::isfinite(v)) append_number(out, v);
      else out += "null";
    }
    out += "}, \"rank\": ";
    out += g.ranks[i] ? std::to_string(g.ranks[i]) : (g.frontier[i] ? "1" : "null");
    out += g.frontier[i] ? ", \"frontier\": true}" : ", \"frontier\": false}";
  }
  fmt::format_to(std::back_inserter(out), "{}],\n{}\"frontier\": [", first ? "" : std::string("\n") + indent, indent);
  first = true;
  for (size_t i = 0; i < g.size(); ++i) {
    if (!g.frontier[i]) continue;
    if (!first) out += ", ";
    first = false;
    append_json_string(out, g.ids[i]);
  }
  fmt::format_to(std::back_inserter(out), "],\n{}\"excluded\": [", indent);
  for (size_t i = 0; i < g.excluded.size(); ++i) {
    out += i ? ",\n" : "\n";
    fmt::format_to(std::back_inserter(out), "{}  {{\"id\": ", indent);
    append_json_string(out, g.excluded[i].id);
    out += ", \"reason\": ";
    append_json_string(out, g.excluded[i].reason);
    out += "}";
  }
  if (!g.excluded.empty()) fmt::format_to(std::back_inserter(out), "\n{}", indent);
  fmt::format_to(std::back_inserter(out), "],\n{}\"hypervolume\": ", indent);
  if (g.hypervolume && std::isfinite(*g.hypervolume)) fmt::format_to(std::back_inserter(out), "{}", *g.hypervolume);
  else out += "null";
  out += "\n";
}

}  // namespace

std::string write_json(const ParetoReport& report) {
  std::string out = "{\n  \"objectives\": [";
  for (size_t k = 0; k < report.objectives.size(); ++k) {
    const auto& o = report.objectives[k];
    out += k ? ", {\"name\": " : "{\"name\": ";
    append_json_string(out, o.name);
    out += ", \"direction\": ";
    append_json_string(out, o.direction);
    if (!o.unit.empty()) {
      out += ", \"unit\": ";
      append_json_string(out, o.unit);
    }
    out += "}";
  }
  out += "],\n";
  if (report.uncertainty) out += "  \"dominance\": \"beyond-ci95\",\n";
  if (report.group_by.empty()) {
    static const ParetoGroup k_empty;
    append_group_json(out, report, report.groups.empty() ? k_empty : report.groups[0], "  ");
    out += "}\n";
    return out;
  }
  out += "  \"group_by\": ";
  append_json_string(out, report.group_by);
  out += ",\n  \"groups\": [";
  for (size_t i = 0; i < report.groups.size(); ++i) {
    out += i ? ", {\n      \"group\": " : "{\n      \"group\": ";
    append_json_string(out, report.groups[i].name);
    out += ",\n";
    append_group_json(out, report, report.groups[i], "      ");
    out += "    }";
  }
  out += "]\n}\n";
  return out;
}

std::string write_markdown(const ParetoReport& report) {
  const size_t d = report.objectives.size();
  std::string out;
  auto md_escape = [](std::string_view s) {
    std::string r;
    for (char c : s) {
      if (c == '|' || c == '*' || c == '_' || c == '`') r += '\\';
      r += c;
    }
    return r;
  };
  for (const ParetoGroup& g : report.groups) {
    if (!report.group_by.empty()) out += (out.empty() ? "" : "\n") + ("### " + md_escape(report.group_by) + " = " + md_escape(g.name) + "\n\n");
    out += "| id |";
    for (const auto& o : report.objectives) out += " " + md_escape(objective_header(o)) + " |";
    out += report.ranks ? " rank | frontier |\n|---|" : " frontier |\n|---|";
    for (size_t k = 0; k < d; ++k) out += "---:|";
    out += report.ranks ? "---:|:---:|\n" : ":---:|\n";
    for (size_t i : display_order(report, g)) {
      bool f = g.frontier[i];
      std::string id = md_escape(g.ids[i]);
      out += "| " + (f ? "**" + id + "**" : id) + " |";
      for (size_t k = 0; k < d; ++k) out += " " + format_number(g.values[i * d + k]) + " |";
      if (report.ranks) out += " " + rank_text(g, i) + " |";
      out += f ? " yes |\n" : " |\n";
    }
    out += "\n" + summary_line(g) + ".\n";
    for (const auto& e : g.excluded) out += "\n- excluded `" + e.id + "`: " + e.reason;
    if (!g.excluded.empty()) out += "\n";
    if (g.hypervolume) out += "\nHypervolume: " + format_number(*g.hypervolume) + "\n";
  }
  return out;
}

}  // namespace request::report
