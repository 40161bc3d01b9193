#pragma once
// Atomic file replacement: temporary file in the same directory, fsync, rename,
// fsync of the directory. A crash leaves the old or the new content, never half.
#include <filesystem>
#include <string>
#include <string_view>

namespace request::util {

// Prefix of every temporary name we create; readers skip names starting with '.'.
inline constexpr std::string_view k_temp_prefix = ".tmp-";

// Whether a commit waits for the data to reach the disk (fsync of file and
// directory). Caches that are checked on every read may skip it.
enum class Durability { durable, cache };

class AtomicFile {
public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();  // removes the temporary unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view data);
  // fsync, rename over the target, fsync the directory (no fsyncs for Durability::cache).
  void commit(Durability durability = Durability::durable);

private:
  std::filesystem::path m_target;
  std::filesystem::path m_temp;
  int m_fd = -1;
  bool m_committed = false;
};

// Replace `target` atomically with `data`.
void write_file_atomic(const std::filesystem::path& target, std::string_view data,
                       Durability durability = Durability::durable);

// Remove the temporaries AtomicFile left for `target` when its writer died
// (.tmp-<name>-XXXXXX). Only safe while holding the lock every writer of
// `target` holds, so that no live writer owns one.
void remove_dead_temporaries(const std::filesystem::path& target);

// fsync a directory so a rename inside it is durable.
void fsync_directory(const std::filesystem::path& dir);

// Read a whole file; throws Error(not_found / failed) naming the path.
std::string read_file(const std::filesystem::path& path);

// A fresh temporary directory name inside `dir` (created, mode 0700).
std::filesystem::path make_temp_dir(const std::filesystem::path& dir);

}  // namespace request::util
