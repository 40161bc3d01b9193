// request run: build (cached), run warmups and repetitions per design point,
// write one result entry per point (docs/run.md).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "lib/env/machine.hpp"
#include "lib/exec/interrupt.hpp"
#include "lib/exec/program_path.hpp"
#include "lib/exec/rapl.hpp"
#include "lib/exec/subprocess_runner.hpp"
#include "lib/store/cid.hpp"
#include "lib/store/query.hpp"
#include "lib/util/error.hpp"
#include "lib/util/safe_name.hpp"
#include "lib/util/strings.hpp"
#include "modules/dataset/file_check.hpp"
#include "modules/env/resolve.hpp"
#include "modules/program/build_cache.hpp"
#include "modules/program/point_run.hpp"
#include "modules/program/program_spec.hpp"
#include "modules/result/recorded_env.hpp"
#include "modules/result/result_entry.hpp"

namespace request::cli {

namespace {

struct RunOptions {
  std::string program;
  std::string dataset;
  std::string model;
  std::vector<std::string> sets;
  std::vector<std::string> varies;
  size_t repeat = 10;
  size_t warmup = 1;
  double min_time = 0;
  double timeout = 0;
  std::string memory_limit;
  std::string results = store::k_local_repo;
  std::vector<std::string> tags;
  bool fail_fast = false;
  std::string executor = "local";
};

// "512M", "2G", "1048576", "64KiB" as bytes (binary multiples); Error(usage) otherwise.
uint64_t parse_memory_size(const std::string& text) {
  size_t pos = 0;
  double value = 0;
  try {
    value = std::stod(text, &pos);
  } catch (const std::exception&) {
    pos = 0;
  }
  std::string unit = text.substr(pos);
  if (!unit.empty() && (unit.back() == 'B' || unit.back() == 'b')) unit.pop_back();
  if (unit.size() == 2 && unit[1] == 'i') unit.pop_back();
  double scale = 0;
  if (unit.empty()) scale = 1;
  else if (unit == "K" || unit == "k") scale = 1024.0;
  else if (unit == "M" || unit == "m") scale = 1024.0 * 1024;
  else if (unit == "G" || unit == "g") scale = 1024.0 * 1024 * 1024;
  else if (unit == "T" || unit == "t") scale = 1024.0 * 1024 * 1024 * 1024;
  if (pos == 0 || scale == 0 || !(value > 0) || !std::isfinite(value))
    throw Error(ExitCode::usage, "--memory-limit '" + text + "'", "expected a size", "e.g. 512M or 2G");
  return static_cast<uint64_t>(value * scale);
}

store::Entry resolve_kind(Context& ctx, const std::string& text, const std::string& module, const std::string& flag) {
  store::Cid cid = store::parse_cid(text.find(':') == std::string::npos ? module + ":" + text : text);
  if (cid.module != module)
    throw Error(ExitCode::usage, flag + " '" + text + "'", "names a " + cid.module + " entry, expected a " + module);
  return store::resolve_one(ctx.home(), cid);
}

std::string choices_text(const program::ChoiceValues& c) {
  std::vector<std::string> parts;
  for (const auto& [k, v] : c) parts.push_back(k + "=" + program::choice_text(v));
  return parts.empty() ? "(defaults)" : util::join(parts, " ");
}

std::string headline(const nlohmann::json& metric) {
  if (!metric.is_object() || !metric.contains("median")) return "-";
  auto num = [](double v) { return fmt::format("{:.4g}", v); };
  std::string s = num(metric["median"].get<double>());
  if (metric.contains("ci95") && metric["ci95"].size() == 2)
    s += " [" + num(metric["ci95"][0].get<double>()) + ", " + num(metric["ci95"][1].get<double>()) + "]";
  return s;
}

// Progress on a TTY: "\r[point 2/4] repetition 3/5  ETA 12s".
class Progress {
public:
  Progress(const Context& ctx, size_t points, size_t runs_per_point)
      : m_on(ctx.stderr_is_tty() && !ctx.global.quiet && !ctx.global.json), m_points(points),
        m_runs(std::max<size_t>(1, runs_per_point)), m_start(std::chrono::steady_clock::now()) {}

