#include "lib/exec/interrupt.hpp"

#include <atomic>
#include <cerrno>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

#include "lib/util/error.hpp"

namespace request::exec {

namespace {

volatile std::sig_atomic_t g_signal = 0;
std::atomic<int> g_wake_read{-1};
std::atomic<int> g_wake_write{-1};
std::atomic<bool> g_guard_alive{false};

extern "C" void on_interrupt(int sig) {
  const int saved = errno;
  g_signal = sig;
  const int fd = g_wake_write.load(std::memory_order_relaxed);
  if (fd >= 0) {
    const char byte = 1;
    [[maybe_unused]] ssize_t n = ::write(fd, &byte, 1);  // non-blocking; a full pipe already wakes
  }
  errno = saved;
}

}  // namespace

InterruptGuard::InterruptGuard() {
  if (g_guard_alive.exchange(true)) throw std::logic_error("InterruptGuard: already installed");
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) {
    g_guard_alive = false;
    throw Error(ExitCode::failed, "interrupt", "cannot create a pipe: " + errno_text(errno));
  }
  g_wake_read = fds[0];
  g_wake_write = fds[1];
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: blocking calls return EINTR and see the flag
  if (::sigaction(SIGINT, &sa, &m_old_int) != 0 || ::sigaction(SIGTERM, &sa, &m_old_term) != 0) {
    const int err = errno;
    ::sigaction(SIGINT, &m_old_int, nullptr);
    ::close(fds[0]);
    ::close(fds[1]);
    g_wake_read = g_wake_write = -1;
    g_guard_alive = false;
    throw Error(ExitCode::failed, "interrupt", "cannot install signal handlers: " + errno_text(err));
  }
}

InterruptGuard::~InterruptGuard() {
  ::sigaction(SIGINT, &m_old_int, nullptr);
  ::sigaction(SIGTERM, &m_old_term, nullptr);
  const int r = g_wake_read.exchange(-1);
  const int w = g_wake_write.exchange(-1);
  if (r >= 0) ::close(r);
  if (w >= 0) ::close(w);
  g_guard_alive = false;
}

bool interrupted() { return g_signal != 0; }

int interrupt_signal() { return g_signal; }

void clear_interrupt() {
  g_signal = 0;
  const int fd = g_wake_read.load();
  if (fd >= 0) {
    char buf[64];
    while (::read(fd, buf, sizeof buf) > 0) {
    }
  }
}

int interrupt_wakeup_fd() { return g_wake_read.load(); }

}  // namespace request::exec
