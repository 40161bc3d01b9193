#include "lib/store/repo_pull.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <map>

#include "lib/git/checkout.hpp"
#include "lib/git/clone.hpp"
#include "lib/git/repo_state.hpp"
#include "lib/git/update.hpp"
#include "lib/git/url.hpp"
#include "lib/store/repo_update.hpp"
#include "lib/util/atomic_file.hpp"
#include "lib/util/error.hpp"
#include "lib/util/safe_name.hpp"
#include "lib/util/strings.hpp"

namespace fs = std::filesystem;

namespace request::store {

namespace {

// A new clone waiting in a temporary folder of repos/ until the whole pull succeeded.
struct Staged {
  RepoRecord record;
  fs::path temp;
  bool placed = false;
};

class Puller {
public:
  Puller(Home& home, const PullOptions& options) : m_home(home), m_options(options) {}
  ~Puller() {
    std::error_code ec;
    for (const auto& s : m_staged)
      if (!s.placed) fs::remove_all(s.temp, ec);
  }
  Puller(const Puller&) = delete;
  Puller& operator=(const Puller&) = delete;

  void visit(const std::string& raw_url, const std::string& name, const std::string& ref, bool top,
             const std::string& parent);
  void commit();
  PullReport& report() { return m_report; }

private:
  struct OnPath {
    std::string url;
    std::string name;
  };

  void note(const std::string& text) const {
    if (m_options.note) m_options.note(text);
  }
  const RepoRecord* registered_by_url(const std::string& url) const;
  const Staged* staged_by_name(const std::string& name) const;
  void require_free_name(const std::string& name, const std::string& url) const;
  nlohmann::json pull_existing(const RepoRecord& rec, const std::string& ref, bool top, PulledRepo& out);
  nlohmann::json clone_new(const std::string& url, const std::string& name, const std::string& ref, PulledRepo& out);
  void visit_deps(const nlohmann::json& desc, const std::string& url, const std::string& name);

