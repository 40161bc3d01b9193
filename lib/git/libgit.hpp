#pragma once
// Internal to lib/git (only its .cpp files include this and <git2.h>): owning
// handles for libgit2 objects, error translation and opening a work tree.
#include <git2.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "lib/util/error.hpp"

namespace request::git {

// Calls libgit2's free function for T.
template <typename T, void (*Free)(T*)>
struct GitDeleter {
  void operator()(T* p) const { Free(p); }
};

using RepoPtr = std::unique_ptr<git_repository, GitDeleter<git_repository, git_repository_free>>;
using RemotePtr = std::unique_ptr<git_remote, GitDeleter<git_remote, git_remote_free>>;
using RefPtr = std::unique_ptr<git_reference, GitDeleter<git_reference, git_reference_free>>;
using ObjectPtr = std::unique_ptr<git_object, GitDeleter<git_object, git_object_free>>;
using CommitPtr = std::unique_ptr<git_commit, GitDeleter<git_commit, git_commit_free>>;
using StatusPtr = std::unique_ptr<git_status_list, GitDeleter<git_status_list, git_status_list_free>>;
using ConfigPtr = std::unique_ptr<git_config, GitDeleter<git_config, git_config_free>>;

// The 40-hex text of an object id.
inline std::string oid_hex(const git_oid& oid) {
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &oid);
  return hex;
}

// libgit2's last error message, or "unknown error".
std::string last_error_text();

// Throws Error(code, where, what + ": " + libgit2's message, hint) when rc < 0.
// A transfer stopped by SIGINT/SIGTERM (see interrupt.hpp) becomes Error(interrupted).
void check(int rc, ExitCode code, const std::string& where, const std::string& what, const std::string& hint = {});

// Open the git work tree whose root is `path` (no search upwards). Throws Error(not_found).
RepoPtr open_work_tree(const std::filesystem::path& path);

// The work tree's root folder, without a trailing slash.
std::string workdir_of(git_repository* repo);

// The commit HEAD points to; empty on an unborn branch.
std::string head_commit(git_repository* repo);

// Paths with changes in the work tree or index (untracked files included), at most `limit`.
std::vector<std::string> changed_paths(git_repository* repo, size_t limit = 5);

}  // namespace request::git

namespace request::git {

struct TransferState;

// Throws Error(failed) naming a few changed paths when the work tree or index has
// changes (untracked files included); `action` says what was refused ("update").
void require_clean(git_repository* repo, const std::string& action);

// Move HEAD to `target`: check its tree out (`fresh`: unconditionally, else
// safely), then point `branch` ("refs/heads/x", created or moved) at it and
// HEAD at the branch, or detach HEAD when `branch` is empty.
void move_head(git_repository* repo, const git_oid& target, const std::string& branch, bool fresh,
               TransferState& state);

// Commit id of a reference name ("refs/remotes/origin/main"); false when absent.
bool ref_commit(git_repository* repo, const std::string& name, git_oid& out);

}  // namespace request::git
