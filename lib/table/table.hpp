#pragma once
// A table of text cells read from CSV or JSONL: one buffer holds every cell,
// cells are (offset, length) views into it, so reading a file costs no
// allocation per field. Numbers are parsed on demand with std::from_chars.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace request::table {

// Where a cell's text lives in the table's buffer.
struct CellRef {
  uint32_t offset = 0;
  uint32_t length = 0;
};

class Table {
public:
  // An empty table whose errors name `source` (a file name).
  explicit Table(std::string source = {}) : m_source(std::move(source)) {}

  // The file name (or other source name) used in error messages.
  const std::string& source() const { return m_source; }
  // Column names, in header order.
  const std::vector<std::string>& columns() const { return m_columns; }
  size_t row_count() const { return m_lines.size(); }
  size_t column_count() const { return m_columns.size(); }

  // Index of a column by exact name.
  std::optional<size_t> find_column(std::string_view name) const;
  // Index of a column; throws Error(usage) naming the file and listing similar names.
  size_t require_column(std::string_view name) const;

  // Text of a cell; empty when missing.
  std::string_view cell(size_t row, size_t col) const {
    const CellRef& c = m_cells[row * m_columns.size() + col];
    return {m_buffer.data() + c.offset, c.length};
  }
  // 1-based line of the file where a row starts.
  size_t line(size_t row) const { return m_lines[row]; }
  // "file:line" of a row, for error messages.
  std::string where(size_t row) const;

  // Cell as a number: NaN when empty, "nan" or "NA"; throws Error(invalid_data)
  // at "file:line" when the text is not a number.
  double number(size_t row, size_t col) const;
  // A whole column as numbers (see number()).
  std::vector<double> numeric_column(size_t col) const;

  // Building (used by the readers and by callers that assemble tables).
  // Add a column; returns its index. Only before the first row.
  size_t add_column(std::string name);
  // Start a row at `line`; then append exactly column_count() cells.
  void begin_row(size_t line);
  // Append the text of the next cell of the current row.
  void append_cell(std::string_view text);
  // Append a cell already stored in the buffer.
  void append_cell_ref(CellRef ref) { m_cells.push_back(ref); }
  // Direct access for readers that parse in place (append a row's cells, then begin_row).
  std::vector<CellRef>& cell_refs() { return m_cells; }
  std::string& buffer() { return m_buffer; }
  void reserve(size_t rows) {
    m_lines.reserve(rows);
    m_cells.reserve(rows * m_columns.size());
  }

private:
  std::string m_source;
  std::vector<std::string> m_columns;
  std::string m_buffer;
  std::vector<CellRef> m_cells;   // row-major
  std::vector<uint32_t> m_lines;  // first line of each row
};

// Parse a number with std::from_chars; accepts surrounding blanks, a leading
// '+', "inf", and "nan"/"NA" (NaN). Empty text is NaN. nullopt when not a number.
std::optional<double> parse_number(std::string_view text);

// Read a CSV file (RFC 4180: quoted fields, "" escapes, CRLF or LF). Header
// row required. Ragged rows and broken quoting: Error(invalid_data) at file:line.
Table read_csv(const std::string& path);
// Same, from text already in memory; `source` names it in errors.
Table parse_csv(std::string text, const std::string& source);

// Read JSON Lines: one object per line; nested objects become dotted column
// names, arrays and other values their JSON text; absent keys are empty cells.
Table read_jsonl(const std::string& path);
Table parse_jsonl(std::string_view text, const std::string& source);

// read_jsonl for *.jsonl / *.ndjson, read_csv otherwise.
Table read_table(const std::string& path);

}  // namespace request::table
