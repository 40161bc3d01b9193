// CSV (RFC 4180) into a Table, parsed in place: quoted fields are unescaped
// inside the file buffer itself, so no field costs an allocation.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <cerrno>
#include <limits>

#include "lib/table/table.hpp"
#include "lib/util/atomic_file.hpp"
#include "lib/util/error.hpp"

namespace request::table {

namespace {

// Bytes that may end an unquoted field: ',', '\n' and '\r' (before '\n').
constexpr std::array<bool, 256> k_stop = [] {
  std::array<bool, 256> t{};
  t[static_cast<unsigned char>(',')] = t[static_cast<unsigned char>('\n')] = t[static_cast<unsigned char>('\r')] = true;
  return t;
}();

class CsvParser {
public:
  CsvParser(Table& table, std::string& text) : m_table(table), m_text(text) {}

  void run() {
    if (m_text.size() >= 3 && m_text.compare(0, 3, "\xEF\xBB\xBF") == 0) m_pos = 3;
    skip_blank_lines();
    if (m_pos >= m_text.size())
      throw Error(ExitCode::invalid_data, m_table.source(), "empty file: no header row");
    std::vector<CellRef> header;
    read_record(header);
    for (const CellRef& c : header) m_table.add_column(std::string(m_text.data() + c.offset, c.length));
    size_t rows = count_newlines();
    m_table.reserve(rows + 1);
    std::vector<CellRef>& cells = m_table.cell_refs();
    while (true) {
      skip_blank_lines();
      if (m_pos >= m_text.size()) break;
      size_t line = m_line;
      size_t before = cells.size();
      read_record(cells);
      size_t fields = cells.size() - before;
      if (fields != header.size())
        throw Error(ExitCode::invalid_data, m_table.source() + ":" + std::to_string(line),
                    "ragged row: " + std::to_string(fields) + (fields == 1 ? " field" : " fields") +
                        ", the header has " + std::to_string(header.size()));
      m_table.begin_row(line);
    }
  }

private:
  // Newlines after m_pos, by memchr (vectorised; std::count is not at -O2).
  size_t count_newlines() const {
    size_t rows = 0;
    const char* p = m_text.data() + m_pos;
    const char* end = m_text.data() + m_text.size();
    while (p < end && (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))))) {
      ++rows;
      ++p;
    }
    return rows;
  }

  std::string where() const { return m_table.source() + ":" + std::to_string(m_line); }

  void skip_blank_lines() {
    while (m_pos < m_text.size()) {
      if (m_text[m_pos] == '\n') {
        ++m_pos;
        ++m_line;
      } else if (m_text[m_pos] == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n') {
        m_pos += 2;
        ++m_line;
      } else {
        break;
      }
    }
  }

  // Reads one record ending at a newline or the end; leaves m_pos after it.
  void read_record(std::vector<CellRef>& out) {
    const size_t n = m_text.size();
    char* data = m_text.data();
    while (true) {
      size_t start = m_pos;
      if (m_pos < n && data[m_pos] == '"') {
        size_t quote_line = m_line;
        size_t w = start;
        size_t r = m_pos + 1;
        while (true) {
          if (r >= n)
            throw Error(ExitCode::invalid_data, m_table.source() + ":" + std::to_string(quote_line),
                        "broken quoting: quoted field not closed before the end of the file");
          char c = data[r];
          if (c == '"') {
            if (r + 1 < n && data[r + 1] == '"') {
              data[w++] = '"';
              r += 2;
              continue;
            }
            ++r;
            break;
          }
          if (c == '\n') ++m_line;
          data[w++] = c;
          ++r;
        }
        out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(w - start)});
        m_pos = r;
        if (m_pos < n && data[m_pos] != ',' && data[m_pos] != '\n' &&
            !(data[m_pos] == '\r' && m_pos + 1 < n && data[m_pos + 1] == '\n'))
          throw Error(ExitCode::invalid_data, where(),
                      std::string("broken quoting: '") + data[m_pos] + "' after a closing quote (write \"\" for a quote)");
      } else {
        size_t r = m_pos;
        while (r < n) {
          const unsigned char c = static_cast<unsigned char>(data[r]);
          if (k_stop[c]) {  // one table look-up per byte for the common case
            if (c != '\r' || (r + 1 < n && data[r + 1] == '\n')) break;
          }
          ++r;
        }
        out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(r - start)});
        m_pos = r;
      }
      if (m_pos >= n) return;
      if (data[m_pos] == ',') {
        ++m_pos;
        continue;
      }
      m_pos += data[m_pos] == '\r' ? 2 : 1;
      ++m_line;
      return;
    }
  }

  Table& m_table;
  std::string& m_text;
  size_t m_pos = 0;
  size_t m_line = 1;
};

}  // namespace

Table parse_csv(std::string text, const std::string& source) {
  Table t(source);
  if (text.size() > std::numeric_limits<uint32_t>::max())
    throw Error(ExitCode::invalid_data, source, "file larger than 4 GiB");
  t.buffer() = std::move(text);
  CsvParser(t, t.buffer()).run();
  return t;
}

// The whole file in one allocation of its exact size (no regrowth copies).
std::string read_whole_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    if (fd >= 0) ::close(fd);
    return util::read_file(path);  // reports the error, or reads a pipe
  }
  std::string out;
  out.resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  while (got < out.size()) {
    ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  if (got != out.size()) return util::read_file(path);  // changed while reading
  return out;
}

Table read_csv(const std::string& path) { return parse_csv(read_whole_file(path), path); }

}  // namespace request::table