  void update(size_t point, size_t index, bool warmup, size_t warmups, size_t repeat) {
    if (!m_on) return;
    size_t done = point * m_runs + (warmup ? index : warmups + index);
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    std::string eta = done == 0 ? "?" : fmt::format("{:.0f}s", elapsed / static_cast<double>(done) *
                                                                   static_cast<double>(m_points * m_runs - done));
    std::string what = warmup ? fmt::format("warmup {}/{}", index + 1, warmups)
                              : fmt::format("repetition {}/{}", index + 1, repeat);
    std::fprintf(stderr, "\r\033[K[point %zu/%zu] %s  ETA %s", point + 1, m_points, what.c_str(), eta.c_str());
    std::fflush(stderr);
  }
  void clear() {
    if (m_on) std::fprintf(stderr, "\r\033[K");
  }

private:
  bool m_on;
  size_t m_points;
  size_t m_runs;
  std::chrono::steady_clock::time_point m_start;
};

// The result's "env" list with each environment's fingerprint added.
nlohmann::json env_with_fingerprints(const environments::Resolution& res) {
  nlohmann::json list = res.env_list();
  for (auto& item : list) {
    for (const auto& c : res.chosen)
      if (item.value("cid", "") == c.entry.cid() && c.entry.meta.is_object() && c.entry.meta.contains("fingerprint"))
        item["fingerprint"] = c.entry.meta["fingerprint"];
  }
  return list;
}

std::map<std::string, std::string> child_environment(const environments::Resolution& res) {
  std::vector<std::string> base;
  for (const auto& [k, v] : exec::current_environment()) base.push_back(k + "=" + v);
  std::map<std::string, std::string> env;
  for (const auto& kv : res.apply_to(base)) {
    auto eq = kv.find('=');
    if (eq != std::string::npos) env[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return env;
}

void run_run(Context& ctx, const RunOptions& o) {
  if (o.executor != "local")
    throw Error(ExitCode::usage, "--executor '" + o.executor + "'", "only 'local' is available in this build");
  if (o.repeat == 0 && o.min_time <= 0) throw Error(ExitCode::usage, "--repeat 0", "nothing would be measured");
  std::optional<uint64_t> memory_limit;
  if (!o.memory_limit.empty()) memory_limit = parse_memory_size(o.memory_limit);
  for (const auto& t : o.tags)
    if (t.empty()) throw Error(ExitCode::usage, "--tag", "an empty tag");

  store::Home& home = ctx.home();
  home.require_repo(o.results);
  store::Repository results = home.open_repo(o.results);
  if (results.readonly())
    throw Error(ExitCode::usage, "--results '" + o.results + "'", "the repository is read-only",
                "write results to 'local' or another repository");

  store::Entry prog = resolve_kind(ctx, o.program, "program", "PROGRAM");
  const std::string where = prog.cid();
  program::ProgramSpec spec = program::parse_program(prog);
  program::ChoiceValues base = program::resolve_choices(spec, o.sets);
  std::vector<program::ChoiceValues> points = program::expand_sweep(spec, base, o.varies);

  dataset::HashCache hashes(home.cache_dir() / "file-hashes.json");
  std::optional<store::Entry> data;
  std::optional<store::Entry> model;
  if (!o.dataset.empty()) {
    data = resolve_kind(ctx, o.dataset, "dataset", "--dataset");
    dataset::verify_files(*data, hashes);
  }
  if (!o.model.empty()) {
    model = resolve_kind(ctx, o.model, "model", "--model");
    dataset::verify_files(*model, hashes);
  }
  if (data || model) hashes.save();

  std::vector<environments::DependencySpec> deps;
  for (size_t i = 0; i < spec.deps.size(); ++i)
    deps.push_back(environments::dependency_from_json(spec.deps[i], where + ": deps[" + std::to_string(i) + "]"));
  environments::ResolveOptions ro;
  ro.note = [&ctx](const std::string& text) { ctx.info(text); };
  environments::Resolution res = environments::resolve_dependencies(home, deps, ro);

  const nlohmann::json envs = env_with_fingerprints(res);
  const std::map<std::string, std::string> child_env = child_environment(res);
  std::vector<std::string> extra_recorded;
  for (const auto& [k, v] : res.variables) extra_recorded.push_back(k);
  if (prog.meta.contains("record_env") && prog.meta["record_env"].is_array())
    for (const auto& n : prog.meta["record_env"])
      if (n.is_string()) extra_recorded.push_back(n.get<std::string>());

  result::ResultParts parts;
  parts.tags = o.tags;
  parts.program = prog;
  parts.program_ref = result::entry_ref(prog);
  if (data) parts.dataset_ref = result::entry_ref(*data);
  if (model) parts.model_ref = result::entry_ref(*model);
  parts.env = envs;
  parts.machine = env::describe_machine();
  exec::RaplReader rapl;
  parts.energy_unavailable = rapl.available() ? "" : rapl.unavailable_reason();
  if (!rapl.available()) ctx.info("energy_j not measured: " + rapl.unavailable_reason());
  const nlohmann::json recorded_env = result::recorded_environment(child_env, extra_recorded);

  exec::SubprocessRunner runner;
  exec::InterruptGuard guard;
  Progress progress(ctx, points.size(), o.warmup + o.repeat);
  nlohmann::json written = nlohmann::json::array();
  std::vector<std::vector<std::string>> rows;
  size_t failed = 0;
  for (size_t i = 0; i < points.size(); ++i) {
    if (exec::interrupted())
      throw Error(ExitCode::interrupted, "run", "interrupted before point " + std::to_string(i + 1));
    const program::ChoiceValues& choices = points[i];
    util::Variables vars = res.variables;
    for (const auto& [k, v] : choices) vars[k] = program::choice_text(v);
    vars["SRC"] = prog.path.string();
    vars["DATASET"] = data ? data->path.string() : "";
    vars["MODEL"] = model ? model->path.string() : "";

    program::BuildKeyInputs key_inputs{envs, res.variables};
    program::BuildRequest breq{home.cache_dir() / "build", vars, child_env, where};
    program::BuildOutcome built = program::ensure_built(spec, program::build_key(prog, spec, choices, key_inputs),
                                                        breq, runner);
    program::PointOutcome point;
    if (!built.ok) {
      point.status = "failed";
      point.reason = built.reason;
      point.started_at = point.finished_at = program::utc_now();
      ctx.warn(where + ": " + built.reason + "\n" + built.log_tail + "\n(build log: " + built.log.string() + ")");
    } else {
      program::PointSettings ps;
      ps.plan.warmup = o.warmup;
      ps.plan.repeat = o.repeat;
      ps.plan.min_time_s = o.min_time;
      if (o.timeout > 0) ps.timeout_s = o.timeout;
      ps.memory_limit_bytes = memory_limit;
      ps.scratch_root = home.cache_dir() / "scratch";
      ps.env = child_env;
      ps.variables = vars;
      ps.variables["OUT"] = built.out_dir.string();
      ps.where = where;
      ps.rapl = &rapl;
      ps.progress = [&](size_t index, bool warmup) { progress.update(i, index, warmup, o.warmup, o.repeat); };
      point = program::run_point(spec, ps, runner);
    }
    progress.clear();
    if (point.interrupted || exec::interrupted())
      throw Error(ExitCode::interrupted, "run", "interrupted at point " + std::to_string(i + 1),
                  "no result was written for the interrupted point");
    point.command = result::redact_secrets(point.command, child_env);

    parts.uid = util::new_uid();
    parts.alias = prog.alias.substr(0, 100) + "-" + parts.uid;
    parts.choices = choices;
    std::vector<std::string> build_commands;
    for (const auto& c : built.commands) build_commands.push_back(result::redact_secrets(c, child_env));
    parts.build = {{"key", built.key}, {"cached", built.cached}, {"commands", build_commands},
                   {"log", built.log.string()}};
    parts.run_extra = {{"environment", recorded_env},
                       {"timeout_s", o.timeout > 0 ? nlohmann::json(o.timeout) : nlohmann::json()},
                       {"memory_limit_bytes", memory_limit ? nlohmann::json(*memory_limit) : nlohmann::json()},
                       {"min_time_s", o.min_time}};
    nlohmann::json meta = result::make_result(parts, spec, point);
    store::require_valid_meta(meta, "result", where + ": result");
    store::Entry e = results.create("result", parts.alias, meta);
    written.push_back(meta);

    const std::string status = point.status;
    if (status != "ok") ++failed;
    std::string line = fmt::format("point {}/{} ({}): {}", i + 1, points.size(), choices_text(choices), status);
    if (!point.reason.empty()) line += ": " + point.reason;
    ctx.info(line + " -> " + e.cid());
    std::string first_declared = spec.metrics.empty() ? "" : spec.metrics.front().name;
    rows.push_back({std::to_string(i + 1), choices_text(choices), status, headline(meta["metrics"].value(program::k_wall_time, nlohmann::json())),
                    first_declared.empty() ? "" : headline(meta["metrics"].value(first_declared, nlohmann::json())),
                    e.alias});
    if (o.fail_fast && status != "ok") break;
  }

  if (ctx.global.json) {
    ctx.print_json({{"results", written}});
  } else {
    std::string metric = spec.metrics.empty() ? "" : spec.metrics.front().name + " median [ci95]";
    ctx.out(format_table({"POINT", "CHOICES", "STATUS", "wall_time_s median [ci95]", metric, "RESULT"}, rows));
  }
  if (failed > 0)
    throw Error(ExitCode::failed, "run", fmt::format("{} of {} points did not succeed", failed, written.size()),
                "see each result's 'reason'");
}

}  // namespace

void register_run(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* c = app.add_subcommand("run", "build and run a program; write one result entry per design point");
  c->add_option("program", o->program, "the program's CID ([repo:]program:name)")->required();
  c->add_option("--dataset", o->dataset, "dataset entry CID ($DATASET in templates)");
  c->add_option("--model", o->model, "model entry CID ($MODEL in templates)");
  c->add_option("--set", o->sets, "set a choice: key=value");
  c->add_option("--vary", o->varies, "sweep a choice: key=v1,v2,... (several form the cartesian product)");
  c->add_option("--repeat", o->repeat, "measured repetitions, at least (default 10)")->check(CLI::NonNegativeNumber);
  c->add_option("--warmup", o->warmup, "unmeasured runs first (default 1)")->check(CLI::NonNegativeNumber);
  c->add_option("--min-time", o->min_time, "keep repeating until this many measured seconds (default 0)")
      ->check(CLI::NonNegativeNumber);
  c->add_option("--timeout", o->timeout, "seconds per run; the process group is killed after it")
      ->check(CLI::PositiveNumber);
  c->add_option("--memory-limit", o->memory_limit, "address-space limit per run, e.g. 512M");
  c->add_option("--results", o->results, "repository to write results to (default: local)");
  c->add_option("--tag", o->tags, "tag the results (repeatable)");
  c->add_flag("--fail-fast", o->fail_fast, "stop the sweep at the first point that fails");
  c->add_option("--executor", o->executor, "where to run: local (default)");
  c->callback([&ctx, o] { run_run(ctx, *o); });
}

}  // namespace request::cli
