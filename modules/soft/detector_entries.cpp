#include "modules/soft/detector_entries.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "lib/store/query.hpp"
#include "lib/util/error.hpp"
#include "lib/util/json_io.hpp"

namespace request::soft {

namespace {

constexpr int k_max_extends_depth = 8;

// Resolve `extends` chains; throws Error(invalid_data) for a missing parent or a cycle.
nlohmann::json merged_meta(const std::string& alias, const std::map<std::string, nlohmann::json>& by_alias,
                           const std::map<std::string, std::string>& ids) {
  std::vector<std::string> chain = {alias};
  nlohmann::json meta = by_alias.at(alias);
  while (meta.contains("extends")) {
    if (!meta["extends"].is_string())
      throw Error(ExitCode::invalid_data, ids.at(alias), "detector field 'extends' must be a soft entry alias");
    std::string parent = meta["extends"].get<std::string>();
    if (std::find(chain.begin(), chain.end(), parent) != chain.end() || chain.size() > k_max_extends_depth)
      throw Error(ExitCode::invalid_data, ids.at(alias), "'extends' forms a cycle through '" + parent + "'");
    auto it = by_alias.find(parent);
    if (it == by_alias.end())
      throw Error(ExitCode::invalid_data, ids.at(alias), "extends unknown soft entry '" + parent + "'");
    chain.push_back(parent);
    nlohmann::json child = meta;
    child.erase("extends");
    meta = env::merge_detector_meta(it->second, child);
    if (it->second.contains("extends")) meta["extends"] = it->second["extends"];
  }
  // The parent's tags describe the template; the child's own tags and uid stay.
  meta["uid"] = by_alias.at(alias).value("uid", "");
  meta["alias"] = alias;
  return meta;
}

}  // namespace

DetectorSet load_detectors(const store::Home& home) {
  DetectorSet out;
  store::Query q;
  q.module = "soft";
  store::FindResult found = store::find_entries(home, q);
  for (auto& w : found.warnings) out.warnings.push_back(std::move(w));
  std::map<std::string, nlohmann::json> by_alias;
  std::map<std::string, std::string> ids;
  std::vector<std::string> order;
  for (const auto& e : found.entries) {
    if (by_alias.count(e.alias)) continue;  // shadowed by an earlier repository
    try {
      nlohmann::json meta = util::load_document(e.meta_path);
      store::require_valid_meta(meta, "soft", e.cid());
      by_alias[e.alias] = std::move(meta);
      ids[e.alias] = e.cid();
      order.push_back(e.alias);
    } catch (const Error& err) {
      out.warnings.push_back(err.line());
    }
  }
  for (const auto& alias : order) {
    if (by_alias[alias].value(k_template_field, false)) continue;
    try {
      out.detectors.push_back(env::parse_detector(merged_meta(alias, by_alias, ids), ids[alias]));
    } catch (const Error& err) {
      out.warnings.push_back(err.line());
    }
  }
  return out;
}

bool provides_all(const env::Detector& d, const std::vector<std::string>& tags) {
  for (const auto& t : tags)
    if (std::find(d.provides.begin(), d.provides.end(), t) == d.provides.end() && t != d.name) return false;
  return true;
}

}  // namespace request::soft
