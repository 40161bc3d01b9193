#include "modules/env/env_entry.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>

#include "lib/util/error.hpp"
#include "lib/util/file_lock.hpp"
#include "lib/util/safe_name.hpp"
#include "lib/util/sha256.hpp"

namespace fs = std::filesystem;

namespace request::environments {

namespace {

std::string now_utc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The fields that decide whether a re-detection changes anything.
nlohmann::json identity(const nlohmann::json& meta) {
  nlohmann::json fp = meta.value("fingerprint", nlohmann::json::object());
  if (fp.is_object()) fp.erase("sha256");
  return {{"name", meta.value("name", "")},       {"version", meta.value("version", "")},
          {"path", meta.value("path", "")},       {"tags", meta.value("tags", nlohmann::json::array())},
          {"env", meta.value("env", nlohmann::json::object())},
          {"path_dirs", meta.value("path_dirs", nlohmann::json::array())},
          {"queries", meta.value("queries", nlohmann::json::object())},
          {"from", meta.value("from", "")},       {"fingerprint", fp}};
}

// Hash the fingerprint file now that the entry will be written.
void add_hash(nlohmann::json& meta) {
  auto fp = env::Fingerprint::from_json(meta["fingerprint"]);
  if (!fp || fp->size > env::k_hash_limit) return;
  try {
    meta["fingerprint"]["sha256"] = util::sha256_file(fp->path);
  } catch (const Error&) {
  }
}

std::string unique_alias(const store::Repository& repo, const env::Detection& d) {
  std::string base = safe_alias(d.alias);
  if (!repo.has_entry(k_env_module, base)) return base;
  std::string hash = util::sha256_hex(d.path);
  for (size_t n = 8; n <= hash.size(); n += 8) {
    std::string a = base.substr(0, util::k_max_name_length - n - 1) + "-" + hash.substr(0, n);
    if (!repo.has_entry(k_env_module, a)) return a;
  }
  throw Error(ExitCode::failed, repo.name() + ":env:" + base, "no free alias for '" + d.path + "'");
}

}  // namespace

std::string safe_alias(const std::string& text) {
  std::string out;
  for (char c : text) {
    char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    bool ok = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '.' || l == '_' || l == '-';
    out += ok ? l : '-';
  }
  while (!out.empty() && !((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= '0' && out[0] <= '9'))) out.erase(0, 1);
  if (out.empty()) out = "tool";
  if (out.size() > util::k_max_name_length - 20) out.resize(util::k_max_name_length - 20);
  return out;
}

const char* action_name(RegisterAction a) {
  switch (a) {
    case RegisterAction::created: return "created";
    case RegisterAction::updated: return "updated";
    case RegisterAction::unchanged: return "unchanged";
  }
  return "?";
}

nlohmann::json env_meta(const env::Detection& d) {
  nlohmann::json tags = nlohmann::json::array();
  for (const auto& t : d.tags) tags.push_back(t);
  if (std::find(d.tags.begin(), d.tags.end(), d.name) == d.tags.end()) tags.push_back(d.name);
  nlohmann::json meta = {{"name", d.name},
                         {"version", d.version.text()},
                         {"version_parts", d.version.parts_json()},
                         {"path", d.path},
                         {"tags", tags},
                         {"env", d.env},
                         {"path_dirs", d.path_dirs},
                         {"detected_at", now_utc()},
                         {"detector", {{"cid", d.detector_id}, {"uid", d.detector_uid}}},
                         {"fingerprint", d.fingerprint.to_json()}};
  if (!d.queries.empty()) meta["queries"] = d.queries;
  if (!d.from.empty()) meta["from"] = d.from;
  return meta;
}

EnvStatus env_status(const store::Entry& e) {
  EnvStatus s;
  auto fp = env::Fingerprint::from_json(e.meta.value("fingerprint", nlohmann::json()));
  if (!fp) {
    s.freshness = env::Freshness::changed;
    s.detail = "no fingerprint recorded";
    return s;
  }
  s.freshness = env::check_fingerprint(*fp);
  if (s.freshness == env::Freshness::vanished) s.detail = "'" + fp->file + "' no longer exists";
  else if (s.freshness == env::Freshness::changed) s.detail = "'" + fp->file + "' changed since detection";
  return s;
}

std::optional<env::Version> env_version(const store::Entry& e) {
  auto it = e.meta.find("version");
  if (it == e.meta.end() || !it->is_string()) return std::nullopt;
  return env::Version::parse(it->get<std::string>());
}

std::vector<store::Entry> load_env_entries(const store::Repository& repo, std::vector<std::string>* warnings) {
  std::vector<store::Entry> out;
  for (const auto& alias : repo.aliases(k_env_module)) {
    try {
      out.push_back(repo.load(k_env_module, alias));
    } catch (const Error& e) {
      if (warnings) warnings->push_back(e.line());
    }
  }
  return out;
}

std::vector<Registered> register_detections(store::Repository& repo, const std::vector<env::Detection>& found) {
  std::vector<Registered> out;
  if (found.empty()) return out;
  fs::path dir = repo.root() / k_env_module;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(ExitCode::failed, dir.string(), "cannot create module folder: " + ec.message());
  util::FileLock lock(dir);
  std::vector<store::Entry> existing = load_env_entries(repo);
  for (const auto& d : found) {
    nlohmann::json meta = env_meta(d);
    Registered r;
    auto same = std::find_if(existing.begin(), existing.end(), [&](const store::Entry& e) {
      return e.meta.value("name", "") == d.name && e.meta.value("path", "") == d.path;
    });
    if (same != existing.end() && identity(same->meta) == identity(meta)) {
      r.entry = *same;
      out.push_back(std::move(r));
      continue;
    }
    add_hash(meta);
    if (same != existing.end() && same->meta.value("version", "") == d.version.text()) {
      meta["uid"] = same->uid;
      meta["alias"] = same->alias;
      repo.write_meta(*same, meta);
      r.action = RegisterAction::updated;
      r.entry = repo.load(k_env_module, same->alias);
      *same = r.entry;
      out.push_back(std::move(r));
      continue;
    }
    if (same != existing.end()) {
      r.replaced = same->cid();
      repo.remove(k_env_module, same->alias);
      existing.erase(same);
    }
    r.action = RegisterAction::created;
    r.entry = repo.create(k_env_module, unique_alias(repo, d), meta);
    existing.push_back(r.entry);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace request::environments
