#include "lib/store/query.hpp"

#include <algorithm>

#include "lib/store/scan.hpp"
#include "lib/util/error.hpp"
#include "lib/util/json_io.hpp"
#include "lib/util/safe_name.hpp"
#include "lib/util/strings.hpp"

namespace request::store {

namespace {

bool name_matches(const std::string& pattern, const std::string& value) {
  return util::has_wildcards(pattern) ? util::wildcard_match(pattern, value) : pattern == value;
}

bool tags_match(const Query& q, const std::vector<std::string>& tags) {
  for (const auto& t : q.tags)
    if (std::find(tags.begin(), tags.end(), t) == tags.end()) return false;
  for (const auto& t : q.not_tags)
    if (std::find(tags.begin(), tags.end(), t) != tags.end()) return false;
  return true;
}

bool where_matches(const std::vector<WhereClause>& where, const nlohmann::json& meta) {
  for (const auto& w : where) {
    const nlohmann::json* v = util::get_dotted(meta, w.key);
    if (!v) return false;
    if (*v == w.value) continue;
    // A string clause also matches the textual form of a scalar ("3" vs 3), and
    // a list value matches when it contains the clause value.
    if (v->is_array() && std::find(v->begin(), v->end(), w.value) != v->end()) continue;
    if (w.value.is_string() && !v->is_structured() && !v->is_string() && v->dump() == w.value.get<std::string>())
      continue;
    return false;
  }
  return true;
}

// The entry <module>/<alias> alone, as scan_module would report it.
ScanResult scan_one(const Repository& repo, const std::string& module, const std::string& alias) {
  ScanResult out;
  if (!util::name_problem(alias).empty()) return out;
  std::filesystem::path dir = repo.root() / module / alias;
  std::error_code ec;
  if (!std::filesystem::is_directory(std::filesystem::symlink_status(dir, ec))) return out;  // listings skip symlinks too
  try {
    if (find_meta_file(dir).empty()) return out;
    Entry e = load_entry(repo.name(), module, dir, /*validate_full=*/false);
    out.entries.push_back({e.alias, e.uid, e.tags, e.meta_path.filename().string()});
  } catch (const Error& err) {
    out.warnings.push_back(err.line());
  }
  return out;
}

}  // namespace

void parse_tag_filter(const std::string& text, Query& q) {
  for (auto& t : util::split(text, ',')) {
    if (t.size() > 1 && t[0] == '-') q.not_tags.push_back(t.substr(1));
    else q.tags.push_back(t);
  }
}

WhereClause parse_where(const std::string& text) {
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    throw Error(ExitCode::usage, "--where '" + text + "'", "expected key=value", "e.g. --where choices.opt=3");
  return {text.substr(0, eq), util::parse_cli_value(text.substr(eq + 1))};
}

FindResult find_entries(const Home& home, const Query& q) {
  FindResult out;
  bool by_uid = util::is_uid(q.name);
  // An exact alias names one folder per module: look at it, not at the whole module.
  bool exact_alias = !by_uid && !util::has_wildcards(q.name);
  for (const auto& rec : home.repos()) {
    if (q.repo && !name_matches(*q.repo, rec.name)) continue;
    std::optional<Repository> repo;
    try {
      repo.emplace(home.open_repo(rec));
    } catch (const Error& e) {
      if (q.repo && !util::has_wildcards(*q.repo)) throw;
      out.warnings.push_back(e.line());
      continue;
    }
    std::vector<std::string> modules;
    if (q.module && !util::has_wildcards(*q.module)) modules.push_back(*q.module);
    else
      for (auto& m : repo->modules())
        if (!q.module || util::wildcard_match(*q.module, m)) modules.push_back(m);
    for (const auto& module : modules) {
      if (!util::name_problem(module).empty()) continue;
      ScanResult scan = exact_alias ? scan_one(*repo, module, q.name) : scan_module(home, *repo, module);
      for (auto& w : scan.warnings) out.warnings.push_back(std::move(w));
      for (auto& s : scan.entries) {
        if (!(by_uid ? s.uid == q.name : name_matches(q.name, s.alias))) continue;
        if (!tags_match(q, s.tags)) continue;
        Entry e;
        e.repo = rec.name;
        e.module = module;
        e.alias = s.alias;
        e.uid = s.uid;
        e.tags = s.tags;
        e.path = repo->root() / module / s.alias;
        e.meta_path = e.path / s.meta_file;
        if (!q.where.empty()) {
          try {
            e.meta = util::load_document(e.meta_path);
          } catch (const Error& err) {
            out.warnings.push_back(err.line());
            continue;
          }
          if (!where_matches(q.where, e.meta)) continue;
        }
        out.entries.push_back(std::move(e));
      }
    }
  }
  return out;
}

std::vector<Entry> resolve(const Home& home, const Cid& cid) {
  util::require_safe_name(cid.module, "module");
  if (!util::has_wildcards(cid.name)) util::require_safe_name(cid.name, "name");
  if (cid.repo) home.require_repo(*cid.repo);
  Query q;
  q.repo = cid.repo;
  q.module = cid.module;
  q.name = cid.name;
  FindResult r = find_entries(home, q);
  if (!r.entries.empty()) {
    if (!util::has_wildcards(cid.name) && !util::is_uid(cid.name) && r.entries.size() > 1)
      r.entries.resize(1);  // same alias in several repositories: the first registered wins
    return r.entries;
  }
  // An entry that exists but cannot be read: report why (exit 4, file:line:col).
  if (!util::has_wildcards(cid.name) && !util::is_uid(cid.name)) {
    for (const auto& rec : home.repos()) {
      if (cid.repo && rec.name != *cid.repo) continue;
      std::filesystem::path dir = rec.path / cid.module / cid.name;
      std::error_code ec;
      if (!std::filesystem::is_directory(std::filesystem::symlink_status(dir, ec))) continue;
      if (find_meta_file(dir).empty()) continue;
      home.open_repo(rec).load(cid.module, cid.name);
    }
  }
  // Not found: propose the closest alias of that module.
  std::vector<std::string> names;
  for (const auto& rec : home.repos()) {
    if (cid.repo && rec.name != *cid.repo) continue;
    try {
      Repository repo = home.open_repo(rec);
      for (auto& a : repo.aliases(cid.module)) names.push_back(a);
    } catch (const Error&) {
    }
  }
  throw Error(ExitCode::not_found, "'" + cid.str() + "'", "no such entry", did_you_mean(cid.name, names));
}

Entry resolve_one(const Home& home, const Cid& cid) {
  std::vector<Entry> all = resolve(home, cid);
  if (all.size() > 1) {
    std::string names;
    for (size_t i = 0; i < all.size() && i < 5; ++i) names += (i ? ", " : "") + all[i].cid();
    throw Error(ExitCode::usage, "'" + cid.str() + "'", "matches " + std::to_string(all.size()) + " entries (" + names +
                (all.size() > 5 ? ", ..." : "") + ")", "name exactly one entry");
  }
  Entry e = all.front();
  Repository repo = home.open_repo(e.repo);
  return repo.load(e.module, e.alias);
}

}  // namespace request::store
