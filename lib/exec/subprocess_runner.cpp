#include "lib/exec/subprocess_runner.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <optional>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "lib/exec/interrupt.hpp"
#include "lib/exec/program_path.hpp"
#include "lib/exec/unique_fd.hpp"
#include "lib/util/error.hpp"

namespace request::exec {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* k_default_path = "/usr/local/bin:/usr/bin:/bin";
// After the leader exits, how long we keep reading pipes that an escaped
// descendant (one that left the process group) may still hold open.
constexpr std::chrono::milliseconds k_drain_limit{1000};
// Poll period when the kernel has no pidfd_open (Linux < 5.3).
constexpr int k_fallback_poll_ms = 5;

double seconds(const timeval& tv) { return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6; }

// posix_spawn attributes and file actions, destroyed on scope exit.
class SpawnSetup {
public:
  SpawnSetup() {
    if (int e = ::posix_spawnattr_init(&m_attr)) throw Error(ExitCode::failed, "exec", "posix_spawnattr_init: " + errno_text(e));
    if (int e = ::posix_spawn_file_actions_init(&m_actions)) {
      ::posix_spawnattr_destroy(&m_attr);
      throw Error(ExitCode::failed, "exec", "posix_spawn_file_actions_init: " + errno_text(e));
    }
  }
  ~SpawnSetup() {
    ::posix_spawn_file_actions_destroy(&m_actions);
    ::posix_spawnattr_destroy(&m_attr);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
  posix_spawnattr_t m_attr;
  posix_spawn_file_actions_t m_actions;
};

// Throws on a non-zero posix_spawn* return value (they return the error number).
void check(int err, const char* what) {
  if (err != 0) throw Error(ExitCode::failed, "exec", std::string(what) + ": " + errno_text(err));
}

// One output stream of the child as seen by the parent.
struct Stream {
  UniqueFd child_end;   // dup'ed onto fd 1 or 2 in the child
  UniqueFd read_end;    // capture only
  std::string* text = nullptr;
  bool* truncated = nullptr;
  size_t limit = 0;

