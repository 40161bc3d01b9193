// --where conditions on table rows.
#include <catch2/catch.hpp>

#include "lib/table/filter.hpp"
#include "lib/util/error.hpp"

using namespace request::table;

TEST_CASE("parse_condition", "[table][filter]") {
  Condition c = parse_condition("batch_size >= 8");
  CHECK(c.column == "batch_size");
  CHECK(c.op == CompareOp::ge);
  CHECK(c.value == "8");
  CHECK(parse_condition("a<1").op == CompareOp::lt);
  CHECK(parse_condition("m.plat_name == 'Raspberry Pi 3'").value == "Raspberry Pi 3");
  CHECK(parse_condition("x!=y").op == CompareOp::ne);
  CHECK_THROWS_AS(parse_condition("a = 1"), request::Error);
  CHECK_THROWS_AS(parse_condition("a >= fast"), request::Error);
  CHECK_THROWS_AS(parse_condition(">= 1"), request::Error);
  try {
    parse_condition("nothing");
  } catch (const request::Error& e) {
    CHECK(e.code() == request::ExitCode::usage);
    CHECK(e.line() == "--where 'nothing': expected 'NAME OP VALUE' (hint: OP is one of >= <= > < == !=, e.g. "
                      "--where 'batch_size == 1')");
  }
}

TEST_CASE("filter_rows on numbers and strings", "[table][filter]") {
  Table t = parse_csv("id,n,s\na,1,x\nb,2,y\nc,,x\nd,10,1.0\n", "w.csv");
  CHECK(filter_rows(t, {parse_condition("n >= 2")}) == std::vector<size_t>{1, 3});
  CHECK(filter_rows(t, {parse_condition("n < 2")}) == std::vector<size_t>{0});
  CHECK(filter_rows(t, {parse_condition("s == x")}) == std::vector<size_t>{0, 2});
  CHECK(filter_rows(t, {parse_condition("s != x")}) == std::vector<size_t>{1, 3});
  CHECK(filter_rows(t, {parse_condition("n != 1")}) == std::vector<size_t>{1, 2, 3});
  CHECK(filter_rows(t, {parse_condition("s == 1")}) == std::vector<size_t>{3});  // 1.0 == 1 numerically
  CHECK(filter_rows(t, {parse_condition("n > 1"), parse_condition("s == y")}) == std::vector<size_t>{1});
  CHECK_THROWS_AS(filter_rows(t, {parse_condition("nope == 1")}), request::Error);
  try {
    filter_rows(t, {parse_condition("s > 1")});
    FAIL("expected an error");
  } catch (const request::Error& e) {
    CHECK(e.code() == request::ExitCode::invalid_data);
    CHECK(e.line() == "w.csv:2: column 's': 'x' is not a number");
  }
}
