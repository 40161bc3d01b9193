#include "lib/store/repo_update.hpp"

#include "lib/git/repo_state.hpp"
#include "lib/git/update.hpp"
#include "lib/util/error.hpp"

namespace fs = std::filesystem;

namespace request::store {

std::string update_skip_reason(const RepoRecord& record) {
  if (record.readonly) return "read-only";
  git::RepoState st = git::repo_state(record.path);
  if (!st.is_git) return "not a git work tree";
  std::error_code ec;
  if (!fs::exists(record.path / ".git", ec)) return "not the root of a git work tree";
  if (st.url.empty()) return "no remote 'origin'";
  return {};
}

UpdateOutcome update_repository(const RepoRecord& record, const std::string& ref, const git::ProgressFn& progress) {
  UpdateOutcome out;
  out.name = record.name;
  try {
    git::UpdateResult r = git::update_work_tree(record.path, ref.empty() ? record.ref : ref, progress);
    out.action = git::update_status_name(r.status);
    out.before = r.before;
    out.after = r.after;
  } catch (const Error& e) {
    if (e.code() == ExitCode::interrupted) throw;
    throw Error(e.code(), "repository '" + record.name + "'", e.message(), e.hint());
  }
  return out;
}

}  // namespace request::store
