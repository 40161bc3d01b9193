#include "lib/git/clone.hpp"

#include "lib/git/interrupt.hpp"
#include "lib/git/libgit.hpp"
#include "lib/git/repo_state.hpp"
#include "lib/git/transfer.hpp"

namespace fs = std::filesystem;

namespace request::git {

ResolvedRef clone_repository(const std::string& url, const fs::path& dest, const std::string& ref,
                             const ProgressFn& progress) {
  ensure_libgit2();
  InterruptGuard guard;
  TransferState state;
  state.progress = &progress;
  git_clone_options opts = GIT_CLONE_OPTIONS_INIT;
  set_remote_callbacks(opts.fetch_opts.callbacks, state);
  set_checkout_callbacks(opts.checkout_opts, state);
  // With a ref, the files are written once, by checkout_ref, not twice.
  opts.checkout_opts.checkout_strategy = ref.empty() ? GIT_CHECKOUT_SAFE : GIT_CHECKOUT_NONE;
  opts.fetch_opts.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_ALL;
  git_repository* raw = nullptr;
  int rc = git_clone(&raw, url.c_str(), dest.c_str(), &opts);
  RepoPtr repo(raw);
  if (rc == GIT_EAUTH || rc == GIT_ECERTIFICATE)
    check(rc, ExitCode::failed, "'" + url + "'", "cannot clone",
          "for ssh URLs run an ssh-agent with your key; for https set REQUEST_GIT_TOKEN or use ~/.git-credentials");
  check(rc, ExitCode::not_found, "'" + url + "'", "cannot clone",
        "check the URL, and that a git repository is there and reachable");
  if (ref.empty()) {
    ResolvedRef r;
    r.commit = head_commit(raw);
    git_reference* head = nullptr;
    if (git_repository_head(&head, raw) == 0) {
      RefPtr hp(head);
      r.kind = RefKind::branch;
      r.name = git_reference_shorthand(head);
    }
    return r;
  }
  repo.reset();
  return checkout_ref(dest, ref, true, progress);
}

}  // namespace request::git
