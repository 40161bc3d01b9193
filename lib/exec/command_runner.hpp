#pragma once
// The one interface through which anything runs a process, so tests can fake it
// (ninja's CommandRunner / FakeCommandRunner).
#include "lib/exec/process_result.hpp"
#include "lib/exec/process_spec.hpp"

namespace request::exec {

// Runs one process to completion (or to its timeout) and measures it.
class CommandRunner {
public:
  virtual ~CommandRunner() = default;
  // Never throws for a failing child; a child that cannot start sets spawn_error.
  virtual ProcessResult run(const ProcessSpec& spec) = 0;
};

}  // namespace request::exec
