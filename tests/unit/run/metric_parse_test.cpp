#include <catch2/catch.hpp>

#include <variant>

#include "modules/program/metric_parse.hpp"
#include "tests/unit/testutil.hpp"

using namespace request;

namespace {
program::MetricSpec json_metric(std::string key) {
  program::MetricSpec m;
  m.name = "gflops";
  m.file = "m.json";
  m.key = std::move(key);
  return m;
}
program::MetricSpec stdout_metric(std::string regex) {
  program::MetricSpec m;
  m.name = "acc";
  m.from_json = false;
  m.regex = std::move(regex);
  return m;
}
std::string error_of(const program::MetricValue& v) {
  REQUIRE(std::holds_alternative<std::string>(v));
  return std::get<std::string>(v);
}
}  // namespace

TEST_CASE("a metric is read from a JSON file in the scratch folder", "[run]") {
  test::TempDir dir;
  test::write_text(dir / "m.json", R"({"a": {"b": 2.5}, "s": "7", "bad": "x", "arr": [1]})");
  auto v = program::parse_metric(json_metric("a.b"), dir.path(), "");
  REQUIRE(std::holds_alternative<double>(v));
  CHECK(std::get<double>(v) == 2.5);
  CHECK(std::get<double>(program::parse_metric(json_metric("s"), dir.path(), "")) == 7.0);
  CHECK_THAT(error_of(program::parse_metric(json_metric("missing"), dir.path(), "")),
             Catch::Contains("no key 'missing'"));
  CHECK_THAT(error_of(program::parse_metric(json_metric("bad"), dir.path(), "")), Catch::Contains("not a number"));
  CHECK_THAT(error_of(program::parse_metric(json_metric("arr"), dir.path(), "")), Catch::Contains("not a number"));
}

TEST_CASE("a missing or malformed metrics file is a reason, not a crash", "[run]") {
  test::TempDir dir;
  CHECK_THAT(error_of(program::parse_metric(json_metric("x"), dir.path(), "")), Catch::Contains("wrote no file"));
  test::write_text(dir / "m.json", "{not json");
  CHECK_THAT(error_of(program::parse_metric(json_metric("x"), dir.path(), "")), Catch::Contains("not valid JSON"));
}

TEST_CASE("a metric is read from stdout by the regex's first group", "[run]") {
  test::TempDir dir;
  auto m = stdout_metric("acc=([0-9.eE+-]+)");
  CHECK(std::get<double>(program::parse_metric(m, dir.path(), "x\nacc=0.875\n")) == 0.875);
  CHECK_THAT(error_of(program::parse_metric(m, dir.path(), "garbage")), Catch::Contains("does not match"));
  CHECK_THAT(error_of(program::parse_metric(stdout_metric("acc=(\\S+)"), dir.path(), "acc=nan")),
             Catch::Contains("not"));
  CHECK_THAT(error_of(program::parse_metric(stdout_metric("acc=(\\S+)"), dir.path(), "acc=1.5x")),
             Catch::Contains("not a number: '1.5x'"));
  CHECK_THAT(error_of(program::parse_metric(stdout_metric("acc=(["), dir.path(), "acc=1")),
             Catch::Contains("invalid regex"));
}
