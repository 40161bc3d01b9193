#pragma once
// SIGINT/SIGTERM during a network transfer: while an InterruptGuard lives, the
// signals only set a flag; libgit2's callbacks see it and stop the transfer,
// so the caller can remove its temporary folder and exit with code 130.
namespace request::git {

class InterruptGuard {
public:
  // Installs the handlers (nested guards share them; the outermost restores the old ones).
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};

// True once SIGINT or SIGTERM arrived while a guard was alive.
bool interrupted();

}  // namespace request::git
