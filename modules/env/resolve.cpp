#include "modules/env/resolve.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "lib/env/version_range.hpp"
#include "lib/util/error.hpp"
#include "lib/util/strings.hpp"
#include "modules/env/detect.hpp"
#include "modules/env/env_entry.hpp"

namespace request::environments {

namespace {

std::string spec_text(const DependencySpec& s) {
  std::string t = "'" + s.name + "'";
  if (!s.tags.empty() && util::join(s.tags, ",") != s.name) t += " (tags " + util::join(s.tags, ",") + ")";
  if (!s.version.empty()) t += " version '" + s.version + "'";
  return t;
}

bool matches(const store::Entry& e, const DependencySpec& s) {
  if (s.tags.empty()) return e.meta.value("name", "") == s.name;
  for (const auto& t : s.tags)
    if (std::find(e.tags.begin(), e.tags.end(), t) == e.tags.end()) return false;
  return true;
}

// Every env entry of every repository with its meta, and its repository rank.
std::vector<std::pair<store::Entry, size_t>> all_env_entries(const store::Home& home) {
  std::vector<std::pair<store::Entry, size_t>> out;
  size_t rank = 0;
  for (const auto& rec : home.repos()) {
    try {
      for (auto& e : load_env_entries(home.open_repo(rec))) out.emplace_back(std::move(e), rank);
    } catch (const Error&) {
    }
    ++rank;
  }
  return out;
}

struct Pool {
  std::vector<store::Entry> entries;
  std::vector<env::Candidate> candidates;
  std::vector<std::string> stale_detectors;  // soft cids of entries whose file changed
};

Pool candidates_for(const store::Home& home, const DependencySpec& s) {
  Pool pool;
  for (auto& [e, rank] : all_env_entries(home)) {
    if (!matches(e, s)) continue;
    env::Candidate c;
    c.id = e.cid();
    c.path = e.meta.value("path", "");
    c.rank = rank;
    auto v = env_version(e);
    if (v) c.version = *v;
    else c.unusable = "no parsable version recorded";
    EnvStatus st = env_status(e);
    if (st.freshness == env::Freshness::vanished) {
      c.unusable = "vanished: " + st.detail;
    } else if (st.freshness == env::Freshness::changed) {
      c.unusable = "stale: " + st.detail + " and re-detection did not confirm it";
      std::string det = e.meta.value("detector", nlohmann::json::object()).value("cid", "");
      if (!det.empty()) pool.stale_detectors.push_back(det);
    }
    pool.entries.push_back(std::move(e));
    pool.candidates.push_back(std::move(c));
  }
  return pool;
}

std::vector<std::string> path_dirs_from_env() {
  const char* p = std::getenv("PATH");
  return util::split(p ? p : "", ':');
}

std::string rejection_list(const std::vector<env::Rejection>& rejected) {
  std::string s;
  for (const auto& r : rejected) s += (s.empty() ? "" : "; ") + r.id + ": " + r.reason;
  return s;
}

void note(const ResolveOptions& o, const std::string& text, Resolution& res) {
  res.notes.push_back(text);
  if (o.note) o.note(text);
}

}  // namespace

nlohmann::json DependencySpec::to_json() const {
  return {{"name", name}, {"tags", tags}, {"version", version}, {"optional", optional}};
}

DependencySpec dependency_from_json(const nlohmann::json& j, const std::string& where) {
  auto bad = [&](const std::string& what) {
    throw Error(ExitCode::invalid_data, where, what, R"(e.g. {"name": "cc", "tags": ["compiler"], "version": ">=11"})");
  };
  if (!j.is_object()) bad("a dependency must be an object");
  DependencySpec s;
  if (!j.contains("name") || !j["name"].is_string() || j["name"].get<std::string>().empty())
    bad("dependency field 'name' must be a non-empty string");
  s.name = j["name"].get<std::string>();
  if (j.contains("tags")) {
    if (!j["tags"].is_array()) bad("dependency '" + s.name + "': 'tags' must be a list of strings");
    for (const auto& t : j["tags"]) {
      if (!t.is_string()) bad("dependency '" + s.name + "': 'tags' must be a list of strings");
      s.tags.push_back(t.get<std::string>());
    }
  }
  if (j.contains("version")) {
    if (!j["version"].is_string()) bad("dependency '" + s.name + "': 'version' must be a string");
    s.version = j["version"].get<std::string>();
  }
  if (j.contains("optional")) {
    if (!j["optional"].is_boolean()) bad("dependency '" + s.name + "': 'optional' must be true or false");
    s.optional = j["optional"].get<bool>();
  }
  try {
    env::VersionRange::parse(s.version);
  } catch (const Error& e) {
    bad("dependency '" + s.name + "': " + e.line());
  }
  return s;
}

DependencySpec dependency_from_arg(const std::string& text) {
  DependencySpec s;
  auto at = text.find('@');
  std::string tags = text.substr(0, at);
  if (at != std::string::npos) s.version = text.substr(at + 1);
  s.tags = util::split(tags, ',');
  if (s.tags.empty())
    throw Error(ExitCode::usage, "--dep '" + text + "'", "expected TAGS[@RANGE]", "e.g. --dep compiler,lang-c@'>=11 <15'");
  s.name = tags;
  env::VersionRange::parse(s.version);  // report a bad range before any work
  return s;
}

nlohmann::json Resolution::to_json() const {
  nlohmann::json deps = nlohmann::json::array();
  for (const auto& c : chosen) {
    nlohmann::json rej = nlohmann::json::array();
    for (const auto& r : c.others) rej.push_back({{"cid", r.id}, {"reason", r.reason}});
    deps.push_back({{"name", c.spec.name},
                    {"cid", c.entry.cid()},
                    {"version", c.version},
                    {"path", c.path},
                    {"tags", c.entry.tags},
                    {"rejected", rej}});
  }
  nlohmann::json miss = nlohmann::json::array();
  for (const auto& m : missing) {
    nlohmann::json rej = nlohmann::json::array();
    for (const auto& r : m.rejected) rej.push_back({{"cid", r.id}, {"reason", r.reason}});
    miss.push_back({{"name", m.spec.name}, {"spec", m.spec.to_json()}, {"rejected", rej}});
  }
  return {{"dependencies", deps}, {"missing", miss}, {"variables", variables}, {"path_dirs", path_dirs}};
}

nlohmann::json Resolution::env_list() const {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : chosen)
    out.push_back({{"name", c.spec.name}, {"cid", c.entry.cid()}, {"version", c.version}, {"path", c.path}});
  return out;
}

