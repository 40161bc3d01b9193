// request repo init | add | pull | update | list | rm
#include <chrono>
#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "lib/git/progress.hpp"
#include "lib/git/repo_state.hpp"
#include "lib/store/repo_pull.hpp"
#include "lib/store/repo_update.hpp"
#include "lib/store/repository.hpp"
#include "lib/util/error.hpp"
#include "lib/util/safe_name.hpp"

namespace fs = std::filesystem;

namespace request::cli {

namespace {

struct RepoInitOptions {
  std::string path;
  std::string name;
  std::string description;
};

struct RepoPullOptions {
  std::string url;
  std::string name;
  std::string ref;
};

struct RepoUpdateOptions {
  std::string name;  // empty: every repository that can be updated
};

struct RepoRmOptions {
  std::string name;
  bool delete_files = false;
};

void register_record(Context& ctx, const store::RepoRecord& rec) {
  ctx.home().update_registry([&](std::vector<store::RepoRecord>& repos) {
    for (const auto& r : repos) {
      if (r.name == rec.name)
        throw Error(ExitCode::failed, "repository '" + rec.name + "'", "already registered at '" + r.path.string() + "'",
                    "pick another name with --name, or 'request repo rm " + rec.name + "' first");
      std::error_code ec;
      if (fs::equivalent(r.path, rec.path, ec))
        throw Error(ExitCode::failed, rec.path.string(), "already registered as '" + r.name + "'");
    }
    repos.push_back(rec);
  });
}

void run_init(Context& ctx, const RepoInitOptions& o) {
  fs::path path = fs::absolute(o.path).lexically_normal();
  std::string name = o.name.empty() ? path.filename().string() : o.name;
  util::require_safe_name(name, "repository name");
  if (ctx.home().find_repo(name))
    throw Error(ExitCode::failed, "repository '" + name + "'", "already registered", "pick another name with --name");
  store::Repository repo = store::Repository::init(path, name, o.description);
  register_record(ctx, {name, path, "", "", false});
  if (ctx.global.json) ctx.print_json({{"name", name}, {"path", path.string()}, {"uid", repo.descriptor()["uid"]}});
  else ctx.out("created repository '" + name + "' at " + path.string());
}

void run_add(Context& ctx, const RepoInitOptions& o) {
  fs::path path = fs::absolute(o.path).lexically_normal();
  std::error_code ec;
  if (!fs::is_directory(path, ec)) throw Error(ExitCode::not_found, path.string(), "no such folder");
  nlohmann::json desc = store::Repository::read_descriptor(path);
  std::string name = o.name.empty() ? desc["name"].get<std::string>() : o.name;
  util::require_safe_name(name, "repository name");
  git::RepoState st = git::repo_state(path);
  register_record(ctx, {name, path, st.url, "", false});
  if (ctx.global.json) ctx.print_json({{"name", name}, {"path", path.string()}, {"uid", desc["uid"]}});
  else ctx.out("registered repository '" + name + "' at " + path.string());
}

// Clone/fetch progress on stderr: only on a TTY, never with -q or --json.
// Redraws one line at most ten times a second; a new stage starts a new line.
git::ProgressFn progress_printer(const Context& ctx) {
  if (ctx.global.quiet || ctx.global.json || !ctx.stderr_is_tty()) return {};
  struct State {
    git::Progress::Stage stage = git::Progress::Stage::receiving;
    bool drawn = false;
    std::chrono::steady_clock::time_point last{};
  };
  auto st = std::make_shared<State>();
  return [st](const git::Progress& p) {
    auto now = std::chrono::steady_clock::now();
    bool finished = p.total > 0 && p.current >= p.total;
    if (st->drawn && p.stage != st->stage) std::fputc('\n', stderr);
    else if (!finished && st->drawn && now - st->last < std::chrono::milliseconds(100)) return;
    st->stage = p.stage;
    st->last = now;
    std::fprintf(stderr, "\r%s\x1b[K%s", git::format_progress(p).c_str(), finished ? "\n" : "");
    st->drawn = !finished;
  };
}

std::string short_commit(const std::string& commit) { return commit.empty() ? "-" : commit.substr(0, 12); }

nlohmann::json null_if_empty(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

void run_pull(Context& ctx, const RepoPullOptions& o) {
  store::PullOptions opts;
  opts.progress = progress_printer(ctx);
  opts.note = [&ctx](const std::string& text) { ctx.info(text); };
  store::PullReport report = store::pull_repository(ctx.home(), o.url, o.name, o.ref, opts);
  if (ctx.global.json) {
    nlohmann::json repos = nlohmann::json::array();
    for (const auto& r : report.repos)
      repos.push_back({{"name", r.name}, {"path", r.path.string()}, {"url", r.url}, {"ref", null_if_empty(r.ref)},
                       {"commit", null_if_empty(r.commit)}, {"action", r.action}, {"parent", null_if_empty(r.parent)}});
    ctx.print_json({{"repos", repos}, {"cycles", report.cycles}});
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : report.repos)
    rows.push_back({r.name, r.action, short_commit(r.commit), r.ref.empty() ? "-" : r.ref,
                    r.parent.empty() ? "-" : r.parent});
  ctx.out(format_table({"NAME", "ACTION", "COMMIT", "REF", "REQUIRED BY"}, rows));
}

void run_update(Context& ctx, const RepoUpdateOptions& o) {
  git::ProgressFn progress = progress_printer(ctx);
  nlohmann::json repos = nlohmann::json::array();
  std::vector<std::vector<std::string>> rows;
  auto add_row = [&](const std::string& name, const std::string& action, const std::string& before,
                     const std::string& after, const std::string& reason) {
    nlohmann::json j = {{"name", name}, {"action", action}, {"before", null_if_empty(before)},
                        {"commit", null_if_empty(after)}};
    if (!reason.empty()) j["reason"] = reason;
    repos.push_back(std::move(j));
    rows.push_back({name, action, short_commit(after), reason.empty() ? "-" : reason});
  };
  size_t refused = 0;
  if (!o.name.empty()) {
    const store::RepoRecord& rec = ctx.home().require_repo(o.name);
    std::string why = store::update_skip_reason(rec);
    if (!why.empty())
      throw Error(ExitCode::failed, "repository '" + o.name + "'", "cannot be updated: " + why,
                  "only git clones with a remote (for example from 'request repo pull') are updated");
    ctx.info("updating '" + rec.name + "' from " + rec.url);
    store::UpdateOutcome u = store::update_repository(rec, "", progress);
    add_row(u.name, u.action, u.before, u.after, "");
  } else {
    for (const auto& rec : ctx.home().repos()) {
      std::string why = store::update_skip_reason(rec);
      if (!why.empty()) {
        add_row(rec.name, "skipped", "", git::repo_state(rec.path).commit, why);
        continue;
      }
      ctx.info("updating '" + rec.name + "' from " + rec.url);
      try {
        store::UpdateOutcome u = store::update_repository(rec, "", progress);
        add_row(u.name, u.action, u.before, u.after, "");
      } catch (const Error& e) {
        if (e.code() == ExitCode::interrupted) throw;
        ctx.warn(e.line());
        std::string head = git::repo_state(rec.path).commit;
        add_row(rec.name, "refused", head, head, e.message());
        ++refused;
      }
    }
  }
  if (ctx.global.json) ctx.print_json({{"repos", repos}});
  else ctx.out(format_table({"NAME", "ACTION", "COMMIT", "NOTE"}, rows));
  if (refused > 0)
    throw Error(ExitCode::failed, "repo update",
                std::to_string(refused) + (refused == 1 ? " repository was left as it was" : " repositories were left as they were") +
                    " (see the warnings above)",
                "fix what each warning says, then run 'request repo update' again");
}

size_t count_entries(const store::Repository& repo) {
  size_t n = 0;
  for (const auto& m : repo.modules()) n += repo.aliases(m).size();
  return n;
}

void run_list(Context& ctx) {
  nlohmann::json arr = nlohmann::json::array();
  std::vector<std::vector<std::string>> rows;
  for (const auto& rec : ctx.home().repos()) {
    git::RepoState st = git::repo_state(rec.path);
    nlohmann::json j = {{"name", rec.name}, {"path", rec.path.string()}};
    j["url"] = rec.url.empty() ? (st.url.empty() ? nlohmann::json(nullptr) : nlohmann::json(st.url))
                               : nlohmann::json(rec.url);
    j["ref"] = rec.ref.empty() ? nlohmann::json(nullptr) : nlohmann::json(rec.ref);
    j["commit"] = st.commit.empty() ? nlohmann::json(nullptr) : nlohmann::json(st.commit);
    j["dirty"] = st.is_git ? nlohmann::json(st.dirty) : nlohmann::json(nullptr);
    j["readonly"] = rec.readonly;
    std::string status = "ok";
    try {
      store::Repository repo = ctx.home().open_repo(rec);
      j["entries"] = count_entries(repo);
    } catch (const Error& e) {
      j["entries"] = nullptr;
      j["error"] = e.line();
      status = "error: " + e.message();
    }
    rows.push_back({rec.name, j["entries"].is_null() ? "-" : std::to_string(j["entries"].get<size_t>()),
                    st.commit.empty() ? "-" : st.commit.substr(0, 12) + (st.dirty ? "+" : ""),
                    j["url"].is_null() ? "-" : j["url"].get<std::string>(), rec.path.string()});
    if (status != "ok") ctx.warn(rec.name + ": " + status);
    arr.push_back(std::move(j));
  }
  if (ctx.global.json) ctx.print_json({{"repos", arr}});
  else ctx.out(format_table({"NAME", "ENTRIES", "COMMIT", "URL", "PATH"}, rows));
}

void run_rm(Context& ctx, const RepoRmOptions& o) {
  if (o.name == store::k_local_repo)
    throw Error(ExitCode::usage, "repository 'local'", "cannot be removed", "it holds this workspace's own entries");
  store::RepoRecord rec = ctx.home().require_repo(o.name);
  ctx.home().update_registry([&](std::vector<store::RepoRecord>& repos) {
    std::erase_if(repos, [&](const store::RepoRecord& r) { return r.name == o.name; });
  });
  if (o.delete_files) {
    std::error_code ec;
    fs::remove_all(rec.path, ec);
    if (ec) throw Error(ExitCode::failed, rec.path.string(), "unregistered, but cannot delete files: " + ec.message());
  }
  if (ctx.global.json) ctx.print_json({{"removed", o.name}, {"deleted_files", o.delete_files}});
  else ctx.out("unregistered repository '" + o.name + "'" + (o.delete_files ? " and deleted " + rec.path.string() : ""));
}

}  // namespace

void register_repo(CLI::App& app, Context& ctx) {
  CLI::App* repo = app.add_subcommand("repo", "manage repositories");
  repo->require_subcommand(1);

  auto init = std::make_shared<RepoInitOptions>();
  CLI::App* c = repo->add_subcommand("init", "create and register a repository");
  c->add_option("path", init->path, "folder to create (or adopt)")->required();
  c->add_option("--name", init->name, "repository name (default: the folder's name)");
  c->add_option("--description", init->description, "one line describing it");
  c->callback([&ctx, init] { run_init(ctx, *init); });

  auto add = std::make_shared<RepoInitOptions>();
  c = repo->add_subcommand("add", "register an existing local repository");
  c->add_option("path", add->path, "folder holding request-repo.json")->required();
  c->add_option("--name", add->name, "register under this name (default: the descriptor's name)");
  c->callback([&ctx, add] { run_add(ctx, *add); });

  auto pull = std::make_shared<RepoPullOptions>();
  c = repo->add_subcommand("pull", "clone a git repository into REQUEST_HOME/repos, register it and pull its deps; "
                                   "on a registered name or URL: update it");
  c->add_option("url", pull->url, "git URL (file://, https://, ssh://, user@host:path) or local path")->required();
  c->add_option("--name", pull->name, "register under this name (default: the descriptor's name)");
  c->add_option("--ref", pull->ref, "branch, tag or commit to check out and pin (default: the default branch)");
  c->callback([&ctx, pull] { run_pull(ctx, *pull); });

  auto update = std::make_shared<RepoUpdateOptions>();
  c = repo->add_subcommand("update", "fetch and fast-forward pulled repositories; never discards local changes");
  c->add_option("name", update->name, "repository to update (default: all that can be)");
  c->callback([&ctx, update] { run_update(ctx, *update); });

  c = repo->add_subcommand("list", "list registered repositories: name, entries, commit, url, path");
  c->callback([&ctx] { run_list(ctx); });

  auto rm = std::make_shared<RepoRmOptions>();
  c = repo->add_subcommand("rm", "unregister a repository");
  c->add_option("name", rm->name, "repository name")->required();
  c->add_flag("--delete-files", rm->delete_files, "also delete its folder");
  c->callback([&ctx, rm] { run_rm(ctx, *rm); });
}

}  // namespace request::cli
