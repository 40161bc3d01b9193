#pragma once
// Progress of a clone or fetch (objects received, deltas resolved, files
// checked out) reported through a callback, and its one-line rendering.
#include <cstddef>
#include <functional>
#include <string>

namespace request::git {

struct Progress {
  enum class Stage { receiving, resolving, checkout };
  Stage stage = Stage::receiving;
  size_t current = 0;  // objects received, deltas resolved or files checked out
  size_t total = 0;    // 0 when not known yet
  size_t bytes = 0;    // bytes received so far (receiving only)
};

// Called from inside libgit2; must be cheap. Empty = no progress wanted.
using ProgressFn = std::function<void(const Progress&)>;

// "receiving objects:  45% (450/1000), 1.2 MiB" (no newline).
std::string format_progress(const Progress& p);

// "512 B", "1.5 KiB", "12.0 MiB".
std::string format_bytes(size_t bytes);

}  // namespace request::git
