#include "lib/table/filter.hpp"

#include <cmath>

#include "lib/util/error.hpp"

namespace request::table {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_numeric_op(CompareOp op) { return op != CompareOp::eq && op != CompareOp::ne; }

template <typename T>
bool compare(const T& a, CompareOp op, const T& b) {
  switch (op) {
    case CompareOp::eq: return a == b;
    case CompareOp::ne: return a != b;
    case CompareOp::lt: return a < b;
    case CompareOp::le: return a <= b;
    case CompareOp::gt: return a > b;
    case CompareOp::ge: return a >= b;
  }
  return false;
}

}  // namespace

Condition parse_condition(std::string_view text) {
  static const std::pair<std::string_view, CompareOp> k_ops[] = {
      {">=", CompareOp::ge}, {"<=", CompareOp::le}, {"==", CompareOp::eq},
      {"!=", CompareOp::ne}, {">", CompareOp::gt},  {"<", CompareOp::lt}};
  // The first operator character splits NAME from the rest.
  size_t pos = text.find_first_of("<>=!");
  if (pos != std::string_view::npos) {
    for (const auto& [sym, op] : k_ops) {
      if (text.substr(pos, sym.size()) != sym) continue;
      Condition c;
      c.column = std::string(trim(text.substr(0, pos)));
      c.op = op;
      c.value = std::string(trim(text.substr(pos + sym.size())));
      if (c.column.empty() || c.value.empty()) break;
      if (c.value.size() >= 2 && (c.value.front() == '\'' || c.value.front() == '"') && c.value.back() == c.value.front())
        c.value = c.value.substr(1, c.value.size() - 2);
      if (is_numeric_op(op) && !parse_number(c.value).has_value())
        throw Error(ExitCode::usage, "--where '" + std::string(text) + "'",
                    "'" + c.value + "' is not a number", "<, <=, > and >= compare numbers; use == or != for text");
      return c;
    }
  }
  throw Error(ExitCode::usage, "--where '" + std::string(text) + "'", "expected 'NAME OP VALUE'",
              "OP is one of >= <= > < == !=, e.g. --where 'batch_size == 1'");
}

bool matches(const Table& table, size_t row, size_t col, const Condition& c) {
  std::string_view cell = trim(table.cell(row, col));
  if (cell.empty()) return c.op == CompareOp::ne;
  auto rhs = parse_number(c.value);
  if (is_numeric_op(c.op)) {
    double lhs = table.number(row, col);
    return !std::isnan(lhs) && compare(lhs, c.op, *rhs);
  }
  if (rhs && !std::isnan(*rhs)) {
    if (auto lhs = parse_number(cell); lhs && !std::isnan(*lhs)) return compare(*lhs, c.op, *rhs);
  }
  return compare(cell, c.op, std::string_view(c.value));
}

std::vector<size_t> filter_rows(const Table& table, const std::vector<Condition>& conditions) {
  std::vector<size_t> cols;
  for (const auto& c : conditions) cols.push_back(table.require_column(c.column));
  std::vector<size_t> rows;
  rows.reserve(table.row_count());
  for (size_t r = 0; r < table.row_count(); ++r) {
    bool ok = true;
    for (size_t i = 0; i < conditions.size() && ok; ++i) ok = matches(table, r, cols[i], conditions[i]);
    if (ok) rows.push_back(r);
  }
  return rows;
}

}  // namespace request::table
