// request add | find | show | rm | mv | cp
#include <memory>

#include "cli/commands.hpp"
#include "cli/entry_view.hpp"
#include "lib/store/cid.hpp"
#include "lib/store/query.hpp"
#include "lib/util/error.hpp"
#include "lib/util/json_io.hpp"
#include "lib/util/safe_name.hpp"
#include "lib/util/strings.hpp"

namespace request::cli {

namespace {

struct AddOptions {
  std::string cid;
  std::string tags;
  std::string meta_file;
  std::string files_dir;
  std::vector<std::string> sets;
  std::string repo;
};

struct FindOptions {
  std::string what;  // MODULE or CID pattern
  std::string tags;
  std::string repo;
  std::vector<std::string> where;
};

struct RmOptions {
  std::vector<std::string> cids;
  bool force = false;
};

struct MvOptions {
  std::string cid;
  std::string target;
};

// Which repository a write goes to: the CID's, else --repo, else local.
std::string write_repo(const store::Cid& cid, const std::string& flag) {
  if (cid.repo) return *cid.repo;
  if (!flag.empty()) return flag;
  return store::k_local_repo;
}

void run_add(Context& ctx, const AddOptions& o) {
  store::Cid cid = store::parse_cid(o.cid);
  util::require_safe_name(cid.module, "module");
  util::require_safe_name(cid.name, "alias");
  nlohmann::json meta = nlohmann::json::object();
  if (!o.meta_file.empty()) {
    meta = util::load_document(o.meta_file);
    if (!meta.is_object()) throw Error(ExitCode::invalid_data, o.meta_file, "meta must be a JSON/YAML object");
  }
  if (!o.tags.empty()) {
    nlohmann::json tags = meta.value("tags", nlohmann::json::array());
    for (auto& t : util::split(o.tags, ','))
      if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
    meta["tags"] = tags;
  }
  for (const auto& s : o.sets) {
    auto eq = s.find('=');
    if (eq == std::string::npos || eq == 0)
      throw Error(ExitCode::usage, "--set '" + s + "'", "expected key=value", "e.g. --set choices.opt=3");
    util::set_dotted(meta, s.substr(0, eq), util::parse_cli_value(s.substr(eq + 1)));
  }
  store::Home& home = ctx.home();
  store::Repository repo = home.open_repo(write_repo(cid, o.repo));
  store::Entry e = repo.create(cid.module, cid.name, meta, o.files_dir);
  if (ctx.global.json) ctx.print_json(entry_detail_json(e));
  else ctx.out("added " + e.cid() + " (uid " + e.uid + ")");
}

void run_find(Context& ctx, const FindOptions& o) {
  store::Query q;
  if (!o.what.empty()) {
    if (o.what.find(':') != std::string::npos) {
      store::Cid cid = store::parse_cid(o.what);
      q.repo = cid.repo;
      q.module = cid.module;
      q.name = cid.name;
    } else {
      q.module = o.what;
    }
    if (!util::has_wildcards(*q.module)) util::require_safe_name(*q.module, "module");
  }
  if (!o.repo.empty()) {
    ctx.home().require_repo(o.repo);
    q.repo = o.repo;
  }
  store::parse_tag_filter(o.tags, q);
  for (const auto& w : o.where) q.where.push_back(store::parse_where(w));
  store::FindResult r = store::find_entries(ctx.home(), q);
  for (const auto& w : r.warnings) ctx.warn("skipped: " + w);
  if (ctx.global.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& e : r.entries) arr.push_back(entry_summary_json(e));
    ctx.print_json({{"entries", arr}});
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : r.entries) rows.push_back({e.cid(), e.uid, util::join(e.tags, ",")});
  if (!rows.empty()) ctx.out(format_table({"CID", "UID", "TAGS"}, rows));
  ctx.info(std::to_string(rows.size()) + (rows.size() == 1 ? " entry" : " entries"));
}

void run_show(Context& ctx, const std::string& text) {
  store::Entry e = store::resolve_one(ctx.home(), store::parse_cid(text));
  nlohmann::json d = entry_detail_json(e);
  if (ctx.global.json) ctx.print_json(d);
  else ctx.out(entry_detail_text(d));
}

void run_rm(Context& ctx, const RmOptions& o) {
  std::vector<store::Entry> victims;
  for (const auto& text : o.cids) {
    store::Cid cid = store::parse_cid(text);
    std::vector<store::Entry> found;
    try {
      found = store::resolve(ctx.home(), cid);
    } catch (const Error& e) {
      if (o.force && e.code() == ExitCode::not_found) continue;
      throw;
    }
    if (cid.has_wildcards() && found.size() > 1 && !o.force)
      throw Error(ExitCode::usage, "'" + text + "'", "matches " + std::to_string(found.size()) + " entries",
                  "add --force to remove them all");
    for (auto& e : found) victims.push_back(std::move(e));
  }
  nlohmann::json removed = nlohmann::json::array();
  for (const auto& e : victims) {
    store::Repository repo = ctx.home().open_repo(e.repo);
    repo.remove(e.module, e.alias);
    removed.push_back(e.cid());
    if (!ctx.global.json) ctx.out("removed " + e.cid());
  }
  if (ctx.global.json) ctx.print_json({{"removed", removed}});
}

// NEW may be a plain name (same repo and module) or a full [repo:]module:name.
store::Cid target_cid(const store::Entry& src, const std::string& text) {
  store::Cid t;
  if (text.find(':') == std::string::npos) {
    t.module = src.module;
    t.name = text;
  } else {
    t = store::parse_cid(text);
  }
  if (!t.repo) t.repo = src.repo;
  util::require_safe_name(t.module, "module");
  util::require_safe_name(t.name, "alias");
  return t;
}

void run_mv(Context& ctx, const MvOptions& o) {
  store::Entry src = store::resolve_one(ctx.home(), store::parse_cid(o.cid));
  store::Cid t = target_cid(src, o.target);
  store::Repository from = ctx.home().open_repo(src.repo);
  store::Entry moved;
  if (*t.repo == src.repo && t.module == src.module) {
    moved = from.rename(src.module, src.alias, t.name);
  } else {
    // Across repositories or modules: copy with the same uid, then remove the source.
    store::Repository to = ctx.home().open_repo(*t.repo);
    moved = to.create(t.module, t.name, src.meta, src.path);
    from.remove(src.module, src.alias);
  }
  if (ctx.global.json) ctx.print_json(entry_detail_json(moved));
  else ctx.out("moved " + src.cid() + " to " + moved.cid());
}

void run_cp(Context& ctx, const MvOptions& o) {
  store::Entry src = store::resolve_one(ctx.home(), store::parse_cid(o.cid));
  store::Cid t = target_cid(src, o.target);
  store::Repository to = ctx.home().open_repo(*t.repo);
  nlohmann::json meta = src.meta;
  meta["uid"] = util::new_uid();
  meta["copied_from"] = src.uid;
  store::Entry copy = to.create(t.module, t.name, meta, src.path);
  if (ctx.global.json) ctx.print_json(entry_detail_json(copy));
  else ctx.out("copied " + src.cid() + " to " + copy.cid() + " (uid " + copy.uid + ")");
}

}  // namespace

