// request env detect | list | show | resolve | shell | machine
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/entry_view.hpp"
#include "lib/env/machine.hpp"
#include "lib/store/cid.hpp"
#include "lib/store/query.hpp"
#include "lib/util/error.hpp"
#include "lib/util/strings.hpp"
#include "modules/env/detect.hpp"
#include "modules/env/env_entry.hpp"
#include "modules/env/resolve.hpp"

extern char** environ;

namespace request::cli {

namespace {

struct DetectFlags {
  std::string tags;
  bool force = false;
  std::string repo = store::k_local_repo;
};

struct ListFlags {
  std::string tags;
};

struct ResolveFlags {
  std::vector<std::string> deps;
  bool no_detect = false;
  std::string repo = store::k_local_repo;
  std::vector<std::string> command;  // shell only
};

struct MachineFlags {
  bool record_hostname = false;
};

std::string meta_str(const store::Entry& e, const char* key) { return e.meta.value(key, ""); }

void run_detect(Context& ctx, const DetectFlags& f) {
  environments::DetectOptions o;
  o.tags = util::split(f.tags, ',');
  o.force = f.force;
  o.repo = f.repo;
  environments::DetectReport r = environments::detect(ctx.home(), o);
  for (const auto& w : r.warnings) ctx.warn("skipped: " + w);
  for (const auto& v : r.vanished)
    ctx.warn(v + ": its file vanished; it will not be used (remove it with 'request rm " + v + "')");
  size_t counts[3] = {0, 0, 0};
  for (const auto& i : r.items) ++counts[static_cast<int>(i.action)];
  if (ctx.global.json) {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& i : r.items) {
      nlohmann::json j = {{"cid", i.entry.cid()},           {"name", meta_str(i.entry, "name")},
                          {"version", meta_str(i.entry, "version")}, {"path", meta_str(i.entry, "path")},
                          {"tags", i.entry.tags},           {"action", environments::action_name(i.action)}};
      if (!i.replaced.empty()) j["replaced"] = i.replaced;
      entries.push_back(std::move(j));
    }
    nlohmann::json failures = nlohmann::json::array();
    for (const auto& fl : r.failures)
      failures.push_back({{"detector", fl.detector_id}, {"path", fl.path}, {"reason", fl.reason}});
    ctx.print_json({{"entries", entries}, {"failures", failures}, {"vanished", r.vanished}});
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& i : r.items)
    rows.push_back({i.entry.cid(), meta_str(i.entry, "version"), meta_str(i.entry, "path"),
                    environments::action_name(i.action)});
  if (!rows.empty()) ctx.out(format_table({"CID", "VERSION", "PATH", "ACTION"}, rows));
  for (const auto& fl : r.failures)
    if (ctx.global.verbose) ctx.info("not detected: " + fl.detector_id + " (" + fl.path + "): " + fl.reason);
  ctx.info(std::to_string(r.items.size()) + " environments (" + std::to_string(counts[0]) + " created, " +
           std::to_string(counts[1]) + " updated, " + std::to_string(counts[2]) + " unchanged) from " +
           std::to_string(r.detectors_run) + " detectors" +
           (r.failures.empty() || ctx.global.verbose
                ? std::string()
                : "; " + std::to_string(r.failures.size()) + " found files gave no version (-v shows why)"));
}

void run_list(Context& ctx, const ListFlags& f) {
  store::Query q;
  q.module = environments::k_env_module;
  store::parse_tag_filter(f.tags, q);
  store::FindResult found = store::find_entries(ctx.home(), q);
  for (const auto& w : found.warnings) ctx.warn("skipped: " + w);
  nlohmann::json entries = nlohmann::json::array();
  std::vector<std::vector<std::string>> rows;
  for (auto& e : found.entries) {
    try {
      e = store::load_entry(e.repo, e.module, e.path);
    } catch (const Error& err) {
      ctx.warn("skipped: " + err.line());
      continue;
    }
    environments::EnvStatus st = environments::env_status(e);
    const char* status = env::freshness_name(st.freshness);
    nlohmann::json j = entry_summary_json(e);
    j["name"] = meta_str(e, "name");
    j["version"] = meta_str(e, "version");
    j["version_parts"] = e.meta.value("version_parts", nlohmann::json::array());
    j["path"] = meta_str(e, "path");
    j["entry_path"] = e.path.string();
    j["env"] = e.meta.value("env", nlohmann::json::object());
    j["status"] = status;
    if (!st.detail.empty()) j["status_detail"] = st.detail;
    entries.push_back(std::move(j));
    rows.push_back({e.cid(), meta_str(e, "version"), meta_str(e, "path"), status});
  }
  if (ctx.global.json) {
    ctx.print_json({{"entries", entries}});
    return;
  }
  if (!rows.empty()) ctx.out(format_table({"CID", "VERSION", "PATH", "STATUS"}, rows));
  ctx.info(std::to_string(rows.size()) + (rows.size() == 1 ? " environment" : " environments"));
}

void run_show(Context& ctx, const std::string& text) {
  store::Cid cid;
  if (text.find(':') == std::string::npos) {
    cid.module = environments::k_env_module;
    cid.name = text;
  } else {
    cid = store::parse_cid(text);
    if (text.find(':') == text.rfind(':') && cid.module != environments::k_env_module) {
      // "repo:alias" is not a CID of ours; "env:alias" is.
      throw Error(ExitCode::usage, "env show '" + text + "'", "expected an env entry: [repo:]env:alias or an alias");
    }
  }
  if (cid.module != environments::k_env_module)
    throw Error(ExitCode::usage, "env show '" + text + "'", "'" + cid.module + "' entries are not environments",
                "use 'request show " + text + "'");
  store::Entry e = store::resolve_one(ctx.home(), cid);
  environments::EnvStatus st = environments::env_status(e);
  nlohmann::json d = entry_detail_json(e);
  d["status"] = env::freshness_name(st.freshness);
  if (!st.detail.empty()) d["status_detail"] = st.detail;
  if (ctx.global.json) {
    ctx.print_json(d);
    return;
  }
  ctx.out(entry_detail_text(d) + "status: " + d["status"].get<std::string>() +
          (st.detail.empty() ? "" : " (" + st.detail + ")"));
}

environments::Resolution resolve_flags(Context& ctx, const ResolveFlags& f) {
  std::vector<environments::DependencySpec> specs;
  for (const auto& d : f.deps) specs.push_back(environments::dependency_from_arg(d));
  environments::ResolveOptions o;
  o.detect = !f.no_detect;
  o.repo = f.repo;
  if (ctx.global.verbose) o.note = [&ctx](const std::string& text) { ctx.info(text); };
  return environments::resolve_dependencies(ctx.home(), specs, o);
}

void run_resolve(Context& ctx, const ResolveFlags& f) {
  environments::Resolution r = resolve_flags(ctx, f);
  if (ctx.global.json) {
    nlohmann::json j = r.to_json();
    j["env"] = r.env_list();
    ctx.print_json(j);
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& c : r.chosen) rows.push_back({c.spec.name, c.entry.cid(), c.version, c.path});
  if (!rows.empty()) ctx.out(format_table({"DEPENDENCY", "CID", "VERSION", "PATH"}, rows));
  for (const auto& [k, v] : r.variables) ctx.out(k + "=" + v);
  if (!r.path_dirs.empty()) ctx.out("PATH+=" + util::join(r.path_dirs, ":"));
  for (const auto& c : r.chosen)
    for (const auto& rej : c.others)
      if (ctx.global.verbose) ctx.info(c.spec.name + ": not " + rej.id + ": " + rej.reason);
  for (const auto& m : r.missing) ctx.warn("optional dependency '" + m.spec.name + "' not found");
}

// Look `name` up in the PATH of `envp`; names with a slash are used as they are.
std::string find_command(const std::string& name, const std::vector<std::string>& envp) {
  if (name.find('/') != std::string::npos) return name;
  for (const auto& kv : envp) {
    if (kv.rfind("PATH=", 0) != 0) continue;
    for (const auto& dir : util::split(kv.substr(5), ':')) {
      std::string file = dir + "/" + name;
      if (::access(file.c_str(), X_OK) == 0) return file;
    }
  }
  return {};
}

void run_shell(Context& ctx, const ResolveFlags& f) {
  if (f.command.empty())
    throw Error(ExitCode::usage, "env shell", "no command given", "e.g. request env shell --dep gcc -- make");
  environments::Resolution r = resolve_flags(ctx, f);
  std::vector<std::string> base;
  for (char** e = environ; e && *e; ++e) base.emplace_back(*e);
  std::vector<std::string> envp = r.apply_to(base);
  std::string file = find_command(f.command[0], envp);
  if (file.empty())
    throw Error(ExitCode::not_found, "env shell", "command '" + f.command[0] + "' not found in PATH",
                "give its full path");
  for (const auto& c : r.chosen) ctx.info("using " + c.entry.cid() + " for '" + c.spec.name + "'");
  std::vector<std::string> args = f.command;
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<char*> env_ptrs;
  for (auto& kv : envp) env_ptrs.push_back(kv.data());
  env_ptrs.push_back(nullptr);
  std::fflush(stdout);
  std::fflush(stderr);
  ::execve(file.c_str(), argv.data(), env_ptrs.data());
  int err = errno;
  throw Error(err == ENOENT ? ExitCode::not_found : ExitCode::failed, "env shell",
              "cannot run '" + file + "': " + errno_text(err));
}

void run_machine(Context& ctx, const MachineFlags& f) {
  nlohmann::json m = env::describe_machine(f.record_hostname);
  if (ctx.global.json) {
    ctx.print_json(m);
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& [k, v] : m.items()) {
    if (k == "caches") {
      std::string s;
      for (const auto& c : v) {
        if (!s.empty()) s += ", ";
        s += "L" + std::to_string(c.value("level", 0)) + " " + c.value("type", "") + " " +
             (c["size_bytes"].is_number() ? std::to_string(c["size_bytes"].get<unsigned long long>() >> 10) + " KiB"
                                          : "?");
      }
      rows.push_back({k, s});
    } else {
      rows.push_back({k, v.is_string() ? v.get<std::string>() : v.dump()});
    }
  }
  ctx.out(format_table({"FIELD", "VALUE"}, rows));
}

void add_dep_flags(CLI::App* c, ResolveFlags& f) {
  c->add_option("--dep", f.deps, "dependency TAGS[@RANGE], e.g. compiler,lang-c@'>=11 <15' (repeatable)")
      ->allow_extra_args(false);  // one value per --dep, so a following -- stays the command marker
  c->add_flag("--no-detect", f.no_detect, "never run detectors: use only registered environments");
  c->add_option("--repo", f.repo, "repository for on-demand detections (default: local)");
}

}  // namespace

