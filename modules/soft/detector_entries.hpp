#pragma once
// Detectors come from `soft` entries in any registered repository: a user adds
// one by adding an entry, no C++ per tool. This module loads and merges them.
#include <string>
#include <vector>

#include "lib/env/detector.hpp"
#include "lib/store/home.hpp"

namespace request::soft {

// Tag of every soft entry that is a template (only for `extends`, never run).
inline constexpr const char* k_template_field = "template";

struct DetectorSet {
  std::vector<env::Detector> detectors;  // runnable detectors, in repository order then alias
  std::vector<std::string> warnings;     // entries skipped, with why
};

// Every runnable detector of the registered repositories. `extends: ALIAS`
// merges another soft entry (a template) under the entry. When one alias exists
// in several repositories, the first registered wins (local overrides core).
DetectorSet load_detectors(const store::Home& home);

// True when a detector provides every one of `tags` (placeholders in its tags
// count as matching nothing).
bool provides_all(const env::Detector& d, const std::vector<std::string>& tags);

}  // namespace request::soft
