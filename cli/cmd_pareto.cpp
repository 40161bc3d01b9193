// request pareto | import
//
// pareto: result entries (or CSV/JSONL files) -> a table of cells -> rows
// filtered by --where -> points per group -> frontier, ranks, hypervolume
// (lib/pareto) -> text, CSV, JSON, Markdown, SVG (lib/report).
// import: CSV/JSONL rows -> one `result` entry each, source recorded.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <unordered_map>

#include "cli/commands.hpp"
#include "lib/pareto/frontier.hpp"
#include "lib/pareto/hypervolume.hpp"
#include "lib/pareto/ranks.hpp"
#include "lib/pareto/uncertain.hpp"
#include "lib/report/svg_plot.hpp"
#include "lib/report/writers.hpp"
#include "lib/store/query.hpp"
#include "lib/table/filter.hpp"
#include "lib/table/table.hpp"
#include "lib/util/atomic_file.hpp"
#include "lib/util/error.hpp"
#include "lib/util/file_lock.hpp"
#include "lib/util/json_io.hpp"
#include "lib/util/safe_name.hpp"
#include "lib/util/strings.hpp"

namespace request::cli {

namespace {

using Json = nlohmann::json;

struct ParetoOptions {
  std::string query;  // CID or name pattern of result entries
  std::string repo;
  std::string tags;
  std::vector<std::string> objectives;
  std::vector<std::string> where;
  std::vector<std::string> inputs;
  std::string id_column;
  std::string stat = "median";
  bool ranks = false;
  std::string hypervolume;
  std::string format;
  std::string plot;
  bool log_x = false;
  bool log_y = false;
  std::string group_by;
  bool uncertainty = false;
  bool frontier_only = false;
};

struct ImportOptions {
  std::string file;
  std::string repo;
  std::string id_column;
  std::vector<std::string> maps;
  std::vector<std::string> units;
  std::string tags;
  bool update = false;
};

// Hidden column of the entry table with the result's status (only "ok" is ranked).
constexpr const char* k_status_column = "\x01status";

// Hidden columns of the entry table carrying an objective's 95% interval.
std::string ci_column(const std::string& name, bool high) { return std::string(high ? "\x01hi:" : "\x01lo:") + name; }

// ---- input: result entries --------------------------------------------------

struct EntrySource {
  table::Table table{"result entries"};
  std::vector<std::string> units;       // per objective, from metrics.NAME.unit
  std::vector<std::string> directions;  // per objective, recorded direction or empty
};

std::string json_cell(const Json* v) {
  if (!v || v->is_null()) return {};
  if (v->is_string()) return v->get<std::string>();
  return v->dump();
}

EntrySource load_entries(Context& ctx, const ParetoOptions& o, const std::vector<pareto::Objective>& objs,
                         const std::vector<table::Condition>& conditions) {
  store::Query q;
  q.module = "result";
  if (!o.query.empty()) {
    if (o.query.find(':') != std::string::npos) {
      store::Cid cid = store::parse_cid(o.query);
      if (cid.module != "result" && !util::has_wildcards(cid.module))
        throw Error(ExitCode::usage, "'" + o.query + "'", "pareto ranks result entries, not '" + cid.module + "'");
      q.repo = cid.repo;
      q.name = cid.name;
    } else {
      q.name = o.query;
    }
  }
  if (!o.repo.empty()) {
    ctx.home().require_repo(o.repo);
    q.repo = o.repo;
  }
  store::parse_tag_filter(o.tags, q);
  store::FindResult found = store::find_entries(ctx.home(), q);
  for (const auto& w : found.warnings) ctx.warn("skipped: " + w);
  if (found.entries.empty())
    throw Error(ExitCode::not_found, "pareto", "no result entries match",
                "run benchmarks with 'request run', import results with 'request import', or pass --input FILE");

  EntrySource src;
  table::Table& t = src.table;
  t.add_column("id");
  std::vector<std::string> names;  // objective and --where / --group-by names, once each
  auto want = [&](const std::string& n) {
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  };
  for (const auto& ob : objs) want(ob.name);
  for (const auto& c : conditions) want(c.column);
  if (!o.group_by.empty()) want(o.group_by);
  for (const auto& n : names) t.add_column(n);
  for (const auto& ob : objs) {
    t.add_column(ci_column(ob.name, false));
    t.add_column(ci_column(ob.name, true));
  }
  t.add_column(k_status_column);
  src.units.assign(objs.size(), {});
  src.directions.assign(objs.size(), {});
  size_t row = 0;
  for (const auto& e : found.entries) {
    Json meta = util::load_document(e.meta_path);
    const Json* metrics = util::get_dotted(meta, "metrics");
    t.begin_row(++row);
    t.append_cell(e.cid());
    // A name is a metric (its --stat) when the entry has it, else a dotted meta key.
    for (const auto& n : names) {
      const Json* m = metrics && metrics->is_object() && metrics->contains(n) ? &(*metrics)[n] : nullptr;
      if (m && m->is_object()) t.append_cell(json_cell(m->contains(o.stat) ? &(*m)[o.stat] : nullptr));
      else t.append_cell(json_cell(util::get_dotted(meta, n)));
    }
    for (size_t k = 0; k < objs.size(); ++k) {
      const Json* m =
          metrics && metrics->is_object() && metrics->contains(objs[k].name) ? &(*metrics)[objs[k].name] : nullptr;
      const Json* ci = m && m->is_object() && m->contains("ci95") ? &(*m)["ci95"] : nullptr;
      bool have_ci = ci && ci->is_array() && ci->size() == 2 && (*ci)[0].is_number() && (*ci)[1].is_number();
      t.append_cell(have_ci ? (*ci)[0].dump() : "");
      t.append_cell(have_ci ? (*ci)[1].dump() : "");
      if (m && m->is_object()) {
        if (src.units[k].empty() && m->contains("unit") && (*m)["unit"].is_string()) src.units[k] = (*m)["unit"];
        if (m->contains("direction") && (*m)["direction"].is_string()) {
          std::string dir = (*m)["direction"];
          if (src.directions[k].empty()) src.directions[k] = dir;
          else if (src.directions[k] != dir)
            ctx.warn("metric '" + objs[k].name + "' is recorded as '" + src.directions[k] + "' and as '" + dir +
                     "'; using '" + src.directions[k] + "'");
        }
      }
    }
    t.append_cell(json_cell(util::get_dotted(meta, "status")));
  }
  return src;
}

// ---- the analysis -----------------------------------------------------------

struct Analysis {
  std::vector<table::Table> tables;  // own the id and group texts the report views
  report::ParetoReport report;
  std::vector<pareto::IntervalSet> intervals;  // per group, with --uncertainty
};

std::vector<double> parse_reference(const std::string& text, size_t dims) {
  std::vector<double> ref;
  for (const auto& part : util::split(text, ',', false)) {
    auto v = table::parse_number(part);
    if (!v || std::isnan(*v) || part.empty())
      throw Error(ExitCode::usage, "--hypervolume '" + text + "'", "'" + part + "' is not a number",
                  "give one reference value per objective, e.g. --hypervolume 10,0");
    ref.push_back(*v);
  }
  if (ref.size() != dims)
    throw Error(ExitCode::usage, "--hypervolume '" + text + "'",
                "reference point has " + std::to_string(ref.size()) + " values for " + std::to_string(dims) +
                    " objectives",
                "give one value per objective, in --objective order");
  return ref;
}

// Rows of one table into the report's groups.
void add_rows(Analysis& a, const table::Table& t, const ParetoOptions& o, const std::vector<pareto::Objective>& objs,
              const std::vector<table::Condition>& conditions, std::unordered_map<std::string_view, size_t>& group_index,
              bool with_ci) {
  const size_t d = objs.size();
  size_t id_col = o.id_column.empty() ? 0 : t.require_column(o.id_column);
  std::vector<size_t> cols;
  for (const auto& ob : objs) cols.push_back(t.require_column(ob.name));
  std::optional<size_t> group_col;
  if (!o.group_by.empty()) group_col = t.require_column(o.group_by);
  std::vector<size_t> ci_lo, ci_hi;
  if (with_ci)
    for (const auto& ob : objs) ci_lo.push_back(*t.find_column(ci_column(ob.name, false))),
        ci_hi.push_back(*t.find_column(ci_column(ob.name, true)));
  std::optional<size_t> status_col = t.find_column(k_status_column);
  std::vector<size_t> rows = table::filter_rows(t, conditions);
  std::vector<double> v(d);
  for (size_t r : rows) {
    std::string_view id = t.cell(r, id_col);
    std::string reason;
    for (size_t k = 0; k < d; ++k) {
      std::string_view text = t.cell(r, cols[k]);
      v[k] = t.number(r, cols[k]);
      if (std::isnan(v[k]) && reason.empty())
        reason = text.find_first_not_of(" \t") == std::string_view::npos ? "missing value for '" + objs[k].name + "'"
                                                                          : "'" + objs[k].name + "' is NaN";
    }
    if (status_col) {
      std::string_view status = t.cell(r, *status_col);
      if (!status.empty() && status != "ok") reason = "status is '" + std::string(status) + "'";
    }
    std::string_view gname = group_col ? t.cell(r, *group_col) : std::string_view();
    auto [it, added] = group_index.emplace(gname, a.report.groups.size());
    if (added) {
      a.report.groups.emplace_back();
      a.report.groups.back().name = std::string(gname);
      a.intervals.emplace_back();
      a.intervals.back().lo.dim = a.intervals.back().hi.dim = d;
      if (!group_col) {
        a.report.groups.back().ids.reserve(rows.size());
        a.report.groups.back().values.reserve(rows.size() * d);
      }
    }
    report::ParetoGroup& g = a.report.groups[it->second];
    if (!reason.empty()) {
      g.excluded.push_back({std::string(id), reason});
      continue;
    }
    g.ids.push_back(id);
    g.values.insert(g.values.end(), v.begin(), v.end());
    if (with_ci) {
      pareto::IntervalSet& iv = a.intervals[it->second];
      for (size_t k = 0; k < d; ++k) {
        double lo = t.number(r, ci_lo[k]), hi = t.number(r, ci_hi[k]);
        if (std::isnan(lo) || std::isnan(hi)) lo = hi = v[k];
        lo = std::min(lo, v[k]), hi = std::max(hi, v[k]);
        // Minimisation orientation: a maximised objective's interval flips.
        bool mx = objs[k].direction == pareto::Direction::max;
        iv.lo.values.push_back(mx ? -hi : lo);
        iv.hi.values.push_back(mx ? -lo : hi);
      }
    }
  }
}

void compute(Analysis& a, const ParetoOptions& o, const std::vector<pareto::Objective>& objs) {
  const size_t d = objs.size();
  std::optional<std::vector<double>> ref;
  if (!o.hypervolume.empty()) ref = parse_reference(o.hypervolume, d);
  for (size_t gi = 0; gi < a.report.groups.size(); ++gi) {
    report::ParetoGroup& g = a.report.groups[gi];
    pareto::PointSet pts(d, g.values);
    for (size_t i = 0; i < g.size(); ++i)
      for (size_t k = 0; k < d; ++k)
        if (objs[k].direction == pareto::Direction::max) pts[i][k] = -pts[i][k];
    if (o.uncertainty) {
      g.ranks = pareto::ranks_uncertain(a.intervals[gi]);
      if (!o.ranks)
        for (auto& r : g.ranks) r = r == 1 ? 1 : 0;
      g.frontier.resize(g.size());
      for (size_t i = 0; i < g.size(); ++i) g.frontier[i] = g.ranks[i] == 1;
    } else if (o.ranks) {
      g.ranks = pareto::nondominated_ranks(pts);
      g.frontier.resize(g.size());
      for (size_t i = 0; i < g.size(); ++i) g.frontier[i] = g.ranks[i] == 1;
    } else {
      g.frontier = pareto::nondominated(pts);
      g.ranks.resize(g.size());
      for (size_t i = 0; i < g.size(); ++i) g.ranks[i] = g.frontier[i] ? 1 : 0;
    }
    if (ref) {
      std::vector<double> r = *ref;
      for (size_t k = 0; k < d; ++k)
        if (objs[k].direction == pareto::Direction::max) r[k] = -r[k];
      g.hypervolume = pareto::hypervolume(pts, r);
    }
  }
}

void run_pareto(Context& ctx, const ParetoOptions& o) {
  if (o.objectives.empty())
    throw Error(ExitCode::usage, "pareto", "at least one --objective is required",
                "e.g. --objective latency_ms:min --objective accuracy:max");
  const std::vector<std::string> formats = {"table", "csv", "json", "md"};
  if (!o.format.empty() && std::find(formats.begin(), formats.end(), o.format) == formats.end())
    throw Error(ExitCode::usage, "--format '" + o.format + "'", "unknown format", "one of table, csv, json, md");
  const std::vector<std::string> stats = {"min", "median", "mean", "max"};
  if (std::find(stats.begin(), stats.end(), o.stat) == stats.end())
    throw Error(ExitCode::usage, "--stat '" + o.stat + "'", "unknown statistic", "one of min, median, mean, max");
  std::vector<pareto::Objective> objs;
  for (const auto& text : o.objectives) {
    objs.push_back(pareto::parse_objective(text));
    for (size_t k = 0; k + 1 < objs.size(); ++k)
      if (objs[k].name == objs.back().name)
        throw Error(ExitCode::usage, "--objective '" + text + "'", "objective given twice");
  }
  if (!o.plot.empty() && objs.size() != 2)
    throw Error(ExitCode::usage, "--plot", "a plot needs exactly two objectives, got " + std::to_string(objs.size()));
  std::vector<table::Condition> conditions;
  for (const auto& w : o.where) conditions.push_back(table::parse_condition(w));
  const bool from_entries = o.inputs.empty();
  if (!from_entries && (!o.query.empty() || !o.tags.empty() || !o.repo.empty()))
    throw Error(ExitCode::usage, "pareto", "--input reads files; QUERY, --tags and --repo select result entries",
                "use one or the other");
  if (!from_entries && o.uncertainty)
    throw Error(ExitCode::usage, "--uncertainty", "needs result entries (their metrics record ci95)");
  if (from_entries && !o.id_column.empty())
    throw Error(ExitCode::usage, "--id", "names a column of an --input file; result entries are named by their CID");

  Analysis a;
  std::vector<std::string> units(objs.size());
  std::unordered_map<std::string_view, size_t> group_index;
  if (from_entries) {
    EntrySource src = load_entries(ctx, o, objs, conditions);
    for (size_t k = 0; k < objs.size(); ++k) {
      if (!objs[k].direction_given) {
        if (src.directions[k].empty())
          throw Error(ExitCode::usage, "--objective '" + objs[k].name + "'", "no direction recorded for this metric",
                      "write " + objs[k].name + ":min or " + objs[k].name + ":max");
        objs[k].direction = src.directions[k] == "max" ? pareto::Direction::max : pareto::Direction::min;
      }
      units[k] = src.units[k];
    }
    a.tables.push_back(std::move(src.table));
  } else {
    for (const auto& ob : objs)
      if (!ob.direction_given)
        throw Error(ExitCode::usage, "--objective '" + ob.name + "'", "files record no direction",
                    "write " + ob.name + ":min or " + ob.name + ":max");
    a.tables.reserve(o.inputs.size());
    for (const auto& file : o.inputs) a.tables.push_back(table::read_table(file));
  }
  for (const auto& t : a.tables) add_rows(a, t, o, objs, conditions, group_index, o.uncertainty);
  if (a.report.groups.empty()) {
    a.report.groups.emplace_back();
    a.intervals.emplace_back();
  }
  for (size_t k = 0; k < objs.size(); ++k)
    a.report.objectives.push_back({objs[k].name, pareto::direction_name(objs[k].direction), units[k]});
  a.report.group_by = o.group_by;
  a.report.ranks = o.ranks;
  a.report.frontier_only = o.frontier_only;
  a.report.uncertainty = o.uncertainty;
  compute(a, o, objs);

  if (!o.plot.empty()) {
    size_t skipped = 0;
    report::PlotOptions po;
    po.log_x = o.log_x;
    po.log_y = o.log_y;
    po.title = "Pareto frontier: " + objs[0].name + " vs " + objs[1].name;
    std::string svg = report::scatter_svg(a.report, po, skipped);
    util::write_file_atomic(o.plot, svg);
    if (skipped) ctx.warn(std::to_string(skipped) + " point(s) not drawn (not positive on a log axis, or infinite)");
    ctx.info("plot written to " + o.plot);
  }
  std::string format = ctx.global.json ? "json" : o.format;
  if (format.empty()) format = ctx.stdout_is_tty() ? "table" : "csv";
  std::string text;
  if (format == "json") text = report::write_json(a.report);
  else if (format == "csv") text = report::write_csv(a.report);
  else if (format == "md") text = report::write_markdown(a.report);
  else text = report::write_text(a.report, ctx.color());
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (format == "csv" || format == "json") {
    size_t excluded = 0;
    for (const auto& g : a.report.groups) {
      excluded += g.excluded.size();
      if (format == "csv")
        for (const auto& e : g.excluded) ctx.info("excluded: " + e.id + ": " + e.reason);
    }
    size_t n = 0, f = 0;
    for (const auto& g : a.report.groups) n += g.size(), f += g.frontier_size();
    ctx.info(std::to_string(n) + " points, " + std::to_string(f) + " on the frontier, " + std::to_string(excluded) +
             " excluded");
  }
}

// ---- import -----------------------------------------------------------------

struct MetricMap {
  std::string column;
  std::string metric;
  std::string direction = "min";
  std::string unit;
};

MetricMap parse_map(const std::string& text) {
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
    throw Error(ExitCode::usage, "--map '" + text + "'", "expected column=metric[:min|max]",
                "e.g. --map latency_ms=latency_ms:min");
  MetricMap m;
  m.column = text.substr(0, eq);
  pareto::Objective ob = pareto::parse_objective(text.substr(eq + 1));
  m.metric = ob.name;
  m.direction = pareto::direction_name(ob.direction);
  util::require_safe_name(m.metric, "metric name");
  return m;
}

// Lowercase, [a-z0-9._-] only, starting with [a-z0-9]; "row-N" when nothing is left.
std::string alias_from_id(std::string_view id, size_t row) {
  std::string a;
  for (char c : id) {
    char l = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    bool ok = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '.' || l == '_' || l == '-';
    if (!ok) l = '-';
    if (l == '-' && (a.empty() || a.back() == '-')) continue;
    a += l;
  }
  while (!a.empty() && !((a[0] >= 'a' && a[0] <= 'z') || (a[0] >= '0' && a[0] <= '9'))) a.erase(0, 1);
  if (a.size() > 112) a.resize(112);
  while (!a.empty() && (a.back() == '-' || a.back() == '.')) a.pop_back();
  if (a.empty() || a == "." || a == "..") a = "row-" + std::to_string(row);
  return a;
}

Json cell_value(std::string_view text) {
  auto v = table::parse_number(text);
  if (v && std::isfinite(*v) && !text.empty()) return *v;
  return std::string(text);
}

void run_import(Context& ctx, const ImportOptions& o) {
  if (o.maps.empty())
    throw Error(ExitCode::usage, "import", "at least one --map column=metric[:min|max] is required",
                "e.g. --map latency_ms=latency_ms:min --map accuracy=top1:max");
  std::vector<MetricMap> maps;
  for (const auto& m : o.maps) maps.push_back(parse_map(m));
  for (const auto& u : o.units) {
    auto eq = u.find('=');
    if (eq == std::string::npos || eq == 0)
      throw Error(ExitCode::usage, "--unit '" + u + "'", "expected metric=UNIT", "e.g. --unit latency_ms=ms");
    bool found = false;
    for (auto& m : maps)
      if (m.metric == u.substr(0, eq)) m.unit = u.substr(eq + 1), found = true;
    if (!found) throw Error(ExitCode::usage, "--unit '" + u + "'", "no --map defines metric '" + u.substr(0, eq) + "'");
  }
  table::Table t = table::read_table(o.file);
  const bool jsonl = o.file.size() > 6 && (o.file.ends_with(".jsonl") || o.file.ends_with(".ndjson"));
  size_t id_col = o.id_column.empty() ? 0 : t.require_column(o.id_column);
  std::vector<size_t> cols;
  for (const auto& m : maps) cols.push_back(t.require_column(m.column));
  std::vector<std::string> tags = {"imported"};
  for (const auto& tag : util::split(o.tags, ','))
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
  const std::string source_name = std::filesystem::path(o.file).filename().string();

  store::Repository repo = ctx.home().open_repo(o.repo.empty() ? store::k_local_repo : o.repo);
  util::FileLock lock(repo.root());
  // Entries an earlier import of a file of this name created, by source row.
  std::map<int64_t, std::string> previous;
  for (const auto& alias : repo.aliases("result")) {
    store::Entry e = repo.load("result", alias);
    const Json* f = util::get_dotted(e.meta, "source.file");
    const Json* r = util::get_dotted(e.meta, "source.row");
    if (f && f->is_string() && r && r->is_number_integer() &&
        std::filesystem::path(f->get<std::string>()).filename().string() == source_name)
      previous[r->get<int64_t>()] = alias;
  }
  if (!previous.empty() && !o.update)
    throw Error(ExitCode::failed, o.file,
                "already imported into '" + repo.name() + "' (" + std::to_string(previous.size()) + " entries from '" +
                    source_name + "')",
                "add --update to replace them, or remove them with 'request rm'");

  // Build and validate every entry before writing any.
  std::vector<std::pair<std::string, Json>> todo;  // alias, meta
  std::unordered_map<std::string, size_t> taken;
  for (size_t r = 0; r < t.row_count(); ++r) {
    const int64_t row = static_cast<int64_t>(r + 1);
    std::string id(t.cell(r, id_col));
    if (id.empty()) throw Error(ExitCode::invalid_data, t.where(r), "empty id in column '" + t.columns()[id_col] + "'");
    Json metrics = Json::object();
    for (size_t k = 0; k < maps.size(); ++k) {
      double v = t.number(r, cols[k]);
      if (std::isnan(v)) continue;  // not measured: absent, never 0
      Json m = {{"direction", maps[k].direction}, {"samples", {v}}, {"min", v}, {"max", v}, {"mean", v}, {"median", v}};
      if (!maps[k].unit.empty()) m["unit"] = maps[k].unit;
      metrics[maps[k].metric] = m;
    }
    Json attributes = Json::object();
    for (size_t c = 0; c < t.column_count(); ++c) {
      if (c == id_col || std::find(cols.begin(), cols.end(), c) != cols.end()) continue;
      std::string_view cell = t.cell(r, c);
      if (!cell.empty()) attributes[t.columns()[c]] = cell_value(cell);
    }
    Json meta = {{"schema", "request.result/1"},
                 {"status", "ok"},
                 {"tags", tags},
                 {"name", id},
                 {"metrics", metrics},
                 {"attributes", attributes},
                 {"source", {{"file", o.file}, {"row", row}, {"format", jsonl ? "jsonl" : "csv"}}},
                 {"request_version", REQUEST_VERSION}};
    std::string alias;
    if (auto p = previous.find(row); p != previous.end()) {
      alias = p->second;
    } else {
      std::string base = alias_from_id(id, r + 1);
      alias = base;
      for (size_t n = 2; taken.count(alias) || repo.has_entry("result", alias); ++n) alias = base + "-" + std::to_string(n);
    }
    taken[alias] = r;
    meta["alias"] = alias;
    meta["uid"] = util::new_uid();
    store::require_valid_meta(meta, "result", t.where(r));
    todo.emplace_back(alias, std::move(meta));
  }
  Json created = Json::array(), updated = Json::array();
  for (auto& [alias, meta] : todo) {
    if (repo.has_entry("result", alias) && previous.count(meta["source"]["row"].get<int64_t>())) {
      store::Entry e = repo.load("result", alias);
      meta["uid"] = e.uid;
      repo.write_meta(e, meta);
      updated.push_back(e.cid());
    } else {
      created.push_back(repo.create("result", alias, meta).cid());
    }
  }
  for (const auto& [row, alias] : previous)
    if (static_cast<size_t>(row) > t.row_count())
      ctx.warn("result:" + alias + " came from row " + std::to_string(row) + ", which the file no longer has; kept");
  if (ctx.global.json) {
    ctx.print_json({{"repo", repo.name()}, {"file", o.file}, {"created", created}, {"updated", updated}});
    return;
  }
  ctx.out("imported " + std::to_string(created.size()) + " result" + (created.size() == 1 ? "" : "s") +
          (updated.empty() ? "" : ", updated " + std::to_string(updated.size())) + " from " + o.file + " into " +
          repo.name());
}

}  // namespace

void register_pareto(CLI::App& app, Context& ctx) {
  auto p = std::make_shared<ParetoOptions>();
  CLI::App* c = app.add_subcommand("pareto", "the Pareto frontier of results or of CSV/JSONL files");
  c->add_option("query", p->query, "result entries: name pattern or CID ([repo:]result:name), like find");
  c->add_option("--repo", p->repo, "only result entries of this repository");
  c->add_option("--tags", p->tags, "a,b,-c: result entries with tags a and b, without c");
  c->add_option("--objective", p->objectives,
                "NAME[:min|max], repeatable; a metric of the results or a column of --input (exact header text)");
  c->add_option("--where", p->where, "'NAME OP VALUE' with >= <= > < == != (repeatable, all must hold)");
  c->add_option("--input", p->inputs, "read points from a CSV or JSONL file instead of result entries (repeatable)");
  c->add_option("--id", p->id_column, "identifier column of --input files (default: the first column)");
  c->add_option("--stat", p->stat, "statistic of result metrics: min, median (default), mean or max");
  c->add_flag("--ranks", p->ranks, "compute every non-dominated rank (front 1, 2, ...)");
  c->add_option("--hypervolume", p->hypervolume, "REF,...: hypervolume against this reference point (one value per objective)");
  c->add_option("--format", p->format, "table, csv, json or md (default: table on a terminal, else csv)");
  c->add_option("--plot", p->plot, "write an SVG scatter plot with the frontier (two objectives)");
  c->add_flag("--log-x", p->log_x, "logarithmic x axis in --plot");
  c->add_flag("--log-y", p->log_y, "logarithmic y axis in --plot");
  c->add_option("--group-by", p->group_by, "one frontier per value of this column or meta key");
  c->add_flag("--uncertainty", p->uncertainty,
              "dominate only beyond the 95% confidence intervals (metrics.NAME.ci95) of result entries");
  c->add_flag("--frontier-only", p->frontier_only, "list only frontier points");
  c->callback([&ctx, p] { run_pareto(ctx, *p); });

  auto im = std::make_shared<ImportOptions>();
  c = app.add_subcommand("import", "turn rows of a CSV or JSONL file into result entries");
  c->add_option("file", im->file, "FILE.csv or FILE.jsonl")->required()->check(CLI::ExistingFile);
  c->add_option("--repo", im->repo, "repository to write to (default: local)");
  c->add_option("--id", im->id_column, "identifier column (default: the first column); aliases derive from it");
  c->add_option("--map", im->maps, "column=metric[:min|max]: a column that becomes a metric (repeatable; default min)");
  c->add_option("--unit", im->units, "metric=UNIT: the unit of a mapped metric (repeatable)");
  c->add_option("--tags", im->tags, "extra tags for the new entries (they always get 'imported')");
  c->add_flag("--update", im->update, "replace the entries an earlier import of this file created");
  c->callback([&ctx, im] { run_import(ctx, *im); });
}

}  // namespace request::cli
