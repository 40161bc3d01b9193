#include "modules/program/point_run.hpp"

#include <chrono>
#include <ctime>
#include <variant>

#include <fmt/format.h>

#include "lib/exec/interrupt.hpp"
#include "lib/util/atomic_file.hpp"
#include "modules/program/metric_parse.hpp"
#include "modules/program/output_check.hpp"

namespace fs = std::filesystem;

namespace request::program {

namespace {

// Last non-empty line of a child's stderr, for the failure reason.
std::string last_line(const std::string& text) {
  size_t e = text.find_last_not_of("\r\n \t");
  if (e == std::string::npos) return {};
  size_t b = text.rfind('\n', e);
  std::string line = text.substr(b == std::string::npos ? 0 : b + 1, e + 1 - (b == std::string::npos ? 0 : b + 1));
  if (line.size() > 200) line = line.substr(0, 200) + "...";
  return line;
}

bool needs_stdout(const ProgramSpec& spec) {
  for (const auto& m : spec.metrics)
    if (!m.from_json) return true;
  return false;
}

// One run in its own scratch folder; returns the measured seconds or nullopt to stop.
class PointLoop {
public:
  PointLoop(const ProgramSpec& spec, const PointSettings& s, exec::CommandRunner& runner, PointOutcome& o)
      : m_spec(spec), m_s(s), m_runner(runner), m_o(o), m_stdout(needs_stdout(spec)) {}

  std::optional<double> operator()(size_t index, bool warmup) {
    if (exec::interrupted()) {  // a signal between two runs: start nothing more
      m_o.interrupted = true;
      return std::nullopt;
    }
    if (m_s.progress) m_s.progress(index, warmup);
    const fs::path scratch = util::make_temp_dir(m_s.scratch_root);
    std::optional<double> seconds = run_in(scratch, index, warmup);
    std::error_code ec;
    fs::remove_all(scratch, ec);
    return seconds;
  }

private:
  std::optional<double> run_in(const fs::path& scratch, size_t index, bool warmup) {
    util::Variables vars = m_s.variables;
    vars["SCRATCH"] = scratch.string();
    const std::string where = m_s.where + ": run";
    exec::ProcessSpec ps;
    ps.argv = util::split_command(util::expand_variables(m_spec.run, vars, where), where);
    if (m_o.command.empty()) m_o.command = util::shell_join(ps.argv);
    ps.env = m_s.env;
    ps.cwd = scratch;
    ps.out.mode = m_stdout ? exec::OutputMode::capture : exec::OutputMode::discard;
    ps.err.mode = exec::OutputMode::capture;
    ps.err.capture_limit = 64 * 1024;
    if (m_s.timeout_s) ps.timeout = std::chrono::duration<double>(*m_s.timeout_s);
    ps.memory_limit_bytes = m_s.memory_limit_bytes;

    std::optional<exec::RaplSnapshot> before;
    if (m_s.rapl != nullptr && m_s.rapl->available()) before = m_s.rapl->read();
    exec::ProcessResult r = m_runner.run(ps);
    std::optional<exec::RaplSnapshot> after;
    if (before) after = m_s.rapl->read();

    m_o.exit_code = r.exit_code;
    m_o.term_signal = r.term_signal;
    const std::string label = warmup ? fmt::format("warmup {}", index + 1) : fmt::format("repetition {}", index + 1);
    if (r.interrupted) {
      m_o.interrupted = true;
      return std::nullopt;
    }
    if (!r.ok()) {
      m_o.status = r.timed_out ? "timeout" : "failed";
      m_o.reason = label + ": " + r.describe();
      if (r.timed_out && m_s.timeout_s) m_o.reason += fmt::format(" after {}s", *m_s.timeout_s);
      if (!r.spawn_error.empty()) m_o.reason = label + ": " + r.spawn_error;
      std::string err = last_line(r.err);
      if (!err.empty()) m_o.reason += " (stderr: " + err + ")";
      return std::nullopt;
    }
    std::map<std::string, double> values;
    for (const auto& m : m_spec.metrics) {
      MetricValue v = parse_metric(m, scratch, r.out);
      if (std::holds_alternative<std::string>(v)) return fail(label + ": " + std::get<std::string>(v));
      values[m.name] = std::get<double>(v);
    }
    if (m_spec.check) {
      std::string why = check_output(*m_spec.check, scratch, vars, m_s.where);
      if (!why.empty()) return fail(label + ": " + why);
    }
    if (!warmup) {
      m_o.samples[k_wall_time].push_back(r.wall_s);
      m_o.samples[k_user_time].push_back(r.user_s);
      m_o.samples[k_sys_time].push_back(r.sys_s);
      m_o.samples[k_max_rss].push_back(static_cast<double>(r.max_rss_bytes));
      if (before && after) m_o.samples[k_energy].push_back(m_s.rapl->joules(*before, *after));
      for (const auto& [k, v] : values) m_o.samples[k].push_back(v);
    }
    return r.wall_s;
  }

  std::optional<double> fail(std::string reason) {
    m_o.status = "failed";
    m_o.reason = std::move(reason);
    return std::nullopt;
  }

  const ProgramSpec& m_spec;
  const PointSettings& m_s;
  exec::CommandRunner& m_runner;
  PointOutcome& m_o;
  bool m_stdout;
};

}  // namespace

std::string utc_now() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  return fmt::format("{}.{:03}Z", buf, ms);
}

PointOutcome run_point(const ProgramSpec& spec, const PointSettings& settings, exec::CommandRunner& runner) {
  PointOutcome o;
  fs::create_directories(settings.scratch_root);
  o.started_at = utc_now();
  PointLoop loop(spec, settings, runner, o);
  stats::LoopOutcome lo = stats::run_repetitions(settings.plan, std::ref(loop));
  o.finished_at = utc_now();
  o.warmups = lo.warmups;
  o.repetitions = lo.repetitions;
  if (o.status == "ok" && !o.interrupted && o.repetitions == 0 && settings.plan.repeat + settings.plan.min_time_s > 0) {
    o.status = "failed";
    o.reason = "no repetition was measured";
  }
  return o;
}

}  // namespace request::program
