#pragma once
// What to run: argv, an explicit environment, working directory, where output
// goes, and the limits (timeout, memory) of one child process.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace request::exec {

// Where a child's stdout or stderr goes.
enum class OutputMode {
  discard,  // /dev/null
  file,     // truncate-and-write (or append) a file
  capture,  // read into ProcessResult through a pipe, keeping at most `capture_limit` bytes
};

// Destination of one output stream.
struct OutputSpec {
  OutputMode mode = OutputMode::discard;
  std::filesystem::path path;               // for OutputMode::file
  bool append = false;                      // for OutputMode::file
  size_t capture_limit = 1024 * 1024;       // for OutputMode::capture; the rest is read and dropped
};

// Default time between SIGTERM and SIGKILL when a child group is stopped.
inline constexpr std::chrono::milliseconds k_default_kill_grace{500};

// One process to run. stdin is always /dev/null.
struct ProcessSpec {
  std::vector<std::string> argv;                // argv[0] is looked up in the child's PATH
  std::map<std::string, std::string> env;       // the child's whole environment...
  bool inherit_env = false;                     // ...unless true: then the parent's, overridden by `env`
  std::filesystem::path cwd;                    // empty: the parent's working directory
  OutputSpec out;                               // stdout
  OutputSpec err;                               // stderr
  std::optional<std::chrono::duration<double>> timeout;  // wall-clock limit for the whole group
  std::chrono::milliseconds kill_grace = k_default_kill_grace;  // SIGTERM -> SIGKILL delay
  std::optional<uint64_t> memory_limit_bytes;   // RLIMIT_AS of the child (see docs/measurement.md)
};

}  // namespace request::exec
