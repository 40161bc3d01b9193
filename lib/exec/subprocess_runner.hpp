#pragma once
// The real CommandRunner: posix_spawn into a new process group, measured with
// steady_clock and wait4 rusage, stopped as a group on timeout or interrupt.
#include "lib/exec/command_runner.hpp"

namespace request::exec {

// Runs children with posix_spawn (see docs/measurement.md for the exact steps).
class SubprocessRunner final : public CommandRunner {
public:
  ProcessResult run(const ProcessSpec& spec) override;
};

// The argv that applies `limit_bytes` as RLIMIT_AS before exec'ing `program`:
// /bin/sh -c 'ulimit -v KiB && exec "$@"' request-memory-limit program args...
std::vector<std::string> memory_limit_shim(uint64_t limit_bytes, const std::string& program,
                                           const std::vector<std::string>& argv);

}  // namespace request::exec
