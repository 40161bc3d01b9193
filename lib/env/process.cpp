#include "lib/env/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "lib/util/error.hpp"

extern char** environ;

namespace request::env {

namespace {

using Clock = std::chrono::steady_clock;

// One running child and its pipe.
struct Child {
  pid_t pid = -1;
  int fd = -1;  // read end, -1 once closed
  bool reaped = false;
};

// The parent's environment with LC_ALL=C (and LANGUAGE removed).
std::vector<std::string> child_environment() {
  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string_view kv(*e);
    if (kv.starts_with("LC_ALL=") || kv.starts_with("LANGUAGE=")) continue;
    env.emplace_back(kv);
  }
  env.emplace_back("LC_ALL=C");
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Spawn one command with its stdout on a fresh pipe; fills result.error on failure.
Child spawn_captured(const CaptureCommand& cmd, std::vector<char*>& envp, CaptureResult& result) {
  Child child;
  if (cmd.argv.empty()) {
    result.error = "empty command";
    return child;
  }
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    result.error = "pipe: " + errno_text(errno);
    return child;
  }
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  ::posix_spawn_file_actions_init(&actions);
  ::posix_spawnattr_init(&attr);
  ::posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  ::posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  if (cmd.merge_stderr) ::posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
  else ::posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  sigset_t empty;
  sigset_t defaults;
  sigemptyset(&empty);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  ::posix_spawnattr_setsigmask(&attr, &empty);
  ::posix_spawnattr_setsigdefault(&attr, &defaults);
  ::posix_spawnattr_setpgroup(&attr, 0);
  ::posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::vector<std::string> args = cmd.argv;
  std::vector<char*> argv = c_strings(args);
  pid_t pid = -1;
  int rc = ::posix_spawnp(&pid, argv[0], &actions, &attr, argv.data(), envp.data());
  ::posix_spawn_file_actions_destroy(&actions);
  ::posix_spawnattr_destroy(&attr);
  ::close(fds[1]);
  if (rc != 0) {
    ::close(fds[0]);
    result.error = "cannot run '" + cmd.argv[0] + "': " + errno_text(rc);
    return child;
  }
  result.started = true;
  child.pid = pid;
  child.fd = fds[0];
  return child;
}

void record_status(int status, CaptureResult& r) {
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
}

// Try to reap a child without blocking (or blocking when `block`).
void reap(Child& c, CaptureResult& r, bool block) {
  if (c.pid <= 0 || c.reaped) return;
  int status = 0;
  pid_t got;
  do {
    got = ::waitpid(c.pid, &status, block ? 0 : WNOHANG);
  } while (got < 0 && errno == EINTR);
  if (got == c.pid) {
    c.reaped = true;
    record_status(status, r);
  } else if (got < 0) {
    c.reaped = true;  // not our child any more (ECHILD): nothing left to wait for
  }
}

void drain(Child& c, CaptureResult& r) {
  char buf[8192];
  ssize_t n = ::read(c.fd, buf, sizeof buf);
  if (n > 0) {
    size_t room = k_max_capture > r.output.size() ? k_max_capture - r.output.size() : 0;
    r.output.append(buf, std::min(room, static_cast<size_t>(n)));
    return;
  }
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
  ::close(c.fd);
  c.fd = -1;
}

}  // namespace

std::string CaptureResult::failure_text(int timeout_ms) const {
  if (!started) return error;
  if (timed_out) return "timed out after " + std::to_string(timeout_ms) + " ms";
  if (signal) return "killed by signal " + std::to_string(signal);
  return "exit code " + std::to_string(exit_code);
}

std::vector<CaptureResult> capture_all(const std::vector<CaptureCommand>& commands, int timeout_ms) {
  std::vector<CaptureResult> results(commands.size());
  std::vector<Child> children(commands.size());
  std::vector<std::string> env_strings = child_environment();
  std::vector<char*> envp = c_strings(env_strings);
  for (size_t i = 0; i < commands.size(); ++i) children[i] = spawn_captured(commands[i], envp, results[i]);

  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    std::vector<pollfd> pfds;
    std::vector<size_t> owner;
    bool waiting = false;
    for (size_t i = 0; i < children.size(); ++i) {
      Child& c = children[i];
      if (c.fd >= 0) {
        pfds.push_back({c.fd, POLLIN, 0});
        owner.push_back(i);
      } else {
        reap(c, results[i], false);
      }
      if (c.pid > 0 && !c.reaped) waiting = true;
    }
    if (!waiting) break;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) break;
    if (pfds.empty()) {
      // Output closed but still running: poll the exit status gently.
      std::this_thread::sleep_for(std::chrono::milliseconds(std::min<long long>(left, 2)));
      continue;
    }
    int n = ::poll(pfds.data(), pfds.size(), static_cast<int>(std::min<long long>(left, 50)));
    if (n < 0 && errno != EINTR) break;
    for (size_t k = 0; k < pfds.size(); ++k)
      if (pfds[k].revents) drain(children[owner[k]], results[owner[k]]);
  }
  for (size_t i = 0; i < children.size(); ++i) {
    Child& c = children[i];
    if (c.pid > 0 && !c.reaped) {
      results[i].timed_out = true;
      ::kill(-c.pid, SIGKILL);
      ::kill(c.pid, SIGKILL);
      reap(c, results[i], true);
    }
    if (c.fd >= 0) ::close(c.fd);
  }
  return results;
}

CaptureResult capture(const CaptureCommand& command, int timeout_ms) {
  return capture_all({command}, timeout_ms).front();
}

}  // namespace request::env
