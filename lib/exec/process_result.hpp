#pragma once
// What happened to one child process: times, peak memory, how it ended.
#include <cstdint>
#include <optional>
#include <string>

namespace request::exec {

// Measurements and fate of one run. Exactly one of spawn_error (non-empty),
// exit_code or term_signal describes how it ended.
struct ProcessResult {
  double wall_s = 0;             // steady_clock, from just before spawn to observed exit
  double user_s = 0;             // ru_utime of the child (and descendants it waited for)
  double sys_s = 0;              // ru_stime, same scope
  uint64_t max_rss_bytes = 0;    // ru_maxrss (KiB on Linux) converted to bytes
  std::optional<int> exit_code;  // set when the child exited normally
  std::optional<int> term_signal;  // set when the child was killed by a signal
  bool timed_out = false;        // the runner stopped the group at the timeout
  bool memory_limited = false;   // the child failed under its memory limit (see docs/measurement.md)
  bool interrupted = false;      // the runner stopped the group because of SIGINT/SIGTERM
  std::string spawn_error;       // non-empty when the child could not be started
  std::string out;               // captured stdout (OutputMode::capture)
  std::string err;               // captured stderr (OutputMode::capture)
  bool out_truncated = false;    // captured stdout exceeded its limit
  bool err_truncated = false;    // captured stderr exceeded its limit

  // Started, exited with code 0, and was not stopped by the runner.
  bool ok() const;
  // One short phrase: "exit 0", "exit 3", "signal 11 (SIGSEGV)", "timeout", ...
  std::string describe() const;
};

// "SIGSEGV" for 11; "signal N" when unknown.
std::string signal_name(int sig);

}  // namespace request::exec
