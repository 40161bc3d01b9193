#include "lib/store/home.hpp"

#include <algorithm>
#include <cstdlib>

#include "lib/schema/validator.hpp"
#include "lib/util/atomic_file.hpp"
#include "lib/util/error.hpp"
#include "lib/util/file_lock.hpp"
#include "lib/util/json_io.hpp"
#include "lib/util/strings.hpp"

namespace fs = std::filesystem;

namespace request::store {

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    size_t d = util::edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best.empty() ? std::string() : "did you mean '" + best + "'?";
}

Home Home::open(const std::optional<fs::path>& override_dir) {
  fs::path root;
  if (override_dir && !override_dir->empty()) {
    root = *override_dir;
  } else if (const char* env = std::getenv("REQUEST_HOME"); env && *env) {
    root = env;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    root = fs::path(home) / ".request";
  } else {
    throw Error(ExitCode::usage, "REQUEST_HOME", "not set and HOME is unknown", "pass --home DIR");
  }
  Home h(fs::absolute(root).lexically_normal());
  h.ensure_initialised();
  return h;
}

void Home::ensure_initialised() {
  std::error_code ec;
  fs::create_directories(m_root, ec);
  if (ec) throw Error(ExitCode::failed, m_root.string(), "cannot create REQUEST_HOME: " + ec.message());
  if (!fs::exists(m_root / k_registry_file, ec)) {
    util::FileLock lock(m_root);
    if (!fs::exists(m_root / k_registry_file, ec)) {
      fs::path local = m_root / k_local_repo;
      if (!fs::exists(local / k_descriptor, ec)) Repository::init(local, k_local_repo, "this machine's own entries");
      write_registry({RepoRecord{k_local_repo, local, "", "", false}});
    }
  }
  reload();
}

void Home::reload() { m_repos = with_builtin(read_registry()); }

std::filesystem::path builtin_core_repo() {
  std::error_code ec;
  if (const char* env = std::getenv("REQUEST_CORE_REPO"); env) return *env ? fs::path(env) : fs::path();
  for (fs::path p : {fs::path(REQUEST_SOURCE_DIR) / "repos" / "core", fs::path(REQUEST_DATA_DIR) / "repos" / "core"})
    if (fs::exists(p / k_descriptor, ec)) return p;
  return {};
}

std::vector<RepoRecord> Home::with_builtin(std::vector<RepoRecord> repos) {
  bool has_core = std::any_of(repos.begin(), repos.end(), [](const RepoRecord& r) { return r.name == k_core_repo; });
  fs::path core = builtin_core_repo();
  if (!has_core && !core.empty()) repos.push_back(RepoRecord{k_core_repo, core, "", "", true});
  return repos;
}

std::vector<RepoRecord> Home::read_registry() const {
  fs::path file = m_root / k_registry_file;
  nlohmann::json doc = util::load_document(file);
  auto violations = schema::validate_named(doc, "registry.schema.json");
  if (!violations.empty())
    throw Error(ExitCode::invalid_data, file.string(),
                "schema violation: " + violations[0].path + ": " + violations[0].message);
  std::vector<RepoRecord> out;
  for (const auto& r : doc["repos"]) {
    RepoRecord rec;
    rec.name = r["name"].get<std::string>();
    rec.path = r["path"].get<std::string>();
    if (rec.path.is_relative()) rec.path = m_root / rec.path;
    rec.url = r.value("url", "");
    rec.ref = r.value("ref", "");
    rec.readonly = r.value("readonly", false);
    out.push_back(std::move(rec));
  }
  return out;
}

void Home::write_registry(const std::vector<RepoRecord>& repos) const {
  nlohmann::json doc = {{"schema", "request.registry/1"}, {"repos", nlohmann::json::array()}};
  for (const auto& r : repos) {
    nlohmann::json j = {{"name", r.name}, {"path", r.path.string()}};
    if (!r.url.empty()) j["url"] = r.url;
    if (!r.ref.empty()) j["ref"] = r.ref;
    if (r.readonly) j["readonly"] = true;
    doc["repos"].push_back(std::move(j));
  }
  util::write_file_atomic(m_root / k_registry_file, util::dump_json(doc));
}

void Home::update_registry(const std::function<void(std::vector<RepoRecord>&)>& change) {
  util::FileLock lock(m_root);
  util::remove_dead_temporaries(m_root / k_registry_file);
  std::vector<RepoRecord> repos = read_registry();
  change(repos);
  std::erase_if(repos, [](const RepoRecord& r) { return r.name == k_core_repo && r.readonly; });
  write_registry(repos);
  m_repos = with_builtin(std::move(repos));
}

const RepoRecord* Home::find_repo(const std::string& name) const {
  for (const auto& r : m_repos)
    if (r.name == name) return &r;
  return nullptr;
}

const RepoRecord& Home::require_repo(const std::string& name) const {
  if (const RepoRecord* r = find_repo(name)) return *r;
  std::vector<std::string> names;
  for (const auto& r : m_repos) names.push_back(r.name);
  throw Error(ExitCode::not_found, "repository '" + name + "'", "not registered", did_you_mean(name, names));
}

Repository Home::open_repo(const std::string& name) const { return open_repo(require_repo(name)); }

Repository Home::open_repo(const RepoRecord& record) const {
  return Repository(record.name, record.path, record.readonly);
}

}  // namespace request::store
