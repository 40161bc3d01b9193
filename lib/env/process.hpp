#pragma once
// A small process helper for detectors: runs version commands concurrently with
// posix_spawn, stdin from /dev/null, stdout (and stderr) captured, each child in
// its own process group and killed when it outlives the timeout.
#include <string>
#include <vector>

namespace request::env {

// One command to run and capture.
struct CaptureCommand {
  std::vector<std::string> argv;  // argv[0] is a path or a name looked up in PATH
  bool merge_stderr = true;       // capture stderr into the same buffer
};

// What a captured command did.
struct CaptureResult {
  bool started = false;    // false: spawn failed, see `error`
  bool timed_out = false;  // killed after the timeout
  int exit_code = -1;      // exit status when it exited normally, else -1
  int signal = 0;          // terminating signal, else 0
  std::string output;      // captured bytes (truncated at k_max_capture)
  std::string error;       // why it could not be started

  // True when it started, exited normally and returned 0.
  bool ok() const { return started && !timed_out && signal == 0 && exit_code == 0; }
  // "exit code 2", "killed by signal 9", "timed out after 2000 ms", "cannot run: ..."
  std::string failure_text(int timeout_ms) const;
};

// Captured output beyond this many bytes is dropped.
inline constexpr size_t k_max_capture = 1 << 20;

// Run every command at the same time; results in the same order. The children
// run with LC_ALL=C so version texts are not translated.
std::vector<CaptureResult> capture_all(const std::vector<CaptureCommand>& commands, int timeout_ms);

// Run one command (see capture_all).
CaptureResult capture(const CaptureCommand& command, int timeout_ms);

}  // namespace request::env
