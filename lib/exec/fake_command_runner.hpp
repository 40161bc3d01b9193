#pragma once
// A CommandRunner for tests: records every spec and answers from a script of
// results, so callers (request run) can be tested without real processes.
#include <deque>
#include <functional>
#include <vector>

#include "lib/exec/command_runner.hpp"

namespace request::exec {

// Returns queued results in order; when the queue is empty, asks `respond`
// (if set), else returns a successful result with `default_wall_s`.
class FakeCommandRunner final : public CommandRunner {
public:
  ProcessResult run(const ProcessSpec& spec) override;

  // Queue one result for the next call.
  void push(ProcessResult result) { m_queue.push_back(std::move(result)); }

  std::vector<ProcessSpec> m_calls;                              // every spec received, in order
  std::function<ProcessResult(const ProcessSpec&)> m_respond;    // fallback when the queue is empty
  double m_default_wall_s = 0.001;                               // wall time of the default result

private:
  std::deque<ProcessResult> m_queue;
};

}  // namespace request::exec
