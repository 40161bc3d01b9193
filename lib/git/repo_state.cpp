#include "lib/git/repo_state.hpp"

#include "lib/git/libgit.hpp"

namespace fs = std::filesystem;

namespace request::git {

void ensure_libgit2() {
  static const int k_init = git_libgit2_init();
  (void)k_init;
}

RepoState repo_state(const fs::path& path) {
  ensure_libgit2();
  RepoState st;
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, path.c_str(), 0, nullptr) != 0) return st;
  RepoPtr repo(raw);
  if (git_repository_is_bare(repo.get())) return st;
  st.is_git = true;

  st.commit = head_commit(repo.get());
  git_reference* ref = nullptr;
  if (git_repository_head(&ref, repo.get()) == 0) {
    RefPtr r(ref);
    if (git_reference_is_branch(ref)) st.branch = git_reference_shorthand(ref);
  }
  git_remote* remote = nullptr;
  if (git_remote_lookup(&remote, repo.get(), "origin") == 0) {
    RemotePtr rp(remote);
    if (const char* url = git_remote_url(remote)) st.url = url;
  }

  // Changes below `path` only (the repository may be a folder of a larger work tree).
  std::error_code ec;
  fs::path workdir = fs::weakly_canonical(git_repository_workdir(repo.get()), ec);
  fs::path target = fs::weakly_canonical(path, ec);
  std::string rel = target.lexically_relative(workdir).generic_string();
  git_status_options opts = GIT_STATUS_OPTIONS_INIT;
  opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
  std::string spec = rel + "/";
  char* specs[] = {spec.data()};
  if (!rel.empty() && rel != "." && rel.rfind("..", 0) != 0) {
    opts.pathspec.strings = specs;
    opts.pathspec.count = 1;
  }
  git_status_list* list = nullptr;
  if (git_status_list_new(&list, repo.get(), &opts) == 0) {
    StatusPtr sl(list);
    st.dirty = git_status_list_entrycount(list) > 0;
  }
  return st;
}

}  // namespace request::git