std::vector<std::string> Resolution::apply_to(const std::vector<std::string>& base) const {
  std::vector<std::string> out;
  std::string old_path;
  for (const auto& kv : base) {
    std::string key = kv.substr(0, kv.find('='));
    if (key == "PATH") {
      old_path = kv.size() > 5 ? kv.substr(5) : "";
      continue;
    }
    if (variables.count(key)) continue;
    out.push_back(kv);
  }
  for (const auto& [k, v] : variables)
    if (k != "PATH") out.push_back(k + "=" + v);
  std::string path = util::join(path_dirs, ":");
  if (!old_path.empty()) path += (path.empty() ? "" : ":") + old_path;
  out.push_back("PATH=" + path);
  return out;
}

Resolution resolve_dependencies(store::Home& home, const std::vector<DependencySpec>& specs, const ResolveOptions& o) {
  Resolution res;
  std::vector<std::string> shell_path = path_dirs_from_env();
  std::vector<env::VariableSource> sources;
  for (const auto& s : specs) {
    env::VersionRange range = env::VersionRange::parse(s.version);
    Pool pool = candidates_for(home, s);
    std::vector<env::DetectionFailure> failures;
    auto detect_again = [&](DetectOptions d, const std::string& why) {
      d.repo = o.repo;
      note(o, "dependency " + spec_text(s) + ": " + why, res);
      DetectReport r = detect(home, d);
      for (auto& f : r.failures) failures.push_back(std::move(f));
      pool = candidates_for(home, s);
    };
    if (o.detect && !pool.stale_detectors.empty()) {
      DetectOptions d;
      d.detectors = pool.stale_detectors;
      detect_again(d, "re-detecting changed tools");
    }
    env::Choice choice = env::choose(range, pool.candidates, shell_path);
    if (!choice.chosen && o.detect) {
      DetectOptions d;
      d.tags = s.tags.empty() ? std::vector<std::string>{s.name} : s.tags;
      detect_again(d, "nothing registered satisfies it; detecting");
      choice = env::choose(range, pool.candidates, shell_path);
    }
    if (!choice.chosen) {
      std::vector<env::Rejection> rejected = choice.rejected;
      for (const auto& f : failures)
        rejected.push_back({f.detector_id + " (" + f.path + ")", "detection failed: " + f.reason});
      if (s.optional) {
        res.missing.push_back({s, rejected});
        continue;
      }
      std::string what = rejected.empty()
                             ? "no environment has " + (s.tags.empty() ? "name '" + s.name + "'"
                                                                       : "tags '" + util::join(s.tags, ",") + "'") +
                                   " and no detector found one"
                             : "no candidate satisfies it: " + rejection_list(rejected);
      throw Error(ExitCode::unresolved, "dependency " + spec_text(s), what,
                  rejected.empty() ? "add a soft detector for it, or check 'request find soft'"
                                   : "see 'request env list'; widen the version range or install a matching tool");
    }
    size_t i = *choice.chosen;
    const store::Entry& e = pool.entries[i];
    ResolvedDependency r{s, e, pool.candidates[i].version.text(), pool.candidates[i].path, choice.rejected};
    std::map<std::string, std::string> vars;
    if (auto it = e.meta.find("env"); it != e.meta.end() && it->is_object())
      for (const auto& [k, v] : it->items())
        if (v.is_string()) vars[k] = v.get<std::string>();
    sources.push_back({s.name, e.cid(), vars});
    if (auto it = e.meta.find("path_dirs"); it != e.meta.end() && it->is_array())
      for (const auto& d : *it)
        if (d.is_string() && std::find(res.path_dirs.begin(), res.path_dirs.end(), d.get<std::string>()) ==
                                 res.path_dirs.end())
          res.path_dirs.push_back(d.get<std::string>());
    res.chosen.push_back(std::move(r));
  }
  res.variables = env::merge_variables(sources);
  return res;
}

}  // namespace request::environments
