// CSV and JSONL reading: RFC 4180 quoting, and every error at file:line.
#include <catch2/catch.hpp>

#include <cmath>

#include "lib/table/table.hpp"
#include "lib/util/error.hpp"
#include "tests/unit/testutil.hpp"

using namespace request::table;

namespace {

// The one-line message of the error `f` throws, with its exit code checked.
template <typename F>
std::string error_of(F f, request::ExitCode code = request::ExitCode::invalid_data) {
  try {
    f();
  } catch (const request::Error& e) {
    CHECK(e.code() == code);
    return e.line();
  }
  FAIL("no error thrown");
  return {};
}

}  // namespace

TEST_CASE("csv: header, cells, numbers", "[table]") {
  Table t = parse_csv("id,a.b,c\nx,1.5,-2\ny,,3e2\n", "f.csv");
  REQUIRE(t.columns() == std::vector<std::string>{"id", "a.b", "c"});
  REQUIRE(t.row_count() == 2);
  CHECK(t.cell(0, 0) == "x");
  CHECK(t.number(0, 1) == 1.5);
  CHECK(t.number(1, 2) == 300);
  CHECK(std::isnan(t.number(1, 1)));
  CHECK(t.line(1) == 3);
  CHECK(t.find_column("a.b") == 1u);
  CHECK_FALSE(t.find_column("a"));
}

TEST_CASE("csv: RFC 4180 quoting, CRLF, BOM, blank lines", "[table]") {
  Table t = parse_csv("\xEF\xBB\xBF\"id\",\"v\"\r\n\"a,b\",1\r\n\r\n\"say \"\"hi\"\"\",2\r\n\"two\nlines\",3\r\nlast,4", "q.csv");
  REQUIRE(t.row_count() == 4);
  CHECK(t.columns()[0] == "id");
  CHECK(t.cell(0, 0) == "a,b");
  CHECK(t.cell(1, 0) == "say \"hi\"");
  CHECK(t.cell(2, 0) == "two\nlines");
  CHECK(t.line(2) == 5);
  CHECK(t.line(3) == 7);
  CHECK(t.cell(3, 1) == "4");
  CHECK(t.cell(0, 1) == "1");
  // An empty quoted field is empty; a field may be quoted in one row only.
  Table u = parse_csv("a,b\n\"\",x\n", "e.csv");
  CHECK(u.cell(0, 0).empty());
}

TEST_CASE("csv: every error names file:line, exit 4", "[table]") {
  CHECK(error_of([] { parse_csv("id,a\nx,1\ny,2,3\n", "r.csv"); }) ==
        "r.csv:3: ragged row: 3 fields, the header has 2");
  CHECK(error_of([] { parse_csv("id,a\nx,1\ny\n", "r.csv"); }) == "r.csv:3: ragged row: 1 field, the header has 2");
  CHECK(error_of([] { parse_csv("id,a\nx,\"1\n\ny,2\n", "q.csv"); }) ==
        "q.csv:2: broken quoting: quoted field not closed before the end of the file");
  CHECK(error_of([] { parse_csv("id,a\nx,\"1\"2\n", "q.csv"); }) ==
        "q.csv:2: broken quoting: '2' after a closing quote (write \"\" for a quote)");
  CHECK(error_of([] { parse_csv("", "e.csv"); }) == "e.csv: empty file: no header row");
  CHECK(error_of([] { parse_csv("a,a\n", "d.csv"); }) == "d.csv: duplicate column 'a'");
  Table t = parse_csv("id,v\nx,1\ny,fast\n", "n.csv");
  CHECK(error_of([&] { t.number(1, 1); }) == "n.csv:3: column 'v': 'fast' is not a number");
  CHECK(error_of([&] { t.numeric_column(1); }) == "n.csv:3: column 'v': 'fast' is not a number");
  std::string missing = error_of([&] { t.require_column("V"); }, request::ExitCode::usage);
  CHECK(missing == "n.csv: no column 'V' (hint: did you mean 'v'?)");
}

TEST_CASE("numbers: from_chars with the usual spellings", "[table]") {
  CHECK(parse_number("1") == 1.0);
  CHECK(parse_number(" +2.5 ") == 2.5);
  CHECK(parse_number("-0") == 0.0);
  CHECK(parse_number("1e400") == std::numeric_limits<double>::infinity());
  CHECK(parse_number("inf") == std::numeric_limits<double>::infinity());
  CHECK(std::isnan(*parse_number("")));
  CHECK(std::isnan(*parse_number("NaN")));
  CHECK(std::isnan(*parse_number("NA")));
  CHECK_FALSE(parse_number("1.2.3"));
  CHECK_FALSE(parse_number("12ms"));
  CHECK_FALSE(parse_number("0x10"));
}

TEST_CASE("jsonl: objects per line, nested keys flattened", "[table]") {
  Table t = parse_jsonl("{\"id\": \"a\", \"m\": {\"lat\": 1.5}, \"tags\": [1]}\n\n{\"id\": \"b\", \"x\": true}\n", "f.jsonl");
  REQUIRE(t.columns() == std::vector<std::string>{"id", "m.lat", "tags", "x"});
  REQUIRE(t.row_count() == 2);
  CHECK(t.number(0, 1) == 1.5);
  CHECK(t.cell(0, 2) == "[1]");
  CHECK(t.cell(1, 1).empty());
  CHECK(t.cell(1, 3) == "true");
  CHECK(t.line(1) == 3);
  CHECK(error_of([] { parse_jsonl("{\"a\": 1}\n{\"a\": \n", "b.jsonl"); }) == "b.jsonl:2: malformed JSON line");
  CHECK(error_of([] { parse_jsonl("{\"a\": 1}\n[1]\n", "b.jsonl"); }) == "b.jsonl:2: expected a JSON object per line");
  CHECK(error_of([] { parse_jsonl("\n", "e.jsonl"); }) == "e.jsonl: empty file: no JSON objects");
}

TEST_CASE("read_table picks the reader by extension", "[table]") {
  request::test::TempDir dir;
  request::test::write_text(dir / "a.csv", "id,v\nx,1\n");
  request::test::write_text(dir / "a.jsonl", "{\"id\": \"x\", \"v\": 1}\n");
  CHECK(read_table((dir / "a.csv").string()).row_count() == 1);
  CHECK(read_table((dir / "a.jsonl").string()).columns().size() == 2);
  CHECK_THROWS_AS(read_table((dir / "none.csv").string()), request::Error);
}

TEST_CASE("csv: a lone carriage return stays inside an unquoted field", "[table]") {
  Table t = parse_csv("id,v\r\na\rb,1\r\nc,2\n", "cr.csv");
  REQUIRE(t.row_count() == 2);
  CHECK(t.cell(0, 0) == "a\rb");
  CHECK(t.number(0, 1) == 1.0);
  CHECK(t.cell(1, 0) == "c");
  CHECK(t.number(1, 1) == 2.0);
  // Ends without a newline, and a trailing carriage return alone.
  Table u = parse_csv("id,v\nx,3\r", "end.csv");
  REQUIRE(u.row_count() == 1);
  CHECK(u.cell(0, 1) == "3\r");
}
