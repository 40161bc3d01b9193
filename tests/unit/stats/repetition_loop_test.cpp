#include "lib/stats/repetition_loop.hpp"

#include <vector>

#include <catch2/catch.hpp>

#include "lib/exec/subprocess_runner.hpp"

using namespace request::stats;

TEST_CASE("repetitions: warmups first, then the count", "[stats]") {
  std::vector<std::pair<size_t, bool>> calls;
  const LoopOutcome out = run_repetitions({2, 3, 0}, [&](size_t i, bool warm) -> std::optional<double> {
    calls.emplace_back(i, warm);
    return 0.5;
  });
  CHECK(out.warmups == 2);
  CHECK(out.repetitions == 3);
  CHECK(out.measured_s == 1.5);  // warmups do not count
  CHECK_FALSE(out.stopped);
  CHECK(calls == std::vector<std::pair<size_t, bool>>{{0, true}, {1, true}, {0, false}, {1, false}, {2, false}});
}

TEST_CASE("repetitions: both the count and the minimum time must be met", "[stats]") {
  auto body = [](size_t, bool) -> std::optional<double> { return 0.3; };
  CHECK(run_repetitions({0, 3, 1.0}, body).repetitions == 4);  // 0.9 s after 3 is not enough
  CHECK(run_repetitions({0, 5, 1.0}, body).repetitions == 5);  // the count wins
  CHECK(run_repetitions({0, 0, 0.0}, body).repetitions == 0);
  RepetitionPlan capped{0, 1, 100.0};
  capped.max_repeat = 7;
  CHECK(run_repetitions(capped, body).repetitions == 7);
}

TEST_CASE("repetitions: the body can stop the loop", "[stats]") {
  size_t calls = 0;
  const LoopOutcome out = run_repetitions({1, 10, 0}, [&](size_t i, bool warm) -> std::optional<double> {
    ++calls;
    if (!warm && i == 2) return std::nullopt;
    return 0.1;
  });
  CHECK(out.stopped);
  CHECK(out.warmups == 1);
  CHECK(out.repetitions == 2);
  CHECK(calls == 4);
  const LoopOutcome early = run_repetitions({3, 10, 0}, [](size_t, bool) -> std::optional<double> { return std::nullopt; });
  CHECK(early.stopped);
  CHECK(early.warmups == 0);
  CHECK(early.repetitions == 0);
}

TEST_CASE("repetitions: with real processes until a minimum time", "[stats][exec]") {
  request::exec::SubprocessRunner runner;
  request::exec::ProcessSpec spec;
  spec.argv = {"/bin/sleep", "0.05"};
  std::vector<double> measured;
  const LoopOutcome out = run_repetitions({1, 2, 0.3}, [&](size_t, bool warm) -> std::optional<double> {
    const auto r = runner.run(spec);
    if (!r.ok()) return std::nullopt;
    if (!warm) measured.push_back(r.wall_s);
    return r.wall_s;
  });
  CHECK_FALSE(out.stopped);
  CHECK(out.warmups == 1);
  REQUIRE(out.repetitions == measured.size());
  REQUIRE(out.repetitions >= 2);
  CHECK(out.measured_s >= 0.3);
  // It stopped as soon as both were met: one fewer would not have been enough.
  CHECK(out.measured_s - measured.back() < 0.3);
  for (double s : measured) CHECK(s >= 0.05);
}
