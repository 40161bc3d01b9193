#include <catch2/catch.hpp>

#include <filesystem>

#include "lib/exec/fake_command_runner.hpp"
#include "lib/util/error.hpp"
#include "modules/program/build_cache.hpp"
#include "tests/unit/testutil.hpp"

using namespace request;
using nlohmann::json;

namespace {
store::Entry entry_in(const test::TempDir& dir, json meta) {
  store::Entry e;
  e.repo = "r";
  e.module = "program";
  e.alias = "p";
  e.uid = "0123456789abcdef";
  e.path = dir / "p";
  e.meta_path = e.path / "meta.json";
  e.meta = std::move(meta);
  return e;
}
json meta() {
  return json::parse(R"json({"uid": "0123456789abcdef", "alias": "p", "tags": [], "sources": ["a.cpp"],
    "choices": {"opt": {"type": "int", "default": 2, "values": [0, 2], "build": true},
                "n": {"type": "int", "default": 4}},
    "build": ["$CXX -O$opt -o $OUT/a $SRC/a.cpp"], "run": "$OUT/a $n"})json");
}
}  // namespace

TEST_CASE("the build key changes with sources, build choices and environments only", "[run]") {
  test::TempDir dir;
  test::write_text(dir / "p/a.cpp", "int main() {}\n");
  store::Entry e = entry_in(dir, meta());
  auto spec = program::parse_program(e);
  program::BuildKeyInputs in;
  in.environments = json::array({{{"name", "cxx"}, {"version", "12.2"}}});
  auto base = program::resolve_choices(spec, {});
  const std::string k = program::build_key(e, spec, base, in);
  CHECK(k.size() == 64);
  CHECK(program::build_key(e, spec, program::resolve_choices(spec, {"n=8"}), in) == k);  // run-only choice
  CHECK(program::build_key(e, spec, program::resolve_choices(spec, {"opt=0"}), in) != k);
  program::BuildKeyInputs other = in;
  other.environments[0]["version"] = "13.1";
  CHECK(program::build_key(e, spec, base, other) != k);
  other = in;
  other.variables["CXXFLAGS"] = "-g";
  CHECK(program::build_key(e, spec, base, other) != k);
  test::write_text(dir / "p/a.cpp", "int main() { return 0; }\n");
  CHECK(program::build_key(e, spec, base, in) != k);
}

TEST_CASE("a build runs once, then hits the cache; a failure keeps its log", "[run]") {
  test::TempDir dir;
  test::write_text(dir / "p/a.cpp", "int main() {}\n");
  store::Entry e = entry_in(dir, meta());
  auto spec = program::parse_program(e);
  program::BuildRequest req{dir / "cache", {{"CXX", "/usr/bin/g++"}, {"opt", "2"}, {"SRC", "/src"}}, {}, "r:program:p"};
  exec::FakeCommandRunner runner;
  auto first = program::ensure_built(spec, "k1", req, runner);
  REQUIRE(first.ok);
  CHECK_FALSE(first.cached);
  REQUIRE(runner.m_calls.size() == 1);
  CHECK(runner.m_calls[0].argv == std::vector<std::string>{"/usr/bin/g++", "-O2", "-o", (dir / "cache/k1/a").string(), "/src/a.cpp"});
  CHECK(runner.m_calls[0].cwd == dir / "cache/k1");
  CHECK(std::filesystem::exists(dir / "cache/k1" / program::k_build_marker));
  auto second = program::ensure_built(spec, "k1", req, runner);
  CHECK(second.cached);
  CHECK(runner.m_calls.size() == 1);

  exec::ProcessResult bad;
  bad.exit_code = 1;
  runner.push(bad);
  auto failed = program::ensure_built(spec, "k2", req, runner);
  CHECK_FALSE(failed.ok);
  CHECK_THAT(failed.reason, Catch::Contains("build command 1 failed (exit 1)"));
  CHECK_THAT(failed.log_tail, Catch::Contains("$ /usr/bin/g++ -O2"));
  CHECK_FALSE(std::filesystem::exists(dir / "cache/k2" / program::k_build_marker));
  // A failed build is not cached: the next attempt runs again.
  auto retry = program::ensure_built(spec, "k2", req, runner);
  CHECK(retry.ok);
  CHECK(runner.m_calls.size() == 3);

  exec::ProcessResult stopped;
  stopped.interrupted = true;
  runner.push(stopped);
  try {
    program::ensure_built(spec, "k3", req, runner);
    FAIL("no error");
  } catch (const Error& err) {
    CHECK(err.code() == ExitCode::interrupted);
  }
}

TEST_CASE("tail_lines keeps the last lines", "[run]") {
  test::TempDir dir;
  test::write_text(dir / "log", "a\nb\nc\nd\n");
  CHECK(program::tail_lines(dir / "log", 2) == "c\nd");
  CHECK(program::tail_lines(dir / "log", 10) == "a\nb\nc\nd");
  CHECK(program::tail_lines(dir / "none", 3).empty());
}
