#include "lib/git/libgit.hpp"

#include "lib/git/interrupt.hpp"
#include "lib/git/repo_state.hpp"

namespace fs = std::filesystem;

namespace request::git {

std::string last_error_text() {
  const git_error* e = git_error_last();
  return e && e->message && *e->message ? e->message : "unknown error";
}

void check(int rc, ExitCode code, const std::string& where, const std::string& what, const std::string& hint) {
  if (rc >= 0) return;
  if (interrupted()) throw Error(ExitCode::interrupted, where, what + ": interrupted");
  throw Error(code, where, what + ": " + last_error_text(), hint);
}

RepoPtr open_work_tree(const fs::path& path) {
  ensure_libgit2();
  git_repository* raw = nullptr;
  int rc = git_repository_open_ext(&raw, path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
  check(rc, ExitCode::not_found, path.string(), "not a git repository");
  RepoPtr repo(raw);
  if (git_repository_is_bare(raw))
    throw Error(ExitCode::not_found, path.string(), "not a git work tree (bare repository)");
  return repo;
}

std::string workdir_of(git_repository* repo) {
  const char* w = git_repository_workdir(repo);
  std::string dir = w ? w : git_repository_path(repo);
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

std::string head_commit(git_repository* repo) {
  git_oid head{};
  if (git_reference_name_to_id(&head, repo, "HEAD") != 0) return {};
  return oid_hex(head);
}

std::vector<std::string> changed_paths(git_repository* repo, size_t limit) {
  git_status_options opts = GIT_STATUS_OPTIONS_INIT;
  opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
  git_status_list* raw = nullptr;
  check(git_status_list_new(&raw, repo, &opts), ExitCode::failed, workdir_of(repo),
        "cannot read the work tree status");
  StatusPtr list(raw);
  std::vector<std::string> out;
  size_t n = git_status_list_entrycount(raw);
  for (size_t i = 0; i < n && out.size() < limit; ++i) {
    const git_status_entry* e = git_status_byindex(raw, i);
    const git_diff_delta* d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
    if (d && d->new_file.path) out.emplace_back(d->new_file.path);
    else if (d && d->old_file.path) out.emplace_back(d->old_file.path);
  }
  if (n > out.size() && !out.empty()) out.push_back("... (" + std::to_string(n - out.size()) + " more)");
  return out;
}

}  // namespace request::git
