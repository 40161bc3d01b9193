#include "lib/store/repository.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <ctime>

#include "lib/schema/validator.hpp"
#include "lib/util/atomic_file.hpp"
#include "lib/util/error.hpp"
#include "lib/util/file_lock.hpp"
#include "lib/util/json_io.hpp"
#include "lib/util/safe_name.hpp"

namespace fs = std::filesystem;

namespace request::store {

namespace {

bool is_hidden(const char* name) { return name[0] == '.'; }

// Atomic rename that never replaces an existing target.
bool rename_noreplace(const fs::path& from, const fs::path& to, int& err) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
  err = errno;
  if (err == EINVAL || err == ENOSYS) {  // file system without RENAME_NOREPLACE: link-free fallback for dirs
    if (::mkdir(to.c_str(), 0755) != 0) {
      err = errno;
      return false;
    }
    ::rmdir(to.c_str());
    if (::rename(from.c_str(), to.c_str()) == 0) return true;
    err = errno;
  }
  return false;
}

}  // namespace

std::vector<std::string> list_entry_folders(const fs::path& module_dir) {
  std::vector<std::string> out;
  DIR* d = ::opendir(module_dir.c_str());
  if (!d) return out;
  while (dirent* de = ::readdir(d)) {
    if (is_hidden(de->d_name)) continue;
    if (de->d_type != DT_DIR && de->d_type != DT_UNKNOWN) continue;
    if (!util::name_problem(de->d_name).empty()) continue;
    out.emplace_back(de->d_name);
  }
  ::closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

nlohmann::json Repository::read_descriptor(const fs::path& root) {
  fs::path file = root / k_descriptor;
  std::error_code ec;
  if (!fs::exists(file, ec))
    throw Error(ExitCode::invalid_data, root.string(), "not a request repository: no request-repo.json",
                "create one with 'request repo init " + root.string() + "'");
  nlohmann::json desc = util::load_document(file);
  auto violations = schema::validate_named(desc, "request-repo.schema.json");
  if (!violations.empty())
    throw Error(ExitCode::invalid_data, file.string(),
                "schema violation: " + violations[0].path + ": " + violations[0].message);
  return desc;
}

Repository::Repository(std::string name, fs::path root, bool readonly)
    : m_name(std::move(name)), m_root(std::move(root)), m_readonly(readonly) {
  std::error_code ec;
  if (!fs::is_directory(m_root, ec))
    throw Error(ExitCode::not_found, "repository '" + m_name + "'", "folder '" + m_root.string() + "' does not exist",
                "unregister it with 'request repo rm " + m_name + "'");
  m_descriptor = read_descriptor(m_root);
  if (m_descriptor.value("readonly", false)) m_readonly = true;
}

Repository Repository::init(const fs::path& root, const std::string& name, const std::string& description) {
  util::require_safe_name(name, "repository name");
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec) throw Error(ExitCode::failed, root.string(), "cannot create folder: " + ec.message());
  fs::path file = root / k_descriptor;
  if (fs::exists(file, ec))
    throw Error(ExitCode::failed, root.string(), "already a request repository (request-repo.json exists)",
                "register it with 'request repo add " + root.string() + "'");
  nlohmann::json desc = {{"name", name}, {"uid", util::new_uid()}, {"deps", nlohmann::json::array()}};
  if (!description.empty()) desc["description"] = description;
  util::write_file_atomic(file, util::dump_json(desc));
  return Repository(name, fs::absolute(root).lexically_normal());
}

void Repository::require_writable() const {
  if (m_readonly)
    throw Error(ExitCode::failed, "repository '" + m_name + "'", "is read-only",
                "write to another repository with --repo NAME");
}

