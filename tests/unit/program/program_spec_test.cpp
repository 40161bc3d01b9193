#include <catch2/catch.hpp>

#include "lib/util/error.hpp"
#include "modules/program/program_spec.hpp"

using namespace request;
using nlohmann::json;

namespace {
store::Entry program_entry(json meta) {
  store::Entry e;
  e.repo = "r";
  e.module = "program";
  e.alias = "p";
  e.meta = std::move(meta);
  return e;
}

json matmul_meta() {
  return json::parse(R"json({
    "uid": "0123456789abcdef", "alias": "p", "tags": [],
    "sources": ["mm.cpp"],
    "choices": {
      "n": {"type": "int", "default": 64, "min": 8, "max": 1024},
      "opt": {"type": "int", "default": 2, "values": [0, 1, 2, 3], "build": true},
      "impl": {"type": "string", "default": "naive", "values": ["naive", "blocked"]},
      "scale": {"type": "number", "default": 0.5},
      "check": {"type": "bool", "default": true}
    },
    "build": ["$CXX -O$opt -o $OUT/mm $SRC/mm.cpp"],
    "run": "$OUT/mm $n $impl",
    "metrics": {
      "gflops": {"from": "json", "file": "m.json", "unit": "GFLOP/s", "direction": "max"},
      "sum": {"from": "stdout", "regex": "sum=([0-9.]+)", "direction": "min"}
    },
    "check": {"output": "out.txt", "reference": "${SRC}/ref.txt", "tolerance": 1e-6}
  })json");
}
}  // namespace

TEST_CASE("a program entry is read into a typed spec", "[program]") {
  auto spec = program::parse_program(program_entry(matmul_meta()));
  REQUIRE(spec.choices.size() == 5);
  CHECK(spec.choices[0].name == "check");  // sorted by name
  CHECK(spec.build.size() == 1);
  REQUIRE(spec.metrics.size() == 2);
  CHECK(spec.metrics[0].name == "gflops");
  CHECK(spec.metrics[0].key == "gflops");  // key defaults to the metric name
  CHECK(spec.metrics[1].from_json == false);
  REQUIRE(spec.check);
  CHECK(*spec.check->tolerance == Approx(1e-6));
}

TEST_CASE("choices take defaults, --set values are typed and checked", "[program]") {
  auto spec = program::parse_program(program_entry(matmul_meta()));
  auto c = program::resolve_choices(spec, {"n=128", "impl=blocked", "scale=2", "check=false"});
  CHECK(c["n"] == 128);
  CHECK(c["opt"] == 2);
  CHECK(c["impl"] == "blocked");
  CHECK(c["scale"] == 2);
  CHECK(c["check"] == false);
  CHECK(program::choice_text(c["n"]) == "128");

  auto code_of = [&](std::vector<std::string> sets) {
    try {
      program::resolve_choices(spec, sets);
    } catch (const Error& e) {
      return static_cast<int>(e.code());
    }
    return 0;
  };
  CHECK(code_of({"n=4"}) == 2);         // below min
  CHECK(code_of({"n=abc"}) == 2);       // not an int
  CHECK(code_of({"opt=5"}) == 2);       // not in values
  CHECK(code_of({"impl=fast"}) == 2);   // not in values
  CHECK(code_of({"nope=1"}) == 2);      // undeclared
  CHECK(code_of({"n"}) == 2);           // no '='
}

TEST_CASE("sweeps form the cartesian product of --vary in a stable order", "[program]") {
  auto spec = program::parse_program(program_entry(matmul_meta()));
  auto base = program::resolve_choices(spec, {});
  auto points = program::expand_sweep(spec, base, {"opt=0,3", "impl=naive,blocked"});
  REQUIRE(points.size() == 4);
  CHECK(points[0]["opt"] == 0);
  CHECK(points[0]["impl"] == "naive");
  CHECK(points[1]["opt"] == 0);
  CHECK(points[1]["impl"] == "blocked");
  CHECK(points[3]["opt"] == 3);
  CHECK(points[3]["n"] == 64);
  CHECK_THROWS_AS(program::expand_sweep(spec, base, {"opt=0,9"}), Error);
}

TEST_CASE("a malformed program says what is wrong", "[program]") {
  json m = matmul_meta();
  m.erase("run");
  CHECK_THROWS_WITH(program::parse_program(program_entry(m)), Catch::Contains("no 'run' command"));
  m = matmul_meta();
  m["choices"]["n"]["default"] = 2;  // below its own min
  CHECK_THROWS_AS(program::parse_program(program_entry(m)), Error);
  m = matmul_meta();
  m["metrics"]["gflops"].erase("file");
  CHECK_THROWS_WITH(program::parse_program(program_entry(m)), Catch::Contains("needs 'file'"));
}
