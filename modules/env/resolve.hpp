#pragma once
// Resolving dependencies to env entries: the API the run pipeline calls.
// Input: dependency specs {name, tags, version, optional}. Output: the chosen
// env entries, the merged variables and the PATH directories to prepend.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lib/env/resolver.hpp"
#include "lib/store/entry.hpp"
#include "lib/store/home.hpp"

namespace request::environments {

// {"name": "cc", "tags": ["compiler", "lang-c"], "version": ">=11 <15", "optional": false}
struct DependencySpec {
  std::string name;               // the role, e.g. "cc"; also matches an env's name when tags are empty
  std::vector<std::string> tags;  // all required
  std::string version;            // a range (docs/environments.md); empty = any
  bool optional = false;          // unresolved optional deps are reported, not fatal

  nlohmann::json to_json() const;
};

// From a program's meta; throws Error(invalid_data) naming `where` and the field.
DependencySpec dependency_from_json(const nlohmann::json& j, const std::string& where);
// From "TAGS[@RANGE]" (TAGS comma-separated; name = TAGS); throws Error(usage).
DependencySpec dependency_from_arg(const std::string& text);

// One resolved dependency.
struct ResolvedDependency {
  DependencySpec spec;
  store::Entry entry;
  std::string version;
  std::string path;
  std::vector<env::Rejection> others;  // the other candidates and why they lost
};

// An optional dependency nothing satisfied.
struct MissingDependency {
  DependencySpec spec;
  std::vector<env::Rejection> rejected;
};

struct Resolution {
  std::vector<ResolvedDependency> chosen;   // in the order of the specs
  std::vector<MissingDependency> missing;   // optional ones only
  std::map<std::string, std::string> variables;
  std::vector<std::string> path_dirs;       // prepend to PATH, in dependency order
  std::vector<std::string> notes;           // detections run on the way

  // {"dependencies": [{"name","cid","version","path","tags","rejected":[{"cid","reason"}]}],
  //  "missing": [...], "variables": {...}, "path_dirs": [...]}
  nlohmann::json to_json() const;
  // The result entry's "env" list: [{"name","cid","version","path"}].
  nlohmann::json env_list() const;
  // `base` (KEY=VALUE strings) with the variables set and PATH prefixed.
  std::vector<std::string> apply_to(const std::vector<std::string>& base) const;
};

struct ResolveOptions {
  bool detect = true;                      // detect on demand (nothing matches, or a stale fingerprint)
  std::string repo = store::k_local_repo;  // where on-demand detections are registered
  std::function<void(const std::string&)> note;  // progress notes (may be empty)
};

// Resolve every spec. Throws Error(unresolved) when a required one has no
// candidate that satisfies it (listing every candidate seen and why it was
// rejected) or when two chosen environments set one variable to different values.
Resolution resolve_dependencies(store::Home& home, const std::vector<DependencySpec>& specs,
                                const ResolveOptions& options = {});

}  // namespace request::environments
