#pragma once
// The detector engine: finds a detector's executables (PATH and listed
// directories, never a recursive scan), runs every version command at once and
// turns the outputs into detections. Knows nothing of entries or repositories.
#include <map>
#include <string>
#include <vector>

#include "lib/env/detector.hpp"
#include "lib/env/fingerprint.hpp"
#include "lib/env/placeholders.hpp"
#include "lib/env/version.hpp"

namespace request::env {

// Looks up executables in a list of directories (PATH order, then extra ones).
class ExecutableFinder {
public:
  explicit ExecutableFinder(std::vector<std::string> path_dirs);
  // The directories of $PATH, in order, without duplicates or empty items.
  static ExecutableFinder from_environment();

  // Executable files `d` names, in search order, one per real path.
  std::vector<std::string> find(const Detector& d);
  const std::vector<std::string>& dirs() const { return m_dirs; }

private:
  const std::vector<std::string>& listing(const std::string& dir);

  std::vector<std::string> m_dirs;
  std::map<std::string, std::vector<std::string>> m_listings;  // directory -> file names
};

// A detector applied to one executable, or, for a derived detector, to one env entry.
struct DetectionTarget {
  const Detector* detector = nullptr;
  std::string exe;    // the file to run and describe: {exe}
  Placeholders from;  // {from.path} {from.name} {from.alias} {from.version} {from.cid} (derived only)
};

// A successful detection: what becomes an env entry.
struct Detection {
  std::string detector_id;
  std::string detector_uid;
  std::string name;
  std::string alias;  // expanded alias template, not yet made a safe name
  std::string path;   // the executable as found
  Version version;
  std::vector<std::string> tags;
  std::map<std::string, std::string> env;
  std::vector<std::string> path_dirs;
  std::map<std::string, std::string> queries;
  Fingerprint fingerprint;  // without sha256: the caller hashes only what it writes
  std::string from;         // cid of the env entry a derived detection was made from
};

// A target that did not yield a detection, and why.
struct DetectionFailure {
  std::string detector_id;
  std::string path;
  std::string reason;
};

struct DetectionBatch {
  std::vector<Detection> found;
  std::vector<DetectionFailure> failures;
};

// Run the version command and queries of every target concurrently.
DetectionBatch run_detection(const std::vector<DetectionTarget>& targets);

// The version found by `regex` in `output` (searched line by line; the first
// capture group, else the whole match), or empty.
std::string extract_version(const std::string& output, const std::string& regex);

}  // namespace request::env
