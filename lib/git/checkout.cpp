#include "lib/git/checkout.hpp"

#include "lib/git/libgit.hpp"
#include "lib/git/transfer.hpp"

namespace fs = std::filesystem;

namespace request::git {

namespace {

bool looks_like_commit_id(const std::string& ref) {
  if (ref.size() < 4 || ref.size() > GIT_OID_HEXSZ) return false;
  return ref.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
}

std::string remote_url(git_repository* repo) {
  git_remote* raw = nullptr;
  if (git_remote_lookup(&raw, repo, "origin") != 0) return workdir_of(repo);
  RemotePtr remote(raw);
  const char* url = git_remote_url(raw);
  return url ? url : "";
}

bool peel_to_commit(git_repository* repo, const std::string& spec, git_oid& out) {
  git_object* raw = nullptr;
  if (git_revparse_single(&raw, repo, spec.c_str()) != 0) return false;
  ObjectPtr obj(raw);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, raw, GIT_OBJECT_COMMIT) != 0) return false;
  out = *git_object_id(peeled);
  git_object_free(peeled);
  return true;
}

ResolvedRef resolve(git_repository* repo, const std::string& ref, git_oid& oid) {
  ResolvedRef r;
  r.name = ref;
  git_error_clear();
  if (ref_commit(repo, "refs/remotes/origin/" + ref, oid) || ref_commit(repo, "refs/heads/" + ref, oid)) {
    r.kind = RefKind::branch;
  } else if (peel_to_commit(repo, "refs/tags/" + ref, oid)) {
    r.kind = RefKind::tag;
  } else if (looks_like_commit_id(ref) && peel_to_commit(repo, ref, oid)) {
    r.kind = RefKind::commit;
  } else {
    throw Error(ExitCode::not_found, "ref '" + ref + "'", "no branch, tag or commit of that name in '" + remote_url(repo) + "'",
                "list them with 'git ls-remote " + remote_url(repo) + "'");
  }
  r.commit = oid_hex(oid);
  return r;
}

}  // namespace

const char* ref_kind_name(RefKind kind) {
  switch (kind) {
    case RefKind::branch: return "branch";
    case RefKind::tag: return "tag";
    case RefKind::commit: return "commit";
  }
  return "commit";
}

bool ref_commit(git_repository* repo, const std::string& name, git_oid& out) {
  return git_reference_name_to_id(&out, repo, name.c_str()) == 0;
}

void require_clean(git_repository* repo, const std::string& action) {
  std::vector<std::string> changed = changed_paths(repo);
  if (changed.empty()) return;
  std::string list;
  for (const auto& p : changed) list += (list.empty() ? "" : ", ") + p;
  std::string dir = workdir_of(repo);
  throw Error(ExitCode::failed, dir, "has local changes (" + list + "); " + action + " refused, nothing was changed",
              "commit or stash them ('git -C " + dir + " status'), then try again");
}

void move_head(git_repository* repo, const git_oid& target, const std::string& branch, bool fresh,
               TransferState& state) {
  std::string where = workdir_of(repo);
  git_commit* raw = nullptr;
  check(git_commit_lookup(&raw, repo, &target), ExitCode::not_found, where, "cannot find commit " + oid_hex(target));
  CommitPtr commit(raw);
  git_checkout_options co = GIT_CHECKOUT_OPTIONS_INIT;
  co.checkout_strategy = fresh ? GIT_CHECKOUT_FORCE : GIT_CHECKOUT_SAFE;
  set_checkout_callbacks(co, state);
  check(git_checkout_tree(repo, reinterpret_cast<const git_object*>(raw), &co), ExitCode::failed, where,
        "cannot check out " + oid_hex(target));
  if (branch.empty()) {
    check(git_repository_set_head_detached(repo, &target), ExitCode::failed, where, "cannot move HEAD");
    return;
  }
  git_reference* ref = nullptr;
  check(git_reference_create(&ref, repo, branch.c_str(), &target, 1, "request: move to upstream"), ExitCode::failed,
        where, "cannot update " + branch);
  git_reference_free(ref);
  check(git_repository_set_head(repo, branch.c_str()), ExitCode::failed, where, "cannot move HEAD to " + branch);
}

ResolvedRef resolve_ref(const fs::path& path, const std::string& ref) {
  RepoPtr repo = open_work_tree(path);
  git_oid oid{};
  return resolve(repo.get(), ref, oid);
}

ResolvedRef checkout_ref(const fs::path& path, const std::string& ref, bool fresh, const ProgressFn& progress) {
  RepoPtr repo = open_work_tree(path);
  git_repository* r = repo.get();
  git_oid target{};
  ResolvedRef resolved = resolve(r, ref, target);
  if (!fresh) require_clean(r, "checkout of '" + ref + "'");
  TransferState state;
  state.progress = &progress;
  std::string where = path.string();

  std::string branch;
  if (resolved.kind == RefKind::branch) {
    branch = "refs/heads/" + ref;
    git_oid local{};
    if (ref_commit(r, branch, local) && !git_oid_equal(&local, &target)) {
      size_t ahead = 0, behind = 0;
      check(git_graph_ahead_behind(&ahead, &behind, r, &local, &target), ExitCode::failed, where,
            "cannot compare branch '" + ref + "' with its upstream");
      if (ahead > 0 && behind > 0)
        throw Error(ExitCode::failed, where,
                    "local branch '" + ref + "' has diverged from 'origin/" + ref + "' (" + std::to_string(ahead) +
                        " local, " + std::to_string(behind) + " upstream commits); nothing was changed",
                    "merge or rebase it yourself ('git -C " + where + " pull --rebase'), then try again");
      if (ahead > 0) target = local;  // local commits on top of upstream: keep them
    }
  } else if (!fresh) {
    // Leaving a detached HEAD must not strand commits that no branch or tag holds.
    git_oid head{};
    bool detached = git_repository_head_detached(r) == 1;
    if (detached && ref_commit(r, "HEAD", head) && !git_oid_equal(&head, &target)) {
      git_strarray names{};
      std::vector<git_oid> tips;
      if (git_reference_list(&names, r) == 0) {
        for (size_t i = 0; i < names.count; ++i) {
          git_oid tip{};
          if (git_reference_name_to_id(&tip, r, names.strings[i]) == 0) tips.push_back(tip);
        }
        git_strarray_dispose(&names);
      }
      int reachable = tips.empty() ? 0 : git_graph_reachable_from_any(r, &head, tips.data(), tips.size());
      if (reachable == 0)
        throw Error(ExitCode::failed, where,
                    "HEAD " + oid_hex(head).substr(0, 12) + " has commits on no branch or tag; checkout of '" + ref +
                        "' refused, nothing was changed",
                    "keep them on a branch first ('git -C " + where + " branch NAME'), then try again");
    }
  }
  move_head(r, target, branch, fresh, state);
  if (resolved.kind == RefKind::branch) {
    git_reference* b = nullptr;
    if (git_branch_lookup(&b, r, ref.c_str(), GIT_BRANCH_LOCAL) == 0) {
      RefPtr bp(b);
      git_oid remote{};
      if (ref_commit(r, "refs/remotes/origin/" + ref, remote)) git_branch_set_upstream(b, ("origin/" + ref).c_str());
    }
  }
  resolved.commit = oid_hex(target);
  return resolved;
}

}  // namespace request::git
