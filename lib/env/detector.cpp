#include "lib/env/detector.hpp"

#include <regex>

#include "lib/util/error.hpp"

namespace request::env {

namespace {

// Reads typed fields of a soft meta with messages naming the entry and field.
class Reader {
public:
  Reader(const nlohmann::json& meta, const std::string& id) : m_meta(meta), m_id(id) {}

  [[noreturn]] void bad(const std::string& field, const std::string& what) const {
    throw Error(ExitCode::invalid_data, m_id, "detector field '" + field + "' " + what,
                "see docs/environments.md for the soft entry format");
  }

  const nlohmann::json* find(const nlohmann::json& obj, const std::string& key) const {
    auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
  }

  std::string str(const nlohmann::json& obj, const std::string& key, const std::string& field,
                  const std::string& fallback) const {
    const nlohmann::json* v = find(obj, key);
    if (!v) return fallback;
    if (!v->is_string()) bad(field, "must be a string");
    return v->get<std::string>();
  }

  std::vector<std::string> list(const nlohmann::json& obj, const std::string& key, const std::string& field) const {
    std::vector<std::string> out;
    const nlohmann::json* v = find(obj, key);
    if (!v) return out;
    if (!v->is_array()) bad(field, "must be a list of strings");
    for (const auto& s : *v) {
      if (!s.is_string()) bad(field, "must be a list of strings");
      out.push_back(s.get<std::string>());
    }
    return out;
  }

  std::map<std::string, std::string> string_map(const std::string& key) const {
    std::map<std::string, std::string> out;
    const nlohmann::json* v = find(m_meta, key);
    if (!v) return out;
    if (!v->is_object()) bad(key, "must be an object of strings");
    for (const auto& [k, s] : v->items()) {
      if (s.is_string()) out[k] = s.get<std::string>();
      else if (s.is_number() || s.is_boolean()) out[k] = s.dump();
      else bad(key + "." + k, "must be a string");
    }
    return out;
  }

  void require_regex(const std::string& re, const std::string& field) const {
    try {
      std::regex compiled(re);
      (void)compiled;
    } catch (const std::regex_error& e) {
      bad(field, "is not a valid regular expression: '" + re + "' (" + e.what() + ")");
    }
  }

private:
  const nlohmann::json& m_meta;
  const std::string& m_id;
};

}  // namespace

Detector parse_detector(const nlohmann::json& meta, const std::string& id) {
  Reader r(meta, id);
  Detector d;
  d.id = id;
  d.uid = r.str(meta, "uid", "uid", "");
  d.name = r.str(meta, "name", "name", meta.value("alias", ""));
  if (d.name.empty()) r.bad("name", "is missing");
  d.provides = r.list(meta, "provides", "provides");
  if (d.provides.empty()) d.provides = r.list(meta, "tags", "tags");
  d.executables = r.list(meta, "executables", "executables");
  d.executable_patterns = r.list(meta, "executable_patterns", "executable_patterns");
  for (const auto& p : d.executable_patterns) r.require_regex(p, "executable_patterns");
  d.search_dirs = r.list(meta, "search_dirs", "search_dirs");
  if (const nlohmann::json* fe = r.find(meta, "for_each")) {
    if (!fe->is_object()) r.bad("for_each", "must be an object with 'tags'");
    d.for_each_tags = r.list(*fe, "tags", "for_each.tags");
    if (d.for_each_tags.empty()) r.bad("for_each.tags", "must name at least one tag");
  }
  if (d.executables.empty() && d.executable_patterns.empty() && !d.derived())
    r.bad("executables", "is missing (or give executable_patterns or for_each)");
  const nlohmann::json* ver = r.find(meta, "version");
  if (!ver || !ver->is_object()) r.bad("version", "must be an object with 'command' and 'regex'");
  d.version_command = r.list(*ver, "command", "version.command");
  if (d.version_command.empty()) r.bad("version.command", "must be a non-empty list of strings");
  d.version_regex = r.str(*ver, "regex", "version.regex", "");
  if (d.version_regex.empty()) r.bad("version.regex", "is missing");
  r.require_regex(d.version_regex, "version.regex");
  if (const nlohmann::json* t = r.find(*ver, "timeout_ms")) {
    if (!t->is_number_integer() || t->get<int>() <= 0) r.bad("version.timeout_ms", "must be a positive integer");
    d.timeout_ms = t->get<int>();
  }
  if (const nlohmann::json* q = r.find(meta, "queries")) {
    if (!q->is_object()) r.bad("queries", "must be an object of commands");
    for (const auto& [k, v] : q->items()) {
      d.queries[k] = r.list(*q, k, "queries." + k);
      if (d.queries[k].empty()) r.bad("queries." + k, "must be a non-empty list of strings");
    }
  }
  d.fingerprint_file = r.str(meta, "fingerprint", "fingerprint", d.fingerprint_file);
  d.env = r.string_map("env");
  if (r.find(meta, "path_dirs")) d.path_dirs = r.list(meta, "path_dirs", "path_dirs");
  d.alias = r.str(meta, "env_alias", "env_alias", d.alias);
  d.params = r.string_map("params");
  return d;
}

nlohmann::json merge_detector_meta(const nlohmann::json& parent, const nlohmann::json& child) {
  nlohmann::json out = parent;
  for (const auto& [k, v] : child.items()) {
    if ((k == "params" || k == "env") && v.is_object() && out.contains(k) && out[k].is_object()) {
      for (const auto& [pk, pv] : v.items()) out[k][pk] = pv;
    } else {
      out[k] = v;
    }
  }
  out.erase("template");
  out.erase("extends");
  return out;
}

}  // namespace request::env
