#pragma once
// `request repo update`: fetch and fast-forward registered git repositories.
// Never discards anything: local changes or diverged history make it refuse.
#include <string>

#include "lib/git/progress.hpp"
#include "lib/store/home.hpp"

namespace request::store {

struct UpdateOutcome {
  std::string name;    // registered name
  std::string action;  // "updated", "up-to-date" or "ahead" (local commits kept)
  std::string before;  // HEAD commit before
  std::string after;   // HEAD commit after
};

// Why `record` cannot be updated (read-only, not the root of a git work tree,
// no remote "origin"); empty when it can.
std::string update_skip_reason(const RepoRecord& record);

// Fetch and move `record` to the newest commit of its pin (record.ref, or
// `ref` when not empty), else of its branch's upstream. Refusals and failures
// throw Error with where = "repository 'NAME'".
UpdateOutcome update_repository(const RepoRecord& record, const std::string& ref, const git::ProgressFn& progress);

}  // namespace request::store
