#pragma once
// Choosing one environment per dependency, and merging the variables of the
// chosen ones. Pure logic over candidates; modules/env/ feeds it env entries.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lib/env/version.hpp"
#include "lib/env/version_range.hpp"

namespace request::env {

// An environment that could satisfy a dependency.
struct Candidate {
  std::string id;     // e.g. "local:env:gcc-12.2.0"
  Version version;
  std::string path;   // the executable (for the PATH-order tie-break)
  size_t rank = 0;    // position of its repository (0 = first registered)
  std::string unusable;  // non-empty: why it cannot be used at all (vanished, stale, ...)
};

// A candidate that was not chosen, and why.
struct Rejection {
  std::string id;
  std::string reason;
};

// The outcome for one dependency: the chosen candidate (index) and all others.
struct Choice {
  std::optional<size_t> chosen;
  std::vector<Rejection> rejected;  // every other candidate, in tie-break order
};

// Highest satisfying version; ties go to the candidate whose executable's
// directory comes first in `path_dirs` (not in it: after all that are), then
// the lower repository rank, then the smaller id (byte order).
Choice choose(const VersionRange& range, const std::vector<Candidate>& candidates,
              const std::vector<std::string>& path_dirs);

// The variables one chosen environment contributes, with who asked for it.
struct VariableSource {
  std::string dependency;  // the dependency's name
  std::string id;          // the env entry
  std::map<std::string, std::string> variables;
};

// Union of all variables. A variable set to different values by two sources is
// an error (exit 5) naming both; equal values are fine.
std::map<std::string, std::string> merge_variables(const std::vector<VariableSource>& sources);

}  // namespace request::env
