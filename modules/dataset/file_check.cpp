#include "modules/dataset/file_check.hpp"

#include <sys/stat.h>

#include "lib/util/atomic_file.hpp"
#include "lib/util/error.hpp"
#include "lib/util/file_lock.hpp"
#include "lib/util/json_io.hpp"
#include "lib/util/safe_name.hpp"
#include "lib/util/sha256.hpp"

namespace fs = std::filesystem;

namespace request::dataset {

namespace {

std::string stat_key(const struct stat& st) {
  return std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_ino);
}

// "package": "name" or {"manager", "name", "version"}.
std::string package_name(const nlohmann::json& meta) {
  auto it = meta.find("package");
  if (it == meta.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_object()) return it->value("name", "");
  return {};
}

}  // namespace

std::vector<DeclaredFile> declared_files(const store::Entry& entry) {
  std::vector<DeclaredFile> out;
  const nlohmann::json files = entry.meta.value("files", nlohmann::json::array());
  for (size_t i = 0; i < files.size(); ++i) {
    const auto& f = files[i];
    DeclaredFile d;
    std::string p = f.value("path", "");
    d.sha256 = f.value("sha256", "");
    if (f.contains("size") && f["size"].is_number_integer() && f["size"].get<long long>() >= 0)
      d.size = f["size"].get<uint64_t>();
    fs::path path(p);
    if (path.is_absolute()) {
      d.path = path.lexically_normal();
    } else {
      d.path = (entry.path / path).lexically_normal();
      d.in_entry = true;
      util::require_inside(entry.path, d.path);
    }
    out.push_back(std::move(d));
  }
  return out;
}

HashCache::HashCache(fs::path file) : m_file(std::move(file)) {
  std::error_code ec;
  if (m_file.empty() || !fs::exists(m_file, ec)) return;
  try {
    m_entries = util::load_document(m_file);
    if (!m_entries.is_object()) m_entries = nlohmann::json::object();
  } catch (const Error&) {
    m_entries = nlohmann::json::object();  // a broken cache is only a cache: rebuild it
  }
}

std::string HashCache::sha256(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return util::sha256_file(path);  // throws with the reason
  std::string key = stat_key(st);
  const std::string p = path.string();
  for (const auto* table : {&m_new, &m_entries}) {
    auto it = table->find(p);
    if (it != table->end() && it->value("key", "") == key) return it->value("sha256", "");
  }
  std::string h = util::sha256_file(path);
  ++m_hashed;
  m_new[p] = {{"key", key}, {"sha256", h}};
  return h;
}

void HashCache::save() {
  if (m_file.empty() || m_new.empty()) return;
  std::error_code ec;
  fs::create_directories(m_file.parent_path(), ec);
  util::FileLock lock(m_file.parent_path());
  nlohmann::json merged = nlohmann::json::object();
  if (fs::exists(m_file, ec)) {
    try {
      merged = util::load_document(m_file);
    } catch (const Error&) {
    }
    if (!merged.is_object()) merged = nlohmann::json::object();
  }
  merged.update(m_new);
  util::write_file_atomic(m_file, merged.dump() + "\n");
  m_entries = std::move(merged);
  m_new = nlohmann::json::object();
}

void verify_files(const store::Entry& entry, HashCache& cache) {
  for (const auto& f : declared_files(entry)) {
    std::error_code ec;
    if (!fs::is_regular_file(f.path, ec)) {
      std::string pkg = package_name(entry.meta);
      throw Error(ExitCode::not_found, entry.cid(), "file '" + f.path.string() + "' is missing",
                  !f.in_entry && !pkg.empty() ? "install the Debian package '" + pkg + "' (apt-get install " + pkg + ")"
                                              : "");
    }
    if (f.size && fs::file_size(f.path, ec) != *f.size)
      throw Error(ExitCode::invalid_data, f.path.string(),
                  "size mismatch: " + std::to_string(fs::file_size(f.path, ec)) + " bytes, " + entry.cid() +
                      " records " + std::to_string(*f.size));
    std::string actual = cache.sha256(f.path);
    if (actual != f.sha256)
      throw Error(ExitCode::invalid_data, f.path.string(),
                  "sha256 mismatch: file has " + actual + ", " + entry.cid() + " records " + f.sha256);
  }
}

}  // namespace request::dataset
