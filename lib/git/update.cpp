#include "lib/git/update.hpp"

#include "lib/git/checkout.hpp"
#include "lib/git/interrupt.hpp"
#include "lib/git/libgit.hpp"
#include "lib/git/transfer.hpp"

namespace fs = std::filesystem;

namespace request::git {

namespace {

void fetch(git_repository* repo, const std::string& where, TransferState& state) {
  git_remote* raw = nullptr;
  check(git_remote_lookup(&raw, repo, "origin"), ExitCode::failed, where, "cannot fetch: no remote 'origin'",
        "a repository registered with 'request repo add' is updated with git itself");
  RemotePtr remote(raw);
  git_fetch_options opts = GIT_FETCH_OPTIONS_INIT;
  set_remote_callbacks(opts.callbacks, state);
  opts.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_ALL;
  const char* url = git_remote_url(raw);
  int rc = git_remote_fetch(raw, nullptr, &opts, "request: fetch");
  check(rc, rc == GIT_EAUTH || rc == GIT_ECERTIFICATE ? ExitCode::failed : ExitCode::not_found, where,
        std::string("cannot fetch from '") + (url ? url : "") + "'");
}

}  // namespace

const char* update_status_name(UpdateResult::Status status) {
  switch (status) {
    case UpdateResult::Status::updated: return "updated";
    case UpdateResult::Status::up_to_date: return "up-to-date";
    case UpdateResult::Status::ahead: return "ahead";
  }
  return "up-to-date";
}

void fetch_origin(const fs::path& path, const ProgressFn& progress) {
  RepoPtr repo = open_work_tree(path);
  InterruptGuard guard;
  TransferState state;
  state.progress = &progress;
  fetch(repo.get(), path.string(), state);
}

void require_clean_work_tree(const fs::path& path, const std::string& action) {
  RepoPtr repo = open_work_tree(path);
  require_clean(repo.get(), action);
}

UpdateResult update_work_tree(const fs::path& path, const std::string& ref, const ProgressFn& progress) {
  std::string where = path.string();
  RepoPtr repo = open_work_tree(path);
  git_repository* r = repo.get();
  UpdateResult result;
  result.before = head_commit(r);
  require_clean(r, "update");
  InterruptGuard guard;
  TransferState state;
  state.progress = &progress;
  fetch(r, where, state);

  if (!ref.empty()) {
    repo.reset();
    ResolvedRef now = checkout_ref(path, ref, false, progress);
    result.after = now.commit;
    result.status = result.after == result.before ? UpdateResult::Status::up_to_date : UpdateResult::Status::updated;
    return result;
  }
  if (git_repository_head_detached(r) == 1)
    throw Error(ExitCode::failed, where, "HEAD is detached and no ref is pinned; update refused, nothing was changed",
                "pin one with 'request repo pull URL --ref REF', or check out a branch");
  git_reference* head = nullptr;
  check(git_repository_head(&head, r), ExitCode::failed, where, "cannot read HEAD");
  RefPtr head_ref(head);
  std::string branch = git_reference_shorthand(head);
  git_oid local = *git_reference_target(head);
  git_oid upstream{};
  if (!ref_commit(r, "refs/remotes/origin/" + branch, upstream))
    throw Error(ExitCode::failed, where, "branch '" + branch + "' has no upstream 'origin/" + branch + "'",
                "pin a ref with 'request repo pull URL --ref REF'");
  if (git_oid_equal(&local, &upstream)) {
    result.after = result.before;
    return result;
  }
  size_t ahead = 0, behind = 0;
  check(git_graph_ahead_behind(&ahead, &behind, r, &local, &upstream), ExitCode::failed, where,
        "cannot compare branch '" + branch + "' with its upstream");
  if (ahead > 0 && behind > 0)
    throw Error(ExitCode::failed, where,
                "local branch '" + branch + "' has diverged from 'origin/" + branch + "' (" + std::to_string(ahead) +
                    " local, " + std::to_string(behind) + " upstream commits); update refused, nothing was changed",
                "merge or rebase it yourself ('git -C " + where + " pull --rebase'), then try again");
  if (ahead > 0) {
    result.status = UpdateResult::Status::ahead;
    result.after = result.before;
    return result;
  }
  move_head(r, upstream, git_reference_name(head), false, state);
  result.status = UpdateResult::Status::updated;
  result.after = oid_hex(upstream);
  return result;
}

}  // namespace request::git
