#pragma once
// The build cache of `request run`: REQUEST_HOME/cache/build/<key>/, keyed by
// the SHA-256 of everything that can change the binary. A folder with
// build.json is a finished build; build.log keeps the commands' output.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lib/exec/command_runner.hpp"
#include "lib/store/entry.hpp"
#include "lib/util/command_template.hpp"
#include "modules/program/program_spec.hpp"

namespace request::program {

// Name of the marker written last by a successful build.
inline constexpr const char* k_build_marker = "build.json";
// Name of the log of a build's commands (stdout and stderr).
inline constexpr const char* k_build_log = "build.log";

// What goes into the key besides the program: the resolved environments
// ([{name, version, path, fingerprint}...]) and their merged variables.
struct BuildKeyInputs {
  nlohmann::json environments = nlohmann::json::array();
  std::map<std::string, std::string> variables;
};

// SHA-256 (hex) over the source files' names and contents (every file of the
// entry but its meta when `sources` is empty), the build templates, the
// environments, the variables and the choices marked `build: true`.
std::string build_key(const store::Entry& program, const ProgramSpec& spec, const ChoiceValues& choices,
                      const BuildKeyInputs& inputs);

// How a build went.
struct BuildOutcome {
  std::string key;
  bool cached = false;               // found finished in the cache: nothing ran
  bool ok = true;
  std::string reason;                // why it failed
  std::string log_tail;              // last lines of build.log when it failed
  std::filesystem::path out_dir;     // $OUT
  std::filesystem::path log;         // build.log
  std::vector<std::string> commands; // the command lines as run (or recorded)
};

// Everything a build needs besides the key.
struct BuildRequest {
  std::filesystem::path cache_root;      // REQUEST_HOME/cache/build
  util::Variables variables;             // template variables except OUT
  std::map<std::string, std::string> env;  // the commands' whole environment
  std::string where;                     // the program's CID, for errors
};

// Returns the cached build for `key`, or runs the build templates in a fresh
// <key>/ folder (cwd and $OUT) under a lock on the cache. Throws
// Error(interrupted) when a command was interrupted.
BuildOutcome ensure_built(const ProgramSpec& spec, const std::string& key, const BuildRequest& request,
                          exec::CommandRunner& runner);

// The last `lines` lines of a text file ("" when unreadable).
std::string tail_lines(const std::filesystem::path& file, size_t lines);

}  // namespace request::program
