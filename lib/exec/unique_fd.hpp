#pragma once
// A file descriptor closed on destruction (internal to lib/exec).
#include <unistd.h>

namespace request::exec {

// Owns one fd; -1 means none.
class UniqueFd {
public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : m_fd(fd) {}
  ~UniqueFd() { reset(); }
  UniqueFd(UniqueFd&& other) noexcept : m_fd(other.release()) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    if (this != &other) reset(other.release());
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;

  int get() const { return m_fd; }
  explicit operator bool() const { return m_fd >= 0; }
  // Give up ownership without closing.
  int release() {
    const int fd = m_fd;
    m_fd = -1;
    return fd;
  }
  // Close the current fd (if any) and own `fd`.
  void reset(int fd = -1) {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = fd;
  }

private:
  int m_fd = -1;
};

}  // namespace request::exec
