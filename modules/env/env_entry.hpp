#pragma once
// `env` entries: one detected tool (name, version and its comparable parts,
// path, tags, variables, PATH directories, detection time, fingerprint).
// Building them from detections, registering them idempotently, checking them.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lib/env/detection.hpp"
#include "lib/env/fingerprint.hpp"
#include "lib/env/version.hpp"
#include "lib/store/entry.hpp"
#include "lib/store/repository.hpp"

namespace request::environments {

inline constexpr const char* k_env_module = "env";

// The meta of a new env entry for `d` (uid and alias are filled in by the store).
nlohmann::json env_meta(const env::Detection& d);

// Whether an env entry can be used as recorded.
struct EnvStatus {
  env::Freshness freshness = env::Freshness::fresh;
  std::string detail;  // e.g. "'/usr/bin/gcc' no longer exists"
};

// Checks the entry's fingerprint against the file now (stat only, no hashing).
// An entry without a readable fingerprint counts as changed.
EnvStatus env_status(const store::Entry& e);

// The entry's version, or nullopt when its meta has none that parses.
std::optional<env::Version> env_version(const store::Entry& e);

// A safe alias from a detector's alias text ("GCC 12.2" -> "gcc-12.2").
std::string safe_alias(const std::string& text);

// What registering a detection did.
enum class RegisterAction { created, updated, unchanged };
const char* action_name(RegisterAction a);

struct Registered {
  RegisterAction action = RegisterAction::unchanged;
  store::Entry entry;
  std::string replaced;  // cid of an entry removed because the version changed
};

// Register detections in `repo` under a lock on its env folder. Same name and
// path with the same version and fingerprint: nothing is written. Same version,
// changed file: the meta is rewritten. A new version gets its own entry (the old
// entry of that path is removed); an alias taken by another path gets a path-hash suffix.
std::vector<Registered> register_detections(store::Repository& repo, const std::vector<env::Detection>& found);

// Env entries of a repository with their meta loaded (invalid ones skipped into `warnings`).
std::vector<store::Entry> load_env_entries(const store::Repository& repo, std::vector<std::string>* warnings = nullptr);

}  // namespace request::environments
