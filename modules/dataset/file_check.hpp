#pragma once
// The files a dataset or model entry declares, and their verification against
// the recorded size and sha256 (cached by path, size and mtime).
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lib/store/entry.hpp"

namespace request::dataset {

struct DeclaredFile {
  std::filesystem::path path;  // absolute
  std::string sha256;
  std::optional<uint64_t> size;
  bool in_entry = false;  // false: installed elsewhere (e.g. by a Debian package)
};

// `files` of the entry's meta; relative paths must stay inside the entry (exit 4).
std::vector<DeclaredFile> declared_files(const store::Entry& entry);

// sha256 of files keyed by (path, size, mtime), persisted in one JSON file.
class HashCache {
public:
  // `file` empty: an in-memory cache only.
  explicit HashCache(std::filesystem::path file = {});
  // Hash of `path`, from the cache when size and mtime still match.
  std::string sha256(const std::filesystem::path& path);
  // Merge new hashes into the file (under a lock, atomically).
  void save();
  size_t hashed() const { return m_hashed; }  // files actually read this time

private:
  std::filesystem::path m_file;
  nlohmann::json m_entries = nlohmann::json::object();
  nlohmann::json m_new = nlohmann::json::object();
  size_t m_hashed = 0;
};

// Check every declared file: missing → Error(not_found) (with the package to
// install when named); size or hash mismatch → Error(invalid_data) naming the
// file, the expected and the actual hash.
void verify_files(const store::Entry& entry, HashCache& cache);

}  // namespace request::dataset
