#pragma once
// A repository: a folder with request-repo.json and <module>/<alias>/ entries.
// Every write is atomic (temporary folder or file, then rename) and refuses
// names and paths that would leave the repository.
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lib/store/entry.hpp"

namespace request::store {

inline constexpr const char* k_descriptor = "request-repo.json";

class Repository {
public:
  // Open a registered repository; reads and validates its descriptor.
  Repository(std::string name, std::filesystem::path root, bool readonly = false);

  // Create a new repository folder (or adopt an empty/existing folder without a
  // descriptor) and write its descriptor. Throws if one exists already.
  static Repository init(const std::filesystem::path& root, const std::string& name,
                         const std::string& description = {});
  // Read and validate a descriptor file (exit 4 on problems).
  static nlohmann::json read_descriptor(const std::filesystem::path& root);

  const std::string& name() const { return m_name; }
  const std::filesystem::path& root() const { return m_root; }
  const nlohmann::json& descriptor() const { return m_descriptor; }
  bool readonly() const { return m_readonly; }

  // Module folders present (valid names only), sorted.
  std::vector<std::string> modules() const;
  // Entry folders of a module (valid names with a meta file), sorted.
  std::vector<std::string> aliases(const std::string& module) const;
  std::filesystem::path entry_dir(const std::string& module, const std::string& alias) const;
  bool has_entry(const std::string& module, const std::string& alias) const;
  Entry load(const std::string& module, const std::string& alias) const;

  // Create <module>/<alias> with `meta` (uid/alias/tags filled in when absent)
  // and optional files copied from `files_from`. Fails if the alias exists.
  Entry create(const std::string& module, const std::string& alias, nlohmann::json meta,
               const std::filesystem::path& files_from = {});
  // Replace an entry's meta atomically (under the entry's lock).
  void write_meta(const Entry& entry, const nlohmann::json& meta);
  // Remove an entry: renamed away atomically, then deleted.
  void remove(const std::string& module, const std::string& alias);
  // Rename an entry folder (the alias) atomically; refuses an existing target.
  Entry rename(const std::string& module, const std::string& alias, const std::string& new_alias);
  // Remove leftovers of interrupted writes (.tmp-*, .trash-*) older than `min_age_s`.
  void sweep_leftovers(int min_age_s = 3600) const;
  // The same for one module folder (run by find when its listing meets leftovers).
  void sweep_module_leftovers(const std::string& module, int min_age_s = 3600) const;

private:
  void require_writable() const;
  std::filesystem::path module_dir_for_write(const std::string& module);

  std::string m_name;
  std::filesystem::path m_root;
  nlohmann::json m_descriptor;
  bool m_readonly = false;
};

// Sorted, validated list of names of subfolders of `dir` that hold entries.
std::vector<std::string> list_entry_folders(const std::filesystem::path& module_dir);

}  // namespace request::store
