#include "modules/env/detect.hpp"

#include <algorithm>
#include <map>

#include "lib/util/error.hpp"
#include "modules/soft/detector_entries.hpp"

namespace request::environments {

namespace {

using Key = std::pair<std::string, std::string>;  // (name, path)

bool has_all_tags(const store::Entry& e, const std::vector<std::string>& tags) {
  for (const auto& t : tags)
    if (std::find(e.tags.begin(), e.tags.end(), t) == e.tags.end()) return false;
  return true;
}

// Fresh entries of the target repository by (name, path): their files need no new run.
std::map<Key, store::Entry> fresh_entries(const std::vector<store::Entry>& entries) {
  std::map<Key, store::Entry> out;
  for (const auto& e : entries) {
    if (env_status(e).freshness != env::Freshness::fresh) continue;
    out.emplace(Key{e.meta.value("name", ""), e.meta.value("path", "")}, e);
  }
  return out;
}

void run_and_register(store::Repository& repo, const std::vector<env::DetectionTarget>& targets, DetectReport& report) {
  if (targets.empty()) return;
  env::DetectionBatch batch = env::run_detection(targets);
  for (auto& f : batch.failures) report.failures.push_back(std::move(f));
  for (auto& r : register_detections(repo, batch.found))
    report.items.push_back({r.action, std::move(r.entry), std::move(r.replaced)});
}

bool selected(const env::Detector& d, const DetectOptions& o) {
  if (!soft::provides_all(d, o.tags)) return false;
  return o.detectors.empty() || std::find(o.detectors.begin(), o.detectors.end(), d.id) != o.detectors.end();
}

}  // namespace

DetectReport detect(store::Home& home, const DetectOptions& o) {
  DetectReport report;
  soft::DetectorSet set = soft::load_detectors(home);
  report.warnings = set.warnings;
  store::Repository repo = home.open_repo(o.repo);
  if (repo.readonly())
    throw Error(ExitCode::failed, "repository '" + repo.name() + "'", "is read-only",
                "write env entries to another repository with --repo NAME");
  std::vector<store::Entry> existing = load_env_entries(repo, &report.warnings);
  std::map<Key, store::Entry> fresh = fresh_entries(existing);

  // Pass 1: detectors that look for executables.
  env::ExecutableFinder finder = env::ExecutableFinder::from_environment();
  std::vector<env::DetectionTarget> targets;
  for (const auto& d : set.detectors) {
    if (d.derived() || !selected(d, o)) continue;
    ++report.detectors_run;
    for (const auto& exe : finder.find(d)) {
      auto it = fresh.find({d.name, exe});
      if (!o.force && it != fresh.end()) {
        report.items.push_back({RegisterAction::unchanged, it->second, {}});
        continue;
      }
      targets.push_back({&d, exe, {}});
    }
  }
  run_and_register(repo, targets, report);

  // Pass 2: derived detectors over fresh env entries of every repository.
  std::vector<store::Entry> bases;
  for (const auto& rec : home.repos()) {
    try {
      for (auto& e : load_env_entries(home.open_repo(rec)))
        if (env_status(e).freshness == env::Freshness::fresh) bases.push_back(std::move(e));
    } catch (const Error& e) {
      report.warnings.push_back(e.line());
    }
  }
  targets.clear();
  for (const auto& d : set.detectors) {
    if (!d.derived() || !selected(d, o)) continue;
    ++report.detectors_run;
    for (const auto& b : bases) {
      if (!has_all_tags(b, d.for_each_tags)) continue;
      std::string path = b.meta.value("path", "");
      auto it = fresh.find({d.name, path});
      if (!o.force && it != fresh.end() && it->second.meta.value("from", "") == b.cid()) {
        report.items.push_back({RegisterAction::unchanged, it->second, {}});
        continue;
      }
      env::Placeholders from = {{"from.path", path},
                                {"from.name", b.meta.value("name", "")},
                                {"from.alias", b.alias},
                                {"from.version", b.meta.value("version", "")},
                                {"from.cid", b.cid()}};
      targets.push_back({&d, path, std::move(from)});
    }
  }
  run_and_register(repo, targets, report);

  for (const auto& e : load_env_entries(repo))
    if (env_status(e).freshness == env::Freshness::vanished) report.vanished.push_back(e.cid());
  return report;
}

}  // namespace request::environments
