#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "lib/exec/fake_command_runner.hpp"
#include "modules/program/point_run.hpp"
#include "tests/unit/testutil.hpp"

using namespace request;
using nlohmann::json;

namespace {
program::ProgramSpec spec_of(const std::string& extra = "") {
  store::Entry e;
  e.repo = "r";
  e.module = "program";
  e.alias = "p";
  e.meta = json::parse(R"json({"uid": "0123456789abcdef", "alias": "p", "tags": [],
    "choices": {"n": {"type": "int", "default": 4}},
    "run": "$OUT/p --n $n --out $SCRATCH/m.json",
    "metrics": {"score": {"from": "json", "file": "m.json", "key": "score", "direction": "max"},
                "v": {"from": "stdout", "regex": "v=(\\S+)", "direction": "min"}})json" + extra + "}");
  return program::parse_program(e);
}

program::PointSettings settings(const test::TempDir& dir, size_t warmup, size_t repeat) {
  program::PointSettings s;
  s.plan.warmup = warmup;
  s.plan.repeat = repeat;
  s.scratch_root = dir / "scratch";
  s.variables = {{"OUT", "/o"}, {"n", "4"}};
  s.where = "r:program:p";
  return s;
}

// A fake program: writes m.json into its scratch folder and prints v=.
exec::ProcessResult good(const exec::ProcessSpec& ps) {
  test::write_text(ps.cwd / "m.json", R"({"score": 3})");
  exec::ProcessResult r;
  r.exit_code = 0;
  r.wall_s = 0.1;
  r.user_s = 0.05;
  r.max_rss_bytes = 4096;
  r.out = "v=2\n";
  return r;
}
}  // namespace

TEST_CASE("a point runs warmups then repetitions, each in a fresh scratch folder", "[run]") {
  test::TempDir dir;
  exec::FakeCommandRunner runner;
  runner.m_respond = good;
  size_t progress_calls = 0;
  auto s = settings(dir, 2, 3);
  s.progress = [&](size_t, bool) { ++progress_calls; };
  auto o = program::run_point(spec_of(), s, runner);
  CHECK(o.status == "ok");
  CHECK(o.reason.empty());
  CHECK(o.warmups == 2);
  CHECK(o.repetitions == 3);
  CHECK(progress_calls == 5);
  REQUIRE(runner.m_calls.size() == 5);
  std::set<std::filesystem::path> scratches;
  for (const auto& c : runner.m_calls) {
    scratches.insert(c.cwd);
    CHECK(c.argv[0] == "/o/p");
    CHECK(c.argv[4] == (c.cwd / "m.json").string());
    CHECK_FALSE(std::filesystem::exists(c.cwd));  // removed after the run
  }
  CHECK(scratches.size() == 5);
  CHECK(o.samples.at("wall_time_s") == std::vector<double>{0.1, 0.1, 0.1});
  CHECK(o.samples.at("max_rss_bytes") == std::vector<double>{4096, 4096, 4096});
  CHECK(o.samples.at("score") == std::vector<double>{3, 3, 3});
  CHECK(o.samples.at("v") == std::vector<double>{2, 2, 2});
  CHECK(o.samples.count("energy_j") == 0);  // no RAPL reader: absent, never 0
  CHECK(o.exit_code == 0);
  CHECK_FALSE(o.started_at.empty());
}

TEST_CASE("min-time keeps repeating past --repeat", "[run]") {
  test::TempDir dir;
  exec::FakeCommandRunner runner;
  runner.m_respond = good;
  auto s = settings(dir, 0, 1);
  s.plan.min_time_s = 0.35;
  auto o = program::run_point(spec_of(), s, runner);
  CHECK(o.repetitions == 4);
}

TEST_CASE("a failing repetition fails the point with the reason", "[run]") {
  test::TempDir dir;
  exec::FakeCommandRunner runner;
  int call = 0;
  runner.m_respond = [&](const exec::ProcessSpec& ps) {
    exec::ProcessResult r = good(ps);
    if (++call == 2) {
      r.exit_code = 3;
      r.err = "first\nboom: disk on fire\n";
    }
    return r;
  };
  auto o = program::run_point(spec_of(), settings(dir, 0, 5), runner);
  CHECK(o.status == "failed");
  CHECK(o.reason == "repetition 2: exit 3 (stderr: boom: disk on fire)");
  CHECK(o.repetitions == 1);
  CHECK(runner.m_calls.size() == 2);
  CHECK(o.exit_code == 3);
}

TEST_CASE("timeouts, signals, garbage metrics and interrupts", "[run]") {
  test::TempDir dir;
  exec::FakeCommandRunner runner;
  SECTION("timeout") {
    exec::ProcessResult r;
    r.timed_out = true;
    r.term_signal = 15;
    runner.push(r);
    auto s = settings(dir, 1, 2);
    s.timeout_s = 0.5;
    auto o = program::run_point(spec_of(), s, runner);
    CHECK(o.status == "timeout");
    CHECK_THAT(o.reason, Catch::StartsWith("warmup 1: timeout"));
  }
  SECTION("signal") {
    exec::ProcessResult r;
    r.term_signal = 11;
    runner.push(r);
    auto o = program::run_point(spec_of(), settings(dir, 0, 2), runner);
    CHECK(o.status == "failed");
    CHECK_THAT(o.reason, Catch::Contains("SIGSEGV"));
  }
  SECTION("garbage on stdout") {
    runner.m_respond = [](const exec::ProcessSpec& ps) {
      exec::ProcessResult r = good(ps);
      r.out = "v=lots\n";
      return r;
    };
    auto o = program::run_point(spec_of(), settings(dir, 0, 2), runner);
    CHECK(o.status == "failed");
    CHECK(o.reason == "repetition 1: metric 'v': matched text is not a number: 'lots'");
  }
  SECTION("interrupt") {
    exec::ProcessResult r;
    r.interrupted = true;
    runner.push(r);
    auto o = program::run_point(spec_of(), settings(dir, 0, 3), runner);
    CHECK(o.interrupted);
    CHECK(runner.m_calls.size() == 1);
  }
}