  void read_available() {
    std::array<char, 65536> buf;
    for (;;) {
      const ssize_t n = ::read(read_end.get(), buf.data(), buf.size());
      if (n > 0) {
        const size_t keep = std::min(static_cast<size_t>(n), limit - std::min(limit, text->size()));
        text->append(buf.data(), keep);
        if (keep < static_cast<size_t>(n)) *truncated = true;
        continue;
      }
      if (n == 0) {
        read_end.reset();  // EOF
      } else if (errno == EINTR) {
        continue;
      }
      return;  // EAGAIN: nothing more for now
    }
  }
};

// Opens what the child's fd 1 or 2 will be; returns an error text on failure.
std::string open_output(const OutputSpec& spec, Stream& stream, std::string& text, bool& truncated) {
  switch (spec.mode) {
  case OutputMode::discard:
    stream.child_end.reset(::open("/dev/null", O_WRONLY | O_CLOEXEC));
    if (!stream.child_end) return "cannot open /dev/null: " + errno_text(errno);
    return {};
  case OutputMode::file: {
    const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (spec.append ? O_APPEND : O_TRUNC);
    stream.child_end.reset(::open(spec.path.c_str(), flags, 0644));
    if (!stream.child_end) return fmt::format("cannot open '{}': {}", spec.path.string(), errno_text(errno));
    return {};
  }
  case OutputMode::capture: {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return "cannot create a pipe: " + errno_text(errno);
    stream.read_end.reset(fds[0]);
    stream.child_end.reset(fds[1]);
    if (::fcntl(fds[0], F_SETFL, O_NONBLOCK) != 0) return "cannot set O_NONBLOCK: " + errno_text(errno);
    stream.text = &text;
    stream.truncated = &truncated;
    stream.limit = spec.capture_limit;
    return {};
  }
  }
  return "unknown output mode";
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The last bytes of what the child wrote to stderr, when we can see it.
std::string stderr_tail(const OutputSpec& spec, const std::string& captured) {
  constexpr size_t k_tail = 4096;
  if (spec.mode == OutputMode::capture) return captured.size() > k_tail ? captured.substr(captured.size() - k_tail) : captured;
  if (spec.mode != OutputMode::file) return {};
  std::ifstream in(spec.path, std::ios::binary | std::ios::ate);
  if (!in) return {};
  const auto size = static_cast<size_t>(in.tellg());
  const size_t from = size > k_tail ? size - k_tail : 0;
  in.seekg(static_cast<std::streamoff>(from));
  std::string tail(size - from, '\0');
  in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  return tail;
}

// RLIMIT_AS gives no kill event, so this is inferred: see docs/measurement.md.
bool failed_from_memory_limit(const ProcessResult& r, const ProcessSpec& spec) {
  if (r.timed_out || r.interrupted) return false;
  if (r.term_signal) {
    const int s = *r.term_signal;
    return s == SIGSEGV || s == SIGABRT || s == SIGBUS || s == SIGKILL;
  }
  if (!r.exit_code || *r.exit_code == 0) return false;
  const std::string tail = lower(stderr_tail(spec.err, r.err));
  for (const char* phrase : {"out of memory", "cannot allocate memory", "memory exhausted", "bad_alloc",
                             "memoryerror", "failed to allocate", "allocation failed"}) {
    if (tail.find(phrase) != std::string::npos) return true;
  }
  return false;
}

int ms_until(Clock::time_point t) {
  const auto ms = std::chrono::ceil<std::chrono::milliseconds>(t - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(ms, 0, 1'000'000));
}

}  // namespace

std::vector<std::string> memory_limit_shim(uint64_t limit_bytes, const std::string& program,
                                           const std::vector<std::string>& argv) {
  const uint64_t kib = std::max<uint64_t>(1, limit_bytes / 1024);
  std::vector<std::string> out{"/bin/sh", "-c", fmt::format("ulimit -v {} && exec \"$@\"", kib),
                               "request-memory-limit", program};
  out.insert(out.end(), argv.begin() + (argv.empty() ? 0 : 1), argv.end());
  return out;
}

ProcessResult SubprocessRunner::run(const ProcessSpec& spec) {
  ProcessResult r;
  if (spec.argv.empty()) {
    r.spawn_error = "empty command";
    return r;
  }
  if (interrupted()) {
    r.interrupted = true;
    r.spawn_error = "not started: interrupted";
    return r;
  }

  // Environment: explicit unless inheritance was asked for.
  std::map<std::string, std::string> env = spec.inherit_env ? current_environment() : std::map<std::string, std::string>{};
  for (const auto& [k, v] : spec.env) env[k] = v;
  std::string path_var = k_default_path;
  if (auto it = env.find("PATH"); it != env.end()) {
    path_var = it->second;
  } else if (const char* p = std::getenv("PATH")) {
    path_var = p;
  }
  const auto program = find_program(spec.argv[0], path_var);
  if (!program) {
    r.spawn_error = fmt::format("command not found: '{}'", spec.argv[0]);
    return r;
  }
  const std::vector<std::string> args =
    spec.memory_limit_bytes ? memory_limit_shim(*spec.memory_limit_bytes, program->string(), spec.argv) : spec.argv;
  const std::string exe = spec.memory_limit_bytes ? std::string("/bin/sh") : program->string();

  std::vector<std::string> env_strings;
  env_strings.reserve(env.size());
  for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> arg_copy = args;
  std::vector<char*> argvp;
  for (auto& s : arg_copy) argvp.push_back(s.data());
  argvp.push_back(nullptr);

  // File descriptors: stdin from /dev/null, stdout/stderr as asked.
  UniqueFd in_fd(::open("/dev/null", O_RDONLY | O_CLOEXEC));
  if (!in_fd) {
    r.spawn_error = "cannot open /dev/null: " + errno_text(errno);
    return r;
  }
  Stream out, err;
  if (std::string e = open_output(spec.out, out, r.out, r.out_truncated); !e.empty()) {
    r.spawn_error = e;
    return r;
  }
  if (std::string e = open_output(spec.err, err, r.err, r.err_truncated); !e.empty()) {
    r.spawn_error = e;
    return r;
  }

  SpawnSetup setup;
  check(::posix_spawn_file_actions_adddup2(&setup.m_actions, in_fd.get(), 0), "posix_spawn_file_actions_adddup2");
  check(::posix_spawn_file_actions_adddup2(&setup.m_actions, out.child_end.get(), 1), "posix_spawn_file_actions_adddup2");
  check(::posix_spawn_file_actions_adddup2(&setup.m_actions, err.child_end.get(), 2), "posix_spawn_file_actions_adddup2");
  if (!spec.cwd.empty()) {
    check(::posix_spawn_file_actions_addchdir_np(&setup.m_actions, spec.cwd.c_str()), "posix_spawn_file_actions_addchdir_np");
  }
  // Everything above 2 is closed even if someone forgot O_CLOEXEC.
  check(::posix_spawn_file_actions_addclosefrom_np(&setup.m_actions, 3), "posix_spawn_file_actions_addclosefrom_np");
  sigset_t mask;
  sigemptyset(&mask);
  check(::posix_spawnattr_setsigmask(&setup.m_attr, &mask), "posix_spawnattr_setsigmask");
  sigset_t defaults;
  sigfillset(&defaults);
  sigdelset(&defaults, SIGKILL);
  sigdelset(&defaults, SIGSTOP);
  check(::posix_spawnattr_setsigdefault(&setup.m_attr, &defaults), "posix_spawnattr_setsigdefault");
  check(::posix_spawnattr_setpgroup(&setup.m_attr, 0), "posix_spawnattr_setpgroup");
  check(::posix_spawnattr_setflags(&setup.m_attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF),
        "posix_spawnattr_setflags");

  pid_t pid = -1;
  const auto start = Clock::now();
  if (int e = ::posix_spawn(&pid, exe.c_str(), &setup.m_actions, &setup.m_attr, argvp.data(), envp.data())) {
    r.spawn_error = spec.cwd.empty() || e != ENOENT
                      ? fmt::format("cannot run '{}': {}", program->string(), errno_text(e))
                      : fmt::format("cannot run '{}' in '{}': {}", program->string(), spec.cwd.string(), errno_text(e));
    return r;
  }
  in_fd.reset();
  out.child_end.reset();
  err.child_end.reset();

  // pidfd: poll()able exit notification without reaping, so the process group
  // id stays ours until we have killed what is left of the group.
  UniqueFd pidfd(static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)));

