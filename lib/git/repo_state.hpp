#pragma once
// The git state of the folder that holds a repository or an entry: remote URL,
// HEAD commit and whether the work tree differs from it. Results record this.
#include <filesystem>
#include <optional>
#include <string>

namespace request::git {

struct RepoState {
  bool is_git = false;     // false: not inside a git work tree
  std::string url;         // remote "origin" URL, empty when none
  std::string commit;      // 40-hex HEAD commit, empty on an unborn branch
  std::string branch;      // current branch, empty when detached
  bool dirty = false;      // changes (including untracked files) under `path`
};

// State of the git work tree containing `path`; only changes below `path` count as dirty.
RepoState repo_state(const std::filesystem::path& path);

// Initialise libgit2 once per process (safe to call many times).
void ensure_libgit2();

}  // namespace request::git