  Home& m_home;
  const PullOptions& m_options;
  std::vector<Staged> m_staged;
  std::vector<OnPath> m_path;          // repositories being pulled, outermost first
  std::vector<std::string> m_done;     // URLs completely handled
  std::map<std::string, std::string> m_pins;  // registered name -> new ref
  PullReport m_report;
};

std::string short_commit(const std::string& c) { return c.empty() ? "(no commit)" : c.substr(0, 12); }

const RepoRecord* Puller::registered_by_url(const std::string& url) const {
  for (const auto& r : m_home.repos())
    if (!r.url.empty() && git::same_url(r.url, url)) return &r;
  return nullptr;
}

const Staged* Puller::staged_by_name(const std::string& name) const {
  for (const auto& s : m_staged)
    if (s.record.name == name) return &s;
  return nullptr;
}

void Puller::require_free_name(const std::string& name, const std::string& url) const {
  const RepoRecord* rec = m_home.find_repo(name);
  const Staged* st = staged_by_name(name);
  std::string other = rec ? rec->url : st ? st->record.url : std::string();
  if (rec || st)
    throw Error(ExitCode::failed, "repository '" + name + "'",
                other.empty() ? "name already taken by the local repository at '" + rec->path.string() + "'"
                              : "name already taken by '" + other + "', not '" + url + "'",
                "pull it under another name with --name NAME (or a dep's \"name\"), or 'request repo rm " + name +
                    "' first");
  std::error_code ec;
  fs::path dir = m_home.repos_dir() / name;
  if (fs::exists(dir, ec))
    throw Error(ExitCode::failed, dir.string(), "folder exists but is not a registered repository",
                "move it away, or pull under another name with --name NAME");
}

nlohmann::json Puller::pull_existing(const RepoRecord& rec, const std::string& ref, bool top, PulledRepo& out) {
  out.name = rec.name;
  out.path = rec.path;
  out.ref = ref.empty() ? rec.ref : ref;
  if (top) {
    note("updating '" + rec.name + "' from " + rec.url);
    UpdateOutcome u = update_repository(rec, ref, m_options.progress);
    out.action = u.action;
    out.commit = u.after;
  } else if (!ref.empty()) {
    // A dep is reused as it is; only its pin is honoured (fetching when the ref is not known yet).
    std::string head = git::repo_state(rec.path).commit;
    std::string want;
    try {
      want = git::resolve_ref(rec.path, ref).commit;
    } catch (const Error& e) {
      if (e.code() != ExitCode::not_found) throw;
      note("fetching '" + rec.name + "' for ref '" + ref + "'");
      git::fetch_origin(rec.path, m_options.progress);
    }
    if (want != head) {
      out.commit = git::checkout_ref(rec.path, ref, false, m_options.progress).commit;
      out.action = "checked-out";
    } else {
      out.commit = head;
      out.action = "reused";
    }
  } else {
    out.commit = git::repo_state(rec.path).commit;
    out.action = "reused";
  }
  if (out.ref != rec.ref) m_pins[rec.name] = out.ref;
  return Repository::read_descriptor(rec.path);
}

nlohmann::json Puller::clone_new(const std::string& url, const std::string& name, const std::string& ref,
                                 PulledRepo& out) {
  std::error_code ec;
  fs::create_directories(m_home.repos_dir(), ec);
  if (ec) throw Error(ExitCode::failed, m_home.repos_dir().string(), "cannot create folder: " + ec.message());
  Staged staged;
  staged.temp = util::make_temp_dir(m_home.repos_dir());
  staged.record.url = url;
  staged.record.ref = ref;
  m_staged.push_back(staged);  // removed by the destructor unless placed
  note("cloning " + url + (ref.empty() ? "" : " at '" + ref + "'"));
  git::ResolvedRef at = git::clone_repository(url, staged.temp, ref, m_options.progress);
  ::chmod(staged.temp.c_str(), 0755);
  std::error_code missing;
  if (!fs::exists(staged.temp / k_descriptor, missing))
    throw Error(ExitCode::invalid_data, "'" + url + "'", "not a request repository: no request-repo.json at its root",
                "a repository to pull needs a request-repo.json; create one with 'request repo init'");
  nlohmann::json desc;
  try {
    desc = Repository::read_descriptor(staged.temp);
  } catch (const Error& e) {
    // Name the file as it is in the repository, not in the temporary folder.
    std::string where = e.where();
    std::string prefix = staged.temp.string() + "/";
    if (util::starts_with(where, prefix)) where = where.substr(prefix.size());
    throw Error(e.code(), "'" + url + "'", where + ": " + e.message(), e.hint());
  }
  std::string final_name = !name.empty() ? name : desc.value("name", git::url_basename(url));
  util::require_safe_name(final_name, "repository name");
  require_free_name(final_name, url);
  m_staged.back().record.name = final_name;
  m_staged.back().record.path = m_home.repos_dir() / final_name;
  out.name = final_name;
  out.path = m_staged.back().record.path;
  out.ref = ref;
  out.commit = at.commit;
  out.action = "cloned";
  return desc;
}

void Puller::visit(const std::string& raw_url, const std::string& name, const std::string& ref, bool top,
                   const std::string& parent) {
  fs::path cwd = m_options.cwd.empty() ? fs::current_path() : m_options.cwd;
  std::string url = git::normalize_url(raw_url, cwd);
  auto on_path = std::find_if(m_path.begin(), m_path.end(), [&](const OnPath& p) { return git::same_url(p.url, url); });
  if (on_path != m_path.end()) {
    std::vector<std::string> cycle;
    for (auto it = on_path; it != m_path.end(); ++it) cycle.push_back(it->name);
    cycle.push_back(on_path->name);
    std::string text;
    for (const auto& n : cycle) text += (text.empty() ? "" : " -> ") + n;
    note("dependency cycle " + text + ": not followed again");
    m_report.cycles.push_back(std::move(cycle));
    return;
  }
  if (std::any_of(m_done.begin(), m_done.end(), [&](const std::string& u) { return git::same_url(u, url); })) return;
  if (!name.empty()) util::require_safe_name(name, "repository name");

  PulledRepo out;
  out.url = url;
  out.parent = parent;
  const RepoRecord* rec = nullptr;
  if (!name.empty()) {
    rec = m_home.find_repo(name);
    if (rec && (rec->url.empty() || !git::same_url(rec->url, url))) require_free_name(name, url);  // throws
  } else {
    rec = registered_by_url(url);
  }
  if (!rec && !name.empty() && staged_by_name(name)) require_free_name(name, url);  // throws
  nlohmann::json desc = rec ? pull_existing(*rec, ref, top, out) : clone_new(url, name, ref, out);
  m_report.repos.push_back(out);
  if (out.action != "reused")
    note(out.action + " '" + out.name + "' at " + short_commit(out.commit) + (out.ref.empty() ? "" : " (" + out.ref + ")"));
  m_path.push_back({url, out.name});
  visit_deps(desc, url, out.name);
  m_path.pop_back();
  m_done.push_back(url);
}

void Puller::visit_deps(const nlohmann::json& desc, const std::string& url, const std::string& name) {
  if (!desc.contains("deps")) return;
  for (const auto& dep : desc["deps"]) {
    std::string dep_url = git::resolve_relative_url(url, dep.value("url", ""));
    std::string dep_name = dep.value("name", "");
    try {
      visit(dep_url, dep_name, dep.value("ref", ""), false, name);
    } catch (const Error& e) {
      if (e.code() == ExitCode::interrupted || util::starts_with(e.where(), "dependency of ")) throw;
      throw Error(e.code(), "dependency of '" + name + "': " + e.where(), e.message(), e.hint());
    }
  }
}

void Puller::commit() {
  if (m_staged.empty() && m_pins.empty()) return;
  fs::path dir = m_home.repos_dir();
  try {
    m_home.update_registry([&](std::vector<RepoRecord>& repos) {
      for (auto& s : m_staged) {
        for (const auto& r : repos)
          if (r.name == s.record.name)
            throw Error(ExitCode::failed, "repository '" + r.name + "'", "was registered by another command meanwhile");
        if (::renameat2(AT_FDCWD, s.temp.c_str(), AT_FDCWD, s.record.path.c_str(), RENAME_NOREPLACE) != 0)
          throw Error(ExitCode::failed, s.record.path.string(), "cannot move the clone into place: " + errno_text(errno));
        s.placed = true;
        repos.push_back(s.record);
      }
      for (auto& r : repos)
        if (auto pin = m_pins.find(r.name); pin != m_pins.end()) r.ref = pin->second;
    });
  } catch (...) {
    std::error_code ec;
    for (auto& s : m_staged)
      if (s.placed) {
        fs::remove_all(s.record.path, ec);
        s.placed = false;
      }
    throw;
  }
  util::fsync_directory(dir);
}

}  // namespace

PullReport pull_repository(Home& home, const std::string& url, const std::string& name, const std::string& ref,
                           const PullOptions& options) {
  Puller puller(home, options);
  puller.visit(url, name, ref, true, "");
  puller.commit();
  return std::move(puller.report());
}

}  // namespace request::store
