#include "modules/env/detect.hpp"

#include <algorithm>
#include <map>
#include <set>

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

bool selected(const env::Detector& d, const DetectOptions& o);

// Fresh env entries of every repository (the bases of derived detectors).
std::vector<store::Entry> fresh_bases(const store::Home& home, DetectReport& report) {
  std::vector<store::Entry> bases;
  for (const auto& rec : home.repos()) {
    try {
      for (auto& e : load_env_entries(home.open_repo(rec)))
        if (env_status(e).freshness == env::Freshness::fresh) bases.push_back(std::move(e));
    } catch (const Error& e) {
      report.warnings.push_back(e.line());
    }
  }
  return bases;
}

// Targets of derived detectors over the current fresh bases, skipping pairs in
// `done` and (without force) pairs whose derived entry is fresh and made from that base.
void add_derived_targets(const store::Home& home, const soft::DetectorSet& set, const DetectOptions& o,
                         const std::map<Key, store::Entry>& fresh, std::set<Key>& done,
                         std::vector<env::DetectionTarget>& targets, DetectReport& report) {
  std::vector<store::Entry> bases;
  bool loaded = false;
  for (const auto& d : set.detectors) {
    if (!d.derived() || !selected(d, o)) continue;
    if (!loaded) {
      bases = fresh_bases(home, report);
      loaded = true;
    }
    for (const auto& b : bases) {
      if (!has_all_tags(b, d.for_each_tags) || !done.insert({d.name, b.cid()}).second) continue;
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

  // One concurrent batch: detectors that look for executables, plus derived
  // detectors over the env entries that are fresh already.
  env::ExecutableFinder finder = env::ExecutableFinder::from_environment();
  std::vector<env::DetectionTarget> targets;
  for (const auto& d : set.detectors) {
    if (!selected(d, o)) continue;
    ++report.detectors_run;
    if (d.derived()) continue;
    for (const auto& exe : finder.find(d)) {
      auto it = fresh.find({d.name, exe});
      if (!o.force && it != fresh.end()) {
        report.items.push_back({RegisterAction::unchanged, it->second, {}});
        continue;
      }
      targets.push_back({&d, exe, {}});
    }
  }
  std::set<Key> done;  // (derived name, base cid) already run
  add_derived_targets(home, set, o, fresh, done, targets, report);
  run_and_register(repo, targets, report);

  // Then derived detectors over bases that the batch created or changed.
  targets.clear();
  fresh = fresh_entries(load_env_entries(repo));
  add_derived_targets(home, set, o, fresh, done, targets, report);
  run_and_register(repo, targets, report);

  for (const auto& e : load_env_entries(repo))
    if (env_status(e).freshness == env::Freshness::vanished) report.vanished.push_back(e.cid());
  return report;
}

}  // namespace request::environments
