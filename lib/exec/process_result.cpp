#include "lib/exec/process_result.hpp"

#include <csignal>

#include <fmt/format.h>

namespace request::exec {

bool ProcessResult::ok() const {
  return spawn_error.empty() && exit_code == 0 && !timed_out && !interrupted && !memory_limited;
}

std::string ProcessResult::describe() const {
  if (!spawn_error.empty()) return "spawn failed: " + spawn_error;
  if (interrupted) return "interrupted";
  if (timed_out) return "timeout";
  std::string how = exit_code ? fmt::format("exit {}", *exit_code)
                    : term_signal ? fmt::format("signal {} ({})", *term_signal, signal_name(*term_signal))
                                  : std::string("unknown");
  return memory_limited ? "memory limit (" + how + ")" : how;
}

std::string signal_name(int sig) {
  switch (sig) {
  case SIGHUP: return "SIGHUP";
  case SIGINT: return "SIGINT";
  case SIGQUIT: return "SIGQUIT";
  case SIGILL: return "SIGILL";
  case SIGTRAP: return "SIGTRAP";
  case SIGABRT: return "SIGABRT";
  case SIGBUS: return "SIGBUS";
  case SIGFPE: return "SIGFPE";
  case SIGKILL: return "SIGKILL";
  case SIGUSR1: return "SIGUSR1";
  case SIGSEGV: return "SIGSEGV";
  case SIGUSR2: return "SIGUSR2";
  case SIGPIPE: return "SIGPIPE";
  case SIGALRM: return "SIGALRM";
  case SIGTERM: return "SIGTERM";
  case SIGXCPU: return "SIGXCPU";
  case SIGXFSZ: return "SIGXFSZ";
  default: return fmt::format("signal {}", sig);
  }
}

}  // namespace request::exec
