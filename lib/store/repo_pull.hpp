#pragma once
// `request repo pull`: clone a git repository into REQUEST_HOME/repos/NAME,
// register it and pull its descriptor's deps recursively. New clones are made
// in temporary folders and only moved into place and registered once all of
// them succeeded: a failed pull leaves no folder and the registry unchanged.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "lib/git/progress.hpp"
#include "lib/store/home.hpp"

namespace request::store {

struct PullOptions {
  git::ProgressFn progress;                      // clone/fetch progress; empty = none
  std::function<void(const std::string&)> note;  // one human line per step; may be empty
  std::filesystem::path cwd;                     // base of relative local paths; empty = current folder
};

struct PulledRepo {
  std::string name;
  std::filesystem::path path;
  std::string url;
  std::string ref;     // pin; empty when following the default branch
  std::string commit;  // HEAD afterwards
  std::string action;  // cloned, updated, up-to-date, ahead, reused, checked-out
  std::string parent;  // the repository whose deps listed it; empty for the one asked for
};

struct PullReport {
  std::vector<PulledRepo> repos;                 // in the order they were reached
  std::vector<std::vector<std::string>> cycles;  // each dependency cycle once: {"a", "b", "a"}
};

// Pull `url` (URL or local path) as `name` (empty: the descriptor's name, else
// the URL's last component without .git) at `ref` (branch, tag or commit; empty:
// the default branch), then its deps. A registered name (or URL) is updated
// instead; a dep registered with the same URL is reused and checked out at its
// ref. Name clash with another URL -> Error(failed); unreachable URL, not a git
// repository, missing ref -> Error(not_found); no or bad descriptor -> Error(invalid_data).
PullReport pull_repository(Home& home, const std::string& url, const std::string& name, const std::string& ref,
                           const PullOptions& options);

}  // namespace request::store
