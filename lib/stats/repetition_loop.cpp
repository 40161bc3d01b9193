#include "lib/stats/repetition_loop.hpp"

namespace request::stats {

LoopOutcome run_repetitions(const RepetitionPlan& plan, const RepetitionBody& body) {
  LoopOutcome out;
  for (size_t i = 0; i < plan.warmup; ++i) {
    if (!body(i, true)) {
      out.stopped = true;
      return out;
    }
    ++out.warmups;
  }
  while (out.repetitions < plan.max_repeat && (out.repetitions < plan.repeat || out.measured_s < plan.min_time_s)) {
    const std::optional<double> seconds = body(out.repetitions, false);
    if (!seconds) {
      out.stopped = true;
      break;
    }
    ++out.repetitions;
    out.measured_s += *seconds;
  }
  return out;
}

}  // namespace request::stats
