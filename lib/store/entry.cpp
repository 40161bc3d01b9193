#include "lib/store/entry.hpp"

#include "lib/schema/validator.hpp"
#include "lib/util/error.hpp"
#include "lib/util/json_io.hpp"

namespace fs = std::filesystem;

namespace request::store {

fs::path find_meta_file(const fs::path& entry_dir) {
  std::error_code ec;
  fs::path json = entry_dir / k_meta_json;
  fs::path yaml = entry_dir / k_meta_yaml;
  bool has_json = fs::is_regular_file(json, ec);
  bool has_yaml = fs::is_regular_file(yaml, ec);
  if (has_json && has_yaml)
    throw Error(ExitCode::invalid_data, entry_dir.string(), "entry has both meta.json and meta.yaml",
                "keep one of them");
  if (has_json) return json;
  if (has_yaml) return yaml;
  return {};
}

void require_valid_meta(const nlohmann::json& meta, const std::string& module, const std::string& where) {
  auto violations = schema::validate_entry(meta, module);
  if (violations.empty()) return;
  std::string what = "schema violation: ";
  for (size_t i = 0; i < violations.size(); ++i) {
    if (i) what += "; ";
    what += violations[i].path + ": " + violations[i].message;
  }
  throw Error(ExitCode::invalid_data, where, what);
}

Entry load_entry(const std::string& repo, const std::string& module, const fs::path& entry_dir, bool validate_full) {
  Entry e;
  e.repo = repo;
  e.module = module;
  e.alias = entry_dir.filename().string();
  e.path = entry_dir;
  e.meta_path = find_meta_file(entry_dir);
  if (e.meta_path.empty())
    throw Error(ExitCode::invalid_data, entry_dir.string(), "entry has no meta.json or meta.yaml");
  e.meta = util::load_document(e.meta_path);
  if (validate_full) {
    require_valid_meta(e.meta, module, e.meta_path.string());
  } else if (!e.meta.is_object() || !e.meta.contains("uid") || !e.meta["uid"].is_string()) {
    throw Error(ExitCode::invalid_data, e.meta_path.string(), "schema violation: $.uid: missing or not a string");
  }
  e.uid = e.meta.value("uid", "");
  if (auto it = e.meta.find("tags"); it != e.meta.end() && it->is_array()) {
    for (const auto& t : *it)
      if (t.is_string()) e.tags.push_back(t.get<std::string>());
  }
  return e;
}

}  // namespace request::store
