#include "cli/entry_view.hpp"

#include "lib/git/repo_state.hpp"
#include "lib/util/strings.hpp"

namespace request::cli {

nlohmann::json entry_summary_json(const store::Entry& e) {
  return {{"cid", e.cid()}, {"repo", e.repo},   {"module", e.module},      {"alias", e.alias},
          {"uid", e.uid},   {"tags", e.tags},   {"path", e.path.string()}};
}

nlohmann::json entry_detail_json(const store::Entry& e) {
  git::RepoState st = git::repo_state(e.path);
  nlohmann::json j = {{"cid", e.cid()},   {"repo", e.repo}, {"module", e.module},
                      {"alias", e.alias}, {"uid", e.uid},   {"path", e.path.string()}};
  j["repo_commit"] = st.commit.empty() ? nlohmann::json(nullptr) : nlohmann::json(st.commit);
  j["repo_dirty"] = st.is_git ? nlohmann::json(st.dirty) : nlohmann::json(nullptr);
  j["meta"] = e.meta;
  return j;
}

std::string entry_detail_text(const nlohmann::json& d) {
  std::string s;
  s += "cid:    " + d["cid"].get<std::string>() + "\n";
  s += "uid:    " + d["uid"].get<std::string>() + "\n";
  s += "path:   " + d["path"].get<std::string>() + "\n";
  std::string commit = d["repo_commit"].is_string() ? d["repo_commit"].get<std::string>() : "(not a git repository)";
  if (d["repo_dirty"].is_boolean() && d["repo_dirty"].get<bool>()) commit += " (dirty)";
  s += "commit: " + commit + "\n";
  s += "meta:\n" + d["meta"].dump(2) + "\n";
  return s;
}

}  // namespace request::cli
