#pragma once
// A software detector: data (from a `soft` entry) saying which executables to
// look for, how to get their version, and what a detection provides (tags,
// variables, PATH directories). See docs/environments.md for the format.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace request::env {

// Default time a version command may take.
inline constexpr int k_default_timeout_ms = 5000;

struct Detector {
  std::string id;    // where it comes from, e.g. "core:soft:gcc" (messages)
  std::string uid;   // the soft entry's uid
  std::string name;  // tool name, the `name` of env entries it produces
  std::vector<std::string> provides;             // tags of produced env entries (templates)
  std::vector<std::string> executables;          // exact file names looked up in PATH
  std::vector<std::string> executable_patterns;  // regexes on file names in PATH directories
  std::vector<std::string> search_dirs;          // extra directories, searched after PATH
  std::vector<std::string> version_command;      // argv templates; {exe} is the found file
  std::string version_regex;                     // first capture group (or whole match) = version
  std::map<std::string, std::vector<std::string>> queries;  // extra commands; output -> {query.NAME}
  std::string fingerprint_file = "{exe}";        // file whose fingerprint is recorded
  std::map<std::string, std::string> env;        // exported variables (templates in names and values)
  std::vector<std::string> path_dirs = {"{dir}"};  // prepended to PATH when used
  std::string alias = "{name}-{version}";        // alias template of produced entries
  std::map<std::string, std::string> params;     // {param.NAME} values
  std::vector<std::string> for_each_tags;        // derived: run once per env entry with all these tags
  int timeout_ms = k_default_timeout_ms;

  // True when the detector runs on other env entries instead of PATH lookups.
  bool derived() const { return !for_each_tags.empty(); }
};

// Build a detector from a soft entry's meta, after `extends` was merged.
// Throws Error(invalid_data) naming `id` and the field when something is missing
// or has the wrong type, or when the regex does not compile.
Detector parse_detector(const nlohmann::json& meta, const std::string& id);

// Merge a child soft meta over its parent: top-level fields of the child win;
// `params` and `env` are merged key by key.
nlohmann::json merge_detector_meta(const nlohmann::json& parent, const nlohmann::json& child);

}  // namespace request::env
