#pragma once
// Updating a clone: fetch from origin, then fast-forward. Local changes or
// diverged history make it refuse (Error(failed)) and leave everything as it was.
#include <filesystem>
#include <string>

#include "lib/git/progress.hpp"

namespace request::git {

// Fetch branches and tags from "origin". Unreachable -> Error(not_found).
void fetch_origin(const std::filesystem::path& repo, const ProgressFn& progress = {});

struct UpdateResult {
  enum class Status { updated, up_to_date, ahead };
  Status status = Status::up_to_date;  // ahead: local commits not upstream, left as they are
  std::string before;                  // HEAD commit before
  std::string after;                   // HEAD commit after
};

// "updated", "up-to-date" or "ahead".
const char* update_status_name(UpdateResult::Status status);

// Refuse early (Error(failed)) when the work tree or index has changes.
void require_clean_work_tree(const std::filesystem::path& repo, const std::string& action);

// Fetch, then move to the newest commit of what the clone follows: the pinned
// `ref` when given (a branch is fast-forwarded, a tag or commit checked out),
// else HEAD's branch fast-forwarded to its upstream. A detached HEAD without a
// pin, a branch without upstream, local changes or divergence -> Error(failed).
UpdateResult update_work_tree(const std::filesystem::path& repo, const std::string& ref,
                              const ProgressFn& progress = {});

}  // namespace request::git