void register_entry_commands(CLI::App& app, Context& ctx) {
  auto add = std::make_shared<AddOptions>();
  CLI::App* c = app.add_subcommand("add", "create an entry");
  c->add_option("cid", add->cid, "[repo:]module:alias of the new entry")->required();
  c->add_option("--tags", add->tags, "comma-separated tags");
  c->add_option("--meta", add->meta_file, "JSON or YAML file with the entry's meta")->check(CLI::ExistingFile);
  c->add_option("--files", add->files_dir, "copy this folder's files into the entry")->check(CLI::ExistingDirectory);
  c->add_option("--set", add->sets, "set a meta field: key=value (dotted keys; value parsed as JSON when valid)");
  c->add_option("--repo", add->repo, "repository to write to (default: local)");
  c->callback([&ctx, add] { run_add(ctx, *add); });

  auto find = std::make_shared<FindOptions>();
  c = app.add_subcommand("find", "list entries matching a module, tags and meta values");
  c->add_option("module", find->what, "module name or CID pattern (e.g. program, local:result:*)");
  c->add_option("--tags", find->tags, "a,b,-c: must have a and b, must not have c");
  c->add_option("--repo", find->repo, "only this repository");
  c->add_option("--where", find->where, "key=value on meta (dotted keys); repeatable, all must match");
  c->callback([&ctx, find] { run_find(ctx, *find); });

  auto show = std::make_shared<std::string>();
  c = app.add_subcommand("show", "print an entry's meta, path, repository and commit");
  c->add_option("cid", *show, "[repo:]module:name")->required();
  c->callback([&ctx, show] { run_show(ctx, *show); });

  auto rm = std::make_shared<RmOptions>();
  c = app.add_subcommand("rm", "remove entries");
  c->add_option("cid", rm->cids, "entries to remove (wildcards need --force when they match several)")->required();
  c->add_flag("--force", rm->force, "remove every match of a wildcard; ignore missing entries");
  c->callback([&ctx, rm] { run_rm(ctx, *rm); });

  auto mv = std::make_shared<MvOptions>();
  c = app.add_subcommand("mv", "rename an entry, or move it to another repository (keeps its uid)");
  c->add_option("cid", mv->cid, "entry to move")->required();
  c->add_option("new", mv->target, "new alias, or [repo:]module:alias")->required();
  c->callback([&ctx, mv] { run_mv(ctx, *mv); });

  auto cp = std::make_shared<MvOptions>();
  c = app.add_subcommand("cp", "copy an entry under a new uid");
  c->add_option("cid", cp->cid, "entry to copy")->required();
  c->add_option("new", cp->target, "new alias, or [repo:]module:alias")->required();
  c->callback([&ctx, cp] { run_cp(ctx, *cp); });
}

}  // namespace request::cli