std::vector<std::string> Repository::modules() const {
  std::vector<std::string> out;
  DIR* d = ::opendir(m_root.c_str());
  if (!d) return out;
  while (dirent* de = ::readdir(d)) {
    if (is_hidden(de->d_name)) continue;
    if (de->d_type != DT_DIR && de->d_type != DT_UNKNOWN) continue;
    if (!util::name_problem(de->d_name).empty()) continue;
    if (de->d_type == DT_UNKNOWN && !fs::is_directory(m_root / de->d_name)) continue;
    out.emplace_back(de->d_name);
  }
  ::closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Repository::aliases(const std::string& module) const {
  return list_entry_folders(m_root / module);
}

fs::path Repository::entry_dir(const std::string& module, const std::string& alias) const {
  util::require_safe_name(module, "module");
  util::require_safe_name(alias, "alias");
  return m_root / module / alias;
}

bool Repository::has_entry(const std::string& module, const std::string& alias) const {
  std::error_code ec;
  return fs::is_directory(entry_dir(module, alias), ec);
}

Entry Repository::load(const std::string& module, const std::string& alias) const {
  fs::path dir = entry_dir(module, alias);
  util::require_inside(m_root, dir);
  return load_entry(m_name, module, dir);
}

fs::path Repository::module_dir_for_write(const std::string& module) {
  util::require_safe_name(module, "module");
  fs::path dir = m_root / module;
  util::require_inside(m_root, dir);
  std::error_code ec;
  fs::create_directory(dir, ec);
  if (ec && ec != std::errc::file_exists)
    throw Error(ExitCode::failed, dir.string(), "cannot create module folder: " + ec.message());
  return dir;
}

Entry Repository::create(const std::string& module, const std::string& alias, nlohmann::json meta,
                         const fs::path& files_from) {
  require_writable();
  util::require_safe_name(alias, "alias");
  fs::path mdir = module_dir_for_write(module);
  fs::path target = mdir / alias;
  util::require_inside(m_root, target);
  if (!meta.is_object()) meta = nlohmann::json::object();
  if (!meta.contains("uid")) meta["uid"] = util::new_uid();
  meta["alias"] = alias;
  if (!meta.contains("tags")) meta["tags"] = nlohmann::json::array();
  require_valid_meta(meta, module, module + ":" + alias);

  std::error_code ec;
  if (fs::exists(target, ec))
    throw Error(ExitCode::failed, m_name + ":" + module + ":" + alias, "entry already exists",
                "choose another name, or remove it first with 'request rm'");
  fs::path tmp = util::make_temp_dir(mdir);
  try {
    if (!files_from.empty()) {
      fs::copy(files_from, tmp, fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
      if (ec) throw Error(ExitCode::failed, files_from.string(), "cannot copy entry files: " + ec.message());
      fs::remove(tmp / k_meta_yaml, ec);
    }
    ::chmod(tmp.c_str(), 0755);
    util::write_file_atomic(tmp / k_meta_json, util::dump_json(meta));
    int err = 0;
    if (!rename_noreplace(tmp, target, err)) {
      if (err == EEXIST || err == ENOTEMPTY)
        throw Error(ExitCode::failed, m_name + ":" + module + ":" + alias, "entry already exists",
                    "choose another name, or remove it first with 'request rm'");
      throw Error(ExitCode::failed, target.string(), "cannot create entry: " + errno_text(err));
    }
    util::fsync_directory(mdir);
  } catch (...) {
    fs::remove_all(tmp, ec);
    throw;
  }
  return load_entry(m_name, module, target);
}

void Repository::write_meta(const Entry& entry, const nlohmann::json& meta) {
  require_writable();
  util::require_inside(m_root, entry.path);
  require_valid_meta(meta, entry.module, entry.cid());
  util::FileLock lock(entry.path);
  fs::path file = entry.meta_path.empty() ? entry.path / k_meta_json : entry.meta_path;
  util::remove_dead_temporaries(file);
  // A YAML entry stays YAML: switching files (write meta.json, remove meta.yaml)
  // could leave both behind after a crash, which makes the entry invalid.
  util::write_file_atomic(file, file.extension() == ".yaml" ? util::dump_yaml(meta) : util::dump_json(meta));
}

void Repository::remove(const std::string& module, const std::string& alias) {
  require_writable();
  fs::path dir = entry_dir(module, alias);
  util::require_inside(m_root, dir.parent_path());
  std::error_code ec;
  if (fs::is_symlink(dir, ec))
    throw Error(ExitCode::invalid_data, dir.string(), "unsafe path: entry folder is a symlink");
  if (!fs::is_directory(dir, ec))
    throw Error(ExitCode::not_found, m_name + ":" + module + ":" + alias, "no such entry");
  fs::path trash = dir.parent_path() / (".trash-" + alias + "-" + util::new_uid());
  if (::rename(dir.c_str(), trash.c_str()) != 0)
    throw Error(ExitCode::failed, dir.string(), "cannot remove entry: " + errno_text(errno));
  util::fsync_directory(dir.parent_path());
  fs::remove_all(trash, ec);
}

Entry Repository::rename(const std::string& module, const std::string& alias, const std::string& new_alias) {
  require_writable();
  fs::path from = entry_dir(module, alias);
  fs::path to = entry_dir(module, new_alias);
  util::require_inside(m_root, from);
  util::require_inside(m_root, to);
  Entry e = load(module, alias);
  int err = 0;
  if (!rename_noreplace(from, to, err)) {
    if (err == EEXIST || err == ENOTEMPTY)
      throw Error(ExitCode::failed, m_name + ":" + module + ":" + new_alias, "entry already exists");
    throw Error(ExitCode::failed, from.string(), "cannot rename entry: " + errno_text(err));
  }
  util::fsync_directory(from.parent_path());
  // The folder name is the alias; keep meta's copy in step.
  Entry moved = load_entry(m_name, module, to, false);
  nlohmann::json meta = moved.meta;
  meta["alias"] = new_alias;
  write_meta(moved, meta);
  return load_entry(m_name, module, to);
}

void Repository::sweep_leftovers(int min_age_s) const {
  if (m_readonly) return;
  for (const auto& module : modules()) sweep_module_leftovers(module, min_age_s);
}

void Repository::sweep_module_leftovers(const std::string& module, int min_age_s) const {
  if (m_readonly || !util::name_problem(module).empty()) return;
  time_t now = ::time(nullptr);
  fs::path mdir = m_root / module;
  DIR* d = ::opendir(mdir.c_str());
  if (!d) return;
  std::vector<fs::path> stale;
  while (dirent* de = ::readdir(d)) {
    std::string n = de->d_name;
    if (n.rfind(".tmp-", 0) != 0 && n.rfind(".trash-", 0) != 0) continue;
    struct stat st {};
    if (::lstat((mdir / n).c_str(), &st) == 0 && now - st.st_mtime >= min_age_s) stale.push_back(mdir / n);
  }
  ::closedir(d);
  std::error_code ec;
  for (const auto& p : stale) fs::remove_all(p, ec);
}

}  // namespace request::store
