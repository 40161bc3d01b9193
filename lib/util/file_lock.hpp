#pragma once
// Advisory whole-file locks (flock). Works on directories too, so a repository
// or a module folder can be locked without leaving lock files in a git tree.
#include <filesystem>

namespace request::util {

class FileLock {
public:
  enum class Mode { shared, exclusive };
  // Blocks until the lock is held. `path` must exist (file or directory).
  FileLock(const std::filesystem::path& path, Mode mode = Mode::exclusive);
  ~FileLock();
  FileLock(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  FileLock& operator=(FileLock&&) = delete;

private:
  int m_fd = -1;
};

}  // namespace request::util
