#pragma once
// Running one design point of a program: warmups, then measured repetitions,
// each a fresh process in a fresh scratch folder; metrics parsed and the
// correctness check applied per repetition. Processes go through a
// CommandRunner, so the orchestration is tested with FakeCommandRunner.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lib/exec/command_runner.hpp"
#include "lib/exec/rapl.hpp"
#include "lib/stats/repetition_loop.hpp"
#include "lib/util/command_template.hpp"
#include "modules/program/program_spec.hpp"

namespace request::program {

// Names of the built-in metrics.
inline constexpr const char* k_wall_time = "wall_time_s";
inline constexpr const char* k_user_time = "user_time_s";
inline constexpr const char* k_sys_time = "sys_time_s";
inline constexpr const char* k_max_rss = "max_rss_bytes";
inline constexpr const char* k_energy = "energy_j";

// How to run the point.
struct PointSettings {
  stats::RepetitionPlan plan;
  std::optional<double> timeout_s;
  std::optional<uint64_t> memory_limit_bytes;
  std::filesystem::path scratch_root;        // fresh scratch folders are made inside
  std::map<std::string, std::string> env;    // the program's whole environment
  util::Variables variables;                 // template variables except SCRATCH
  std::string where;                         // the program's CID, for errors
  exec::RaplReader* rapl = nullptr;          // energy when available
  // Called before each run: index within its phase, warmup or not.
  std::function<void(size_t index, bool warmup)> progress;
};

// What happened.
struct PointOutcome {
  std::string status = "ok";    // "ok", "failed" or "timeout"
  std::string reason;           // empty when ok
  std::string command;          // the first run's command line (shell-quoted)
  std::optional<int> exit_code; // of the last run
  std::optional<int> term_signal;
  size_t warmups = 0;
  size_t repetitions = 0;       // measured runs that succeeded
  bool interrupted = false;     // Ctrl-C: the caller writes nothing
  std::string started_at;       // UTC, ISO 8601
  std::string finished_at;
  // Samples of every metric (built-in and declared), one per measured run, in order.
  std::map<std::string, std::vector<double>> samples;
};

// Runs the point. Template errors throw Error(invalid_data); a failing program
// never throws, it gives status failed/timeout and the reason.
PointOutcome run_point(const ProgramSpec& spec, const PointSettings& settings, exec::CommandRunner& runner);

// Now, as "2026-11-29T20:34:56.123Z".
std::string utc_now();

}  // namespace request::program