void register_env(CLI::App& app, Context& ctx) {
  CLI::App* env = app.add_subcommand("env", "detect software, list environments, run with resolved dependencies");
  env->require_subcommand(1);

  auto detect = std::make_shared<DetectFlags>();
  CLI::App* c = env->add_subcommand("detect", "run soft detectors and register env entries");
  c->add_option("--tags", detect->tags, "only detectors providing all these tags (comma-separated)");
  c->add_flag("--force", detect->force, "run version commands even for files whose fingerprint is unchanged");
  c->add_option("--repo", detect->repo, "repository to write env entries to (default: local)");
  c->callback([&ctx, detect] { run_detect(ctx, *detect); });

  auto list = std::make_shared<ListFlags>();
  c = env->add_subcommand("list", "list env entries with their status (fresh, changed, vanished)");
  c->add_option("--tags", list->tags, "comma-separated tags; -tag excludes");
  c->callback([&ctx, list] { run_list(ctx, *list); });

  auto show = std::make_shared<std::string>();
  c = env->add_subcommand("show", "show one env entry and its status");
  c->add_option("cid", *show, "alias or [repo:]env:alias")->required();
  c->callback([&ctx, show] { run_show(ctx, *show); });

  auto resolve = std::make_shared<ResolveFlags>();
  c = env->add_subcommand("resolve", "resolve dependencies and print the choice, variables and PATH");
  add_dep_flags(c, *resolve);
  c->callback([&ctx, resolve] { run_resolve(ctx, *resolve); });

  auto shell = std::make_shared<ResolveFlags>();
  c = env->add_subcommand("shell", "run CMD with resolved environments applied: env shell --dep TAGS[@RANGE]... -- CMD...");
  add_dep_flags(c, *shell);
  c->add_option("command", shell->command, "the command and its arguments, after --")->allow_extra_args();
  c->callback([&ctx, shell] { run_shell(ctx, *shell); });

  auto machine = std::make_shared<MachineFlags>();
  c = env->add_subcommand("machine", "describe this machine (CPU, caches, memory, OS, kernel, libc, governor, RAPL)");
  c->add_flag("--record-hostname", machine->record_hostname, "include the host name");
  c->callback([&ctx, machine] { run_machine(ctx, *machine); });
}

}  // namespace request::cli
