#pragma once
// REQUEST_HOME: the registry of repositories (registry.json) and the `local`
// repository, created on first use. Registry updates are locked and atomic.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lib/store/repository.hpp"

namespace request::store {

inline constexpr const char* k_local_repo = "local";
inline constexpr const char* k_registry_file = "registry.json";
// The bundled, read-only repository (repos/core): always registered, never written to registry.json.
inline constexpr const char* k_core_repo = "core";

struct RepoRecord {
  std::string name;
  std::filesystem::path path;
  std::string url;  // remote it was pulled from; empty for local folders
  std::string ref;  // pinned branch, tag or commit; empty when following the default
  bool readonly = false;
};

class Home {
public:
  // --home, else $REQUEST_HOME, else ~/.request. Creates it and `local` on first use.
  static Home open(const std::optional<std::filesystem::path>& override_dir = std::nullopt);

  const std::filesystem::path& root() const { return m_root; }
  std::filesystem::path repos_dir() const { return m_root / "repos"; }
  std::filesystem::path cache_dir() const { return m_root / "cache"; }

  // Registered repositories, in registry order (local first).
  const std::vector<RepoRecord>& repos() const { return m_repos; }
  const RepoRecord* find_repo(const std::string& name) const;
  // Throws Error(not_found) with a "did you mean" hint.
  const RepoRecord& require_repo(const std::string& name) const;
  Repository open_repo(const std::string& name) const;
  Repository open_repo(const RepoRecord& record) const;

  // Read-modify-write of the registry under an exclusive lock; the change is
  // written atomically and reloaded into this object.
  void update_registry(const std::function<void(std::vector<RepoRecord>&)>& change);
  void reload();

private:
  explicit Home(std::filesystem::path root) : m_root(std::move(root)) {}
  void ensure_initialised();
  std::vector<RepoRecord> read_registry() const;
  static std::vector<RepoRecord> with_builtin(std::vector<RepoRecord> repos);
  void write_registry(const std::vector<RepoRecord>& repos) const;

  std::filesystem::path m_root;
  std::vector<RepoRecord> m_repos;
};

// Folder of the bundled core repository: $REQUEST_CORE_REPO (empty disables it),
// else <source>/repos/core, else <prefix>/share/request/repos/core; empty if none.
std::filesystem::path builtin_core_repo();

// "did you mean 'x'?" for the closest of `candidates` within a small distance, else empty.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace request::store
