#include "lib/table/table.hpp"

#include <charconv>
#include <cstdlib>
#include <cmath>
#include <limits>

#include "lib/util/error.hpp"
#include "lib/util/strings.hpp"

namespace request::table {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<double> parse_number(std::string_view text) {
  std::string_view s = trim(text);
  if (s.empty()) return std::numeric_limits<double>::quiet_NaN();
  if (s.front() == '+') s.remove_prefix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec == std::errc() && end == s.data() + s.size()) return v;
  if (ec == std::errc::result_out_of_range && end == s.data() + s.size())
    return std::strtod(std::string(s).c_str(), nullptr);  // rare: let strtod give inf or 0
  if (iequals(s, "na") || iequals(s, "n/a") || iequals(s, "nan") || iequals(s, "-nan"))
    return std::numeric_limits<double>::quiet_NaN();
  return std::nullopt;
}

std::optional<size_t> Table::find_column(std::string_view name) const {
  for (size_t i = 0; i < m_columns.size(); ++i)
    if (m_columns[i] == name) return i;
  return std::nullopt;
}

size_t Table::require_column(std::string_view name) const {
  if (auto i = find_column(name)) return *i;
  std::string hint;
  size_t best = 3;
  for (const auto& c : m_columns) {
    size_t d = util::edit_distance(name, c);
    if (d < best) {
      best = d;
      hint = "did you mean '" + c + "'?";
    }
  }
  if (hint.empty()) {
    hint = "columns are: ";
    for (size_t i = 0; i < m_columns.size() && i < 12; ++i) hint += (i ? ", " : "") + m_columns[i];
    if (m_columns.size() > 12) hint += ", ...";
  }
  throw Error(ExitCode::usage, m_source, "no column '" + std::string(name) + "'", hint);
}

std::string Table::where(size_t row) const { return m_source + ":" + std::to_string(line(row)); }

double Table::number(size_t row, size_t col) const {
  std::string_view text = cell(row, col);
  if (auto v = parse_number(text)) return *v;
  throw Error(ExitCode::invalid_data, where(row),
              "column '" + m_columns[col] + "': '" + std::string(text) + "' is not a number");
}

std::vector<double> Table::numeric_column(size_t col) const {
  std::vector<double> out(row_count());
  for (size_t r = 0; r < out.size(); ++r) out[r] = number(r, col);
  return out;
}

size_t Table::add_column(std::string name) {
  if (find_column(name))
    throw Error(ExitCode::invalid_data, m_source, "duplicate column '" + name + "'");
  m_columns.push_back(std::move(name));
  return m_columns.size() - 1;
}

void Table::begin_row(size_t line) { m_lines.push_back(static_cast<uint32_t>(line)); }

void Table::append_cell(std::string_view text) {
  if (m_buffer.size() + text.size() > std::numeric_limits<uint32_t>::max())
    throw Error(ExitCode::invalid_data, m_source, "table larger than 4 GiB");
  CellRef ref{static_cast<uint32_t>(m_buffer.size()), static_cast<uint32_t>(text.size())};
  m_buffer.append(text);
  m_cells.push_back(ref);
}

Table read_table(const std::string& path) {
  auto ends_with = [&](std::string_view ext) {
    return path.size() >= ext.size() && iequals(std::string_view(path).substr(path.size() - ext.size()), ext);
  };
  if (ends_with(".jsonl") || ends_with(".ndjson")) return read_jsonl(path);
  return read_csv(path);
}

}  // namespace request::table
