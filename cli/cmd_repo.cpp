// request repo init | add | list | rm
#include <memory>

#include "cli/commands.hpp"
#include "lib/git/repo_state.hpp"
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

  c = repo->add_subcommand("list", "list registered repositories: name, entries, commit, url, path");
  c->callback([&ctx] { run_list(ctx); });

  auto rm = std::make_shared<RepoRmOptions>();
  c = repo->add_subcommand("rm", "unregister a repository");
  c->add_option("name", rm->name, "repository name")->required();
  c->add_flag("--delete-files", rm->delete_files, "also delete its folder");
  c->callback([&ctx, rm] { run_rm(ctx, *rm); });
}

}  // namespace request::cli
