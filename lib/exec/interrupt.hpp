#pragma once
// SIGINT/SIGTERM handling for commands that run children (ccache's
// signalhandler): the handler only records the signal and wakes the runner,
// which stops the running child group; the caller checks interrupted() and
// exits 130 without writing partial results. Commands that run children must
// hold a guard: each child leads its own process group, so a terminal's Ctrl-C
// reaches request only, and without a guard request would die and leave the
// child running.
#include <csignal>

namespace request::exec {

// Installs the handlers for its lifetime and restores the previous ones after.
// At most one guard may be alive at a time (nesting throws std::logic_error).
class InterruptGuard {
public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
  struct sigaction m_old_int {};
  struct sigaction m_old_term {};
};

// True once SIGINT or SIGTERM arrived while a guard was alive.
bool interrupted();
// The signal that interrupted us (SIGINT or SIGTERM), 0 when none.
int interrupt_signal();
// Forget a recorded interrupt (tests, or a caller that handled it).
void clear_interrupt();
// Read end of the self-pipe written by the handler (poll it to wake up), -1 without a guard.
int interrupt_wakeup_fd();

}  // namespace request::exec
