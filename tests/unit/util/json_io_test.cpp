#include "lib/util/json_io.hpp"

#include <functional>
#include <regex>

#include <catch2/catch.hpp>

#include "lib/util/error.hpp"
#include "tests/unit/testutil.hpp"

using namespace request;
using util::Json;

namespace {
std::string error_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::invalid_data);
    return e.line();
  }
  return "no error";
}
}  // namespace

TEST_CASE("json: malformed input reports file:line:col", "[util][json]") {
  CHECK(error_of([] { util::parse_json("{\n  \"a\": 1,\n  \"b\": ,\n}", "m.json"); })
            .rfind("m.json:3:8: malformed JSON: syntax error", 0) == 0);
  CHECK(error_of([] { util::parse_json("", "e.json"); }).rfind("e.json:1:1: malformed JSON", 0) == 0);
  CHECK(error_of([] { util::parse_json("[1, 2", "t.json"); }).rfind("t.json:1:", 0) == 0);
}

TEST_CASE("yaml: scalars map to JSON types; errors report file:line:col", "[util][yaml]") {
  Json j = util::parse_yaml("i: 3\nf: 2.5\nb: true\nn: ~\ns: hello\nq: \"3\"\nl: [1, a]\nm: {k: v}\n", "m.yaml");
  CHECK(j["i"] == 3);
  CHECK(j["f"] == 2.5);
  CHECK(j["b"] == true);
  CHECK(j["n"].is_null());
  CHECK(j["s"] == "hello");
  CHECK(j["q"] == "3");
  CHECK(j["l"] == Json::array({1, "a"}));
  CHECK(j["m"]["k"] == "v");
  CHECK(std::regex_search(error_of([] { util::parse_yaml("a: 1\nb: [1, 2\nc: 3\n", "bad.yaml"); }),
                          std::regex("^bad.yaml:[0-9]+:[0-9]+: malformed YAML: ")));
}

TEST_CASE("yaml: dump_yaml reads back to the same value", "[util][yaml]") {
  Json v = {{"uid", "0123456789abcdef"}, {"tags", {"a", "3", "true", "~", "x: y", "- z"}},
            {"n", 3},                    {"f", 0.1},
            {"neg", -7},                 {"b", false},
            {"nul", nullptr},            {"empty", Json::array()},
            {"obj", Json::object()},     {"nested", {{"k", {{"deep", "v\nw"}}}}},
            {"quote", "say \"hi\""}};
  CHECK(util::parse_yaml(util::dump_yaml(v), "x") == v);
}

TEST_CASE("cli values: JSON when valid, else the text", "[util][json]") {
  CHECK(util::parse_cli_value("3") == 3);
  CHECK(util::parse_cli_value("true") == true);
  CHECK(util::parse_cli_value("[1,2]") == Json::array({1, 2}));
  CHECK(util::parse_cli_value("{\"a\":1}") == Json{{"a", 1}});
  CHECK(util::parse_cli_value("\"3\"") == "3");
  CHECK(util::parse_cli_value("gcc") == "gcc");
  CHECK(util::parse_cli_value("1.2.3") == "1.2.3");
  CHECK(util::parse_cli_value("") == "");
}

TEST_CASE("dotted paths: get and set nested keys", "[util][json]") {
  Json j = Json::object();
  util::set_dotted(j, "build.cc", "gcc");
  util::set_dotted(j, "build.opt", 3);
  util::set_dotted(j, "top", true);
  CHECK(j == Json{{"build", {{"cc", "gcc"}, {"opt", 3}}}, {"top", true}});
  REQUIRE(util::get_dotted(j, "build.cc"));
  CHECK(*util::get_dotted(j, "build.cc") == "gcc");
  CHECK(util::get_dotted(j, "build.none") == nullptr);
  CHECK(util::get_dotted(j, "top.deeper") == nullptr);
  util::set_dotted(j, "top.deeper", 1);  // a scalar on the way becomes an object
  CHECK(j["top"]["deeper"] == 1);
  CHECK_THROWS_AS(util::set_dotted(j, "a..b", 1), Error);
  CHECK_THROWS_AS(util::set_dotted(j, "", 1), Error);
}

TEST_CASE("line_col counts from 1", "[util][json]") {
  CHECK(util::line_col("ab\ncd", 0) == std::pair<size_t, size_t>{1, 1});
  CHECK(util::line_col("ab\ncd", 4) == std::pair<size_t, size_t>{2, 2});
}
