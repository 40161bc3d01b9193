#pragma once
// Building a `result` entry (schemas/result.schema.json, docs/run.md) from a
// finished design point: provenance, choices, environments, machine, run,
// build and metric summaries.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lib/store/entry.hpp"
#include "modules/program/point_run.hpp"
#include "modules/program/program_spec.hpp"

namespace request::result {

// Schema tag of the entries written here.
inline constexpr const char* k_result_schema = "request.result/1";

// {cid, uid, repo, repo_url, repo_commit, repo_dirty} of an entry (git state of its folder).
nlohmann::json entry_ref(const store::Entry& entry);

// Everything a result is made of.
struct ResultParts {
  std::string uid;                     // of the new result
  std::string alias;                   // of the new result
  std::vector<std::string> tags;       // extra tags (--tag)
  store::Entry program;
  nlohmann::json program_ref;          // entry_ref(program)
  nlohmann::json dataset_ref;          // null when none
  nlohmann::json model_ref;            // null when none
  program::ChoiceValues choices;
  nlohmann::json env = nlohmann::json::array();      // [{name, cid, version, path, fingerprint}]
  nlohmann::json machine = nlohmann::json::object();
  nlohmann::json build = nlohmann::json::object();   // {key, cached, commands, ...}
  nlohmann::json run_extra = nlohmann::json::object();  // merged into "run"
  std::string energy_unavailable;      // why energy_j is absent; empty when measured
};

// Metric summaries {NAME: {unit, direction, samples, min, max, ...}} of a point:
// the built-in ones and those the program declares. Empty unless the point is ok.
nlohmann::json metrics_json(const program::ProgramSpec& spec, const program::PointOutcome& point);

// The result entry's meta. `point` supplies status, reason, run and metrics.
nlohmann::json make_result(const ResultParts& parts, const program::ProgramSpec& spec,
                           const program::PointOutcome& point);

}  // namespace request::result
