#pragma once
// The repetition loop of `request run`: warmups, then repetitions until both a
// count and a minimum total measured time are reached.
#include <cstddef>
#include <functional>
#include <limits>
#include <optional>

namespace request::stats {

// How many times to run.
struct RepetitionPlan {
  size_t warmup = 0;        // unmeasured runs first
  size_t repeat = 1;        // at least this many measured runs...
  double min_time_s = 0;    // ...and at least this much measured time in total
  size_t max_repeat = std::numeric_limits<size_t>::max();  // hard cap, wins over min_time_s
};

// What the loop did.
struct LoopOutcome {
  size_t warmups = 0;       // warmup runs completed
  size_t repetitions = 0;   // measured runs completed
  double measured_s = 0;    // sum of the seconds the measured runs reported
  bool stopped = false;     // the body asked to stop early
};

// Called for each run with its 0-based index within its phase and whether it is
// a warmup; returns the run's measured seconds, or nullopt to stop the loop
// (failure, interrupt). Warmup seconds do not count toward min_time_s.
using RepetitionBody = std::function<std::optional<double>(size_t index, bool warmup)>;

// Runs the plan. repeat == 0 with min_time_s == 0 runs only the warmups.
LoopOutcome run_repetitions(const RepetitionPlan& plan, const RepetitionBody& body);

}  // namespace request::stats
