#include "lib/util/file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

#include "lib/util/error.hpp"

namespace request::util {

FileLock::FileLock(const std::filesystem::path& path, Mode mode) {
  m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (m_fd < 0) throw Error(ExitCode::failed, path.string(), "cannot open for locking: " + errno_text(errno));
  int op = mode == Mode::exclusive ? LOCK_EX : LOCK_SH;
  while (::flock(m_fd, op) != 0) {
    if (errno == EINTR) continue;
    int err = errno;
    ::close(m_fd);
    m_fd = -1;
    throw Error(ExitCode::failed, path.string(), "cannot lock: " + errno_text(err));
  }
}

FileLock::~FileLock() {
  if (m_fd >= 0) ::close(m_fd);  // closing releases the lock
}

FileLock::FileLock(FileLock&& other) noexcept : m_fd(other.m_fd) { other.m_fd = -1; }

}  // namespace request::util