  std::optional<Clock::time_point> deadline;
  if (spec.timeout) deadline = start + std::chrono::duration_cast<Clock::duration>(*spec.timeout);
  std::optional<Clock::time_point> kill_at;
  bool killed = false;
  bool exited = false;
  auto end = start;

  const auto stop_group = [&](bool by_interrupt) {
    (by_interrupt ? r.interrupted : r.timed_out) = true;
    ::kill(-pid, SIGTERM);
    kill_at = Clock::now() + spec.kill_grace;
  };

  while (!exited) {
    std::array<pollfd, 4> fds{};
    nfds_t n = 0;
    const int pidfd_slot = pidfd ? static_cast<int>(n) : -1;
    if (pidfd) fds[n++] = {pidfd.get(), POLLIN, 0};
    const int out_slot = out.read_end ? static_cast<int>(n) : -1;
    if (out.read_end) fds[n++] = {out.read_end.get(), POLLIN, 0};
    const int err_slot = err.read_end ? static_cast<int>(n) : -1;
    if (err.read_end) fds[n++] = {err.read_end.get(), POLLIN, 0};
    const int wake = interrupt_wakeup_fd();
    if (wake >= 0 && !kill_at) fds[n++] = {wake, POLLIN, 0};

    int timeout_ms = pidfd ? -1 : k_fallback_poll_ms;
    if (kill_at && !killed) {
      timeout_ms = timeout_ms < 0 ? ms_until(*kill_at) : std::min(timeout_ms, ms_until(*kill_at));
    } else if (deadline && !kill_at) {
      timeout_ms = timeout_ms < 0 ? ms_until(*deadline) : std::min(timeout_ms, ms_until(*deadline));
    }
    if (!(interrupted() && !kill_at)) {
      const int rc = ::poll(fds.data(), n, timeout_ms);
      if (rc < 0 && errno != EINTR) throw Error(ExitCode::failed, "exec", "poll: " + errno_text(errno));
      if (rc > 0) {
        if (out_slot >= 0 && fds[static_cast<size_t>(out_slot)].revents) out.read_available();
        if (err_slot >= 0 && fds[static_cast<size_t>(err_slot)].revents) err.read_available();
        if (pidfd_slot >= 0 && fds[static_cast<size_t>(pidfd_slot)].revents) exited = true;
      }
    }
    if (!pidfd && !exited) {
      siginfo_t info{};
      if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid) exited = true;
    }
    if (exited) {
      end = Clock::now();
      break;
    }
    if (interrupted() && !kill_at) stop_group(true);
    if (deadline && !kill_at && Clock::now() >= *deadline) stop_group(false);
    if (kill_at && !killed && Clock::now() >= *kill_at) {
      ::kill(-pid, SIGKILL);
      killed = true;
    }
  }

  // The leader is a zombie: its group id cannot be reused yet. Nothing of a
  // repetition outlives it (see docs/measurement.md).
  ::kill(-pid, SIGKILL);

  int status = 0;
  rusage ru{};
  for (;;) {
    const pid_t w = ::wait4(pid, &status, 0, &ru);
    if (w == pid) break;
    if (w < 0 && errno == EINTR) continue;
    throw Error(ExitCode::failed, "exec", fmt::format("wait4 {}: {}", pid, errno_text(errno)));
  }
  r.wall_s = std::chrono::duration<double>(end - start).count();
  r.user_s = seconds(ru.ru_utime);
  r.sys_s = seconds(ru.ru_stime);
  r.max_rss_bytes = static_cast<uint64_t>(ru.ru_maxrss) * 1024;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.term_signal = WTERMSIG(status);

  // Read what is left in the pipes, bounded in case a descendant escaped the group.
  const auto drain_until = Clock::now() + k_drain_limit;
  while ((out.read_end || err.read_end) && Clock::now() < drain_until) {
    std::array<pollfd, 2> fds{};
    nfds_t n = 0;
    if (out.read_end) fds[n++] = {out.read_end.get(), POLLIN, 0};
    if (err.read_end) fds[n++] = {err.read_end.get(), POLLIN, 0};
    const int rc = ::poll(fds.data(), n, ms_until(drain_until));
    if (rc < 0 && errno != EINTR) break;
    if (rc <= 0) continue;
    if (out.read_end) out.read_available();
    if (err.read_end) err.read_available();
  }

  if (spec.memory_limit_bytes) r.memory_limited = failed_from_memory_limit(r, spec);
  return r;
}

}  // namespace request::exec
