#pragma once
// Row filters of `--where 'NAME OP VALUE'`: >= <= > < on numbers, == and != on
// numbers or strings (numeric when both sides read as numbers).
#include <string>
#include <string_view>
#include <vector>

#include "lib/table/table.hpp"

namespace request::table {

enum class CompareOp { eq, ne, lt, le, gt, ge };

struct Condition {
  std::string column;  // exact column name
  CompareOp op = CompareOp::eq;
  std::string value;   // right-hand side as written
};

// Parse "NAME OP VALUE" (blanks around OP optional; the longest operator wins).
// Throws Error(usage) naming the text.
Condition parse_condition(std::string_view text);

// Whether row `row` of `table` satisfies `c` (column resolved by the caller).
// A numeric comparison on a non-number throws Error(invalid_data) at file:line;
// an empty cell never satisfies a condition except `!=`.
bool matches(const Table& table, size_t row, size_t col, const Condition& c);

// Rows satisfying every condition, in order. Unknown columns: Error(usage).
std::vector<size_t> filter_rows(const Table& table, const std::vector<Condition>& conditions);

}  // namespace request::table
