#pragma once
// One entry: a folder <repo>/<module>/<alias>/ holding meta.json or meta.yaml.
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace request::store {

inline constexpr const char* k_meta_json = "meta.json";
inline constexpr const char* k_meta_yaml = "meta.yaml";

struct Entry {
  std::string repo;     // registered repository name
  std::string module;   // entry kind
  std::string alias;    // the folder name (authoritative)
  std::string uid;      // 16 hex digits
  std::vector<std::string> tags;
  std::filesystem::path path;       // the entry folder
  std::filesystem::path meta_path;  // meta.json or meta.yaml inside it
  nlohmann::json meta;              // may be null when only a summary was loaded

  std::string cid() const { return repo + ":" + module + ":" + alias; }
};

// The meta file of an entry folder, or empty when it has none. Throws
// Error(invalid_data) when it has both meta.json and meta.yaml.
std::filesystem::path find_meta_file(const std::filesystem::path& entry_dir);

// Load and check an entry's meta (common fields; module schema when `full`).
Entry load_entry(const std::string& repo, const std::string& module, const std::filesystem::path& entry_dir,
                 bool validate_full = true);

// Throws Error(invalid_data) listing every schema violation of `meta` for `module`.
void require_valid_meta(const nlohmann::json& meta, const std::string& module, const std::string& where);

}  // namespace request::store
