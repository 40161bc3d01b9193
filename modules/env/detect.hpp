#pragma once
// `request env detect`: run the detectors of all registered soft entries and
// register what they find as env entries (idempotent).
#include <string>
#include <vector>

#include "lib/env/detection.hpp"
#include "lib/store/home.hpp"
#include "modules/env/env_entry.hpp"

namespace request::environments {

struct DetectOptions {
  std::vector<std::string> tags;       // only detectors providing all of these (their name counts)
  std::vector<std::string> detectors;  // only detectors with these soft cids (empty = all)
  bool force = false;                  // run version commands even when the file's fingerprint is unchanged
  std::string repo = store::k_local_repo;  // where env entries are written
};

// One env entry the run touched or confirmed.
struct DetectedItem {
  RegisterAction action = RegisterAction::unchanged;
  store::Entry entry;
  std::string replaced;  // cid removed because the version at that path changed
};

struct DetectReport {
  std::vector<DetectedItem> items;
  std::vector<env::DetectionFailure> failures;  // found executables that gave no version
  std::vector<std::string> vanished;            // cids of entries whose file is gone
  std::vector<std::string> warnings;            // soft entries skipped
  size_t detectors_run = 0;
};

// Detect and register. Without `force`, a file whose env entry is fresh is not
// run again (reported as unchanged). Derived detectors (for_each) run after the
// others, over the fresh env entries of every repository with the tags they name.
DetectReport detect(store::Home& home, const DetectOptions& options);

}  // namespace request::environments
