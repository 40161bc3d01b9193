#include "modules/result/result_entry.hpp"

#include <algorithm>

#include "lib/git/repo_state.hpp"
#include "lib/stats/summary.hpp"

namespace request::result {

namespace {

struct BuiltinMetric {
  const char* name;
  const char* unit;
};

constexpr BuiltinMetric k_builtins[] = {
    {program::k_wall_time, "s"},
    {program::k_user_time, "s"},
    {program::k_sys_time, "s"},
    {program::k_max_rss, "bytes"},
    {program::k_energy, "J"},
};

nlohmann::json summary_json(const std::vector<double>& samples, const std::string& unit, const std::string& direction) {
  nlohmann::json m = stats::to_json(stats::summarize(samples));
  m["samples"] = samples;
  m["unit"] = unit;
  m["direction"] = direction;
  return m;
}

}  // namespace

nlohmann::json entry_ref(const store::Entry& entry) {
  git::RepoState s = git::repo_state(entry.path);
  return {{"cid", entry.cid()},        {"uid", entry.uid},         {"repo", entry.repo},
          {"repo_url", s.url},          {"repo_commit", s.commit}, {"repo_dirty", s.dirty}};
}

nlohmann::json metrics_json(const program::ProgramSpec& spec, const program::PointOutcome& point) {
  nlohmann::json metrics = nlohmann::json::object();
  if (point.status != "ok") return metrics;
  for (const auto& b : k_builtins) {
    auto it = point.samples.find(b.name);
    if (it != point.samples.end() && !it->second.empty()) metrics[b.name] = summary_json(it->second, b.unit, "min");
  }
  for (const auto& m : spec.metrics) {
    auto it = point.samples.find(m.name);
    if (it != point.samples.end() && !it->second.empty())
      metrics[m.name] = summary_json(it->second, m.unit, m.direction.empty() ? "min" : m.direction);
  }
  return metrics;
}

nlohmann::json make_result(const ResultParts& p, const program::ProgramSpec& spec, const program::PointOutcome& point) {
  std::vector<std::string> tags = {"result", p.program.alias};
  for (const auto& t : p.tags)
    if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
  nlohmann::json choices = nlohmann::json::object();
  for (const auto& [k, v] : p.choices) choices[k] = v;

  nlohmann::json run = {{"command", point.command},
                        {"command_template", spec.run},
                        {"started_at", point.started_at},
                        {"finished_at", point.finished_at},
                        {"warmup", point.warmups},
                        {"repetitions", point.repetitions},
                        {"exit_code", point.exit_code ? nlohmann::json(*point.exit_code) : nlohmann::json()}};
  if (point.term_signal) run["signal"] = *point.term_signal;
  run["energy"] = p.energy_unavailable.empty() ? nlohmann::json{{"available", true}}
                                               : nlohmann::json{{"available", false}, {"reason", p.energy_unavailable}};
  if (p.run_extra.is_object()) run.update(p.run_extra);

  nlohmann::json r = {{"uid", p.uid},
                      {"alias", p.alias},
                      {"tags", tags},
                      {"schema", k_result_schema},
                      {"status", point.status},
                      {"program", p.program_ref},
                      {"choices", choices},
                      {"env", p.env},
                      {"machine", p.machine},
                      {"run", run},
                      {"build", p.build},
                      {"metrics", metrics_json(spec, point)},
                      {"request_version", REQUEST_VERSION}};
  if (!point.reason.empty()) r["reason"] = point.reason;
  if (!p.dataset_ref.is_null()) r["dataset"] = p.dataset_ref;
  if (!p.model_ref.is_null()) r["model"] = p.model_ref;
  return r;
}

}  // namespace request::result
