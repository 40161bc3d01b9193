// The real runner against real processes: every claim of docs/measurement.md.
#include "lib/exec/subprocess_runner.hpp"

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "lib/util/atomic_file.hpp"
#include "lib/util/strings.hpp"
#include "tests/unit/testutil.hpp"

using namespace request;
using namespace request::exec;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const std::string k_data = std::string(REQUEST_TEST_DATA) + "/exec";

ProcessSpec sh(const std::string& script) {
  ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", script};
  spec.env = {{"PATH", "/usr/local/bin:/usr/bin:/bin"}};
  spec.out.mode = OutputMode::capture;
  spec.err.mode = OutputMode::capture;
  return spec;
}

// A process is gone when /proc has no entry for it or it is an unreaped zombie
// (pid 1 of a container may not reap orphans).
bool process_gone(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  if (!in) return true;
  std::string line;
  std::getline(in, line);
  const auto paren = line.rfind(')');
  return paren != std::string::npos && paren + 2 < line.size() && line[paren + 2] == 'Z';
}

bool eventually_gone(pid_t pid) {
  for (int i = 0; i < 200; ++i) {
    if (process_gone(pid)) return true;
    std::this_thread::sleep_for(10ms);
  }
  return false;
}

pid_t read_pid(const fs::path& file) {
  for (int i = 0; i < 200; ++i) {
    std::ifstream in(file);
    pid_t pid = 0;
    if (in >> pid && pid > 0) return pid;
    std::this_thread::sleep_for(10ms);
  }
  return 0;
}

}  // namespace

TEST_CASE("exec: a successful child is measured", "[exec]") {
  SubprocessRunner runner;
  const ProcessResult r = runner.run(sh("echo hello; echo oops >&2"));
  CHECK(r.spawn_error.empty());
  CHECK(r.ok());
  CHECK(r.exit_code == 0);
  CHECK_FALSE(r.term_signal);
  CHECK(r.out == "hello\n");
  CHECK(r.err == "oops\n");
  CHECK(r.wall_s > 0);
  CHECK(r.max_rss_bytes > 0);
  CHECK(r.describe() == "exit 0");
}

TEST_CASE("exec: a non-zero exit is reported as a code, not a signal", "[exec]") {
  SubprocessRunner runner;
  const ProcessResult r = runner.run(sh("exit 3"));
  CHECK_FALSE(r.ok());
  CHECK(r.exit_code == 3);
  CHECK_FALSE(r.term_signal);
  CHECK_FALSE(r.timed_out);
  CHECK(r.describe() == "exit 3");
}

TEST_CASE("exec: a crash is reported as a signal, not a code", "[exec]") {
  SubprocessRunner runner;
  const ProcessResult r = runner.run(sh("kill -SEGV $$"));
  CHECK_FALSE(r.ok());
  CHECK_FALSE(r.exit_code);
  REQUIRE(r.term_signal);
  CHECK(*r.term_signal == SIGSEGV);
  CHECK(r.describe() == "signal 11 (SIGSEGV)");
  CHECK_FALSE(r.memory_limited);  // no limit was set
}

TEST_CASE("exec: wall, user and system time and peak RSS come from the child", "[exec]") {
  SubprocessRunner runner;
  SECTION("sleeping costs wall time, not CPU") {
    ProcessSpec spec = sh("sleep 0.3");
    const ProcessResult r = runner.run(spec);
    CHECK(r.ok());
    CHECK(r.wall_s >= 0.3);
    CHECK(r.wall_s < 3.0);
    CHECK(r.user_s + r.sys_s < 0.2);
  }
  SECTION("a busy loop costs user time") {
    const ProcessResult r = runner.run(sh("i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done"));
    CHECK(r.ok());
    CHECK(r.user_s > 0.02);
    CHECK(r.user_s <= r.wall_s * 1.05 + 0.01);
  }
  SECTION("a 48 MiB buffer shows in the peak RSS") {
    const ProcessResult r = runner.run(sh("exec dd if=/dev/zero of=/dev/null bs=48M count=1"));
    CHECK(r.ok());
    CHECK(r.max_rss_bytes >= 48u * 1024 * 1024);
  }
}

TEST_CASE("exec: the timeout kills the whole process group, grandchild included", "[exec]") {
  test::TempDir tmp;
  SubprocessRunner runner;
  SECTION("SIGTERM is enough for a well-behaved group") {
    ProcessSpec spec = sh("sleep 30 & echo $! > '" + (tmp / "pid").string() + "'; sleep 30");
    spec.timeout = 0.3s;
    const ProcessResult r = runner.run(spec);
    CHECK(r.timed_out);
    CHECK_FALSE(r.ok());
    CHECK(r.describe() == "timeout");
    REQUIRE(r.term_signal);
    CHECK(*r.term_signal == SIGTERM);
    CHECK(r.wall_s >= 0.3);
    CHECK(r.wall_s < 3.0);
    const pid_t grandchild = read_pid(tmp / "pid");
    REQUIRE(grandchild > 0);
    CHECK(eventually_gone(grandchild));
  }
  SECTION("a group that ignores SIGTERM gets SIGKILL after the grace period") {
    ProcessSpec spec;
    spec.argv = {k_data + "/ignore_term.sh", (tmp / "pid").string()};
    spec.env = {{"PATH", "/usr/bin:/bin"}};
    spec.timeout = 0.2s;
    spec.kill_grace = 300ms;
    const ProcessResult r = runner.run(spec);
    CHECK(r.timed_out);
    REQUIRE(r.term_signal);
    CHECK(*r.term_signal == SIGKILL);
    CHECK(r.wall_s >= 0.5);
    CHECK(r.wall_s < 5.0);
    const pid_t grandchild = read_pid(tmp / "pid");
    REQUIRE(grandchild > 0);
    CHECK(eventually_gone(grandchild));
  }
}

TEST_CASE("exec: nothing of a repetition outlives its leader", "[exec]") {
  test::TempDir tmp;
  SubprocessRunner runner;
  const ProcessResult r = runner.run(sh("sleep 30 & echo $! > '" + (tmp / "pid").string() + "'"));
  CHECK(r.ok());
  CHECK(r.wall_s < 5.0);
  const pid_t leftover = read_pid(tmp / "pid");
  REQUIRE(leftover > 0);
  CHECK(eventually_gone(leftover));
}

TEST_CASE("exec: the memory limit stops the child and is reported as such", "[exec]") {
  SubprocessRunner runner;
  SECTION("an allocation beyond the limit fails") {
    ProcessSpec spec = sh("exec dd if=/dev/zero of=/dev/null bs=64M count=1");
    spec.memory_limit_bytes = 16u * 1024 * 1024;
    const ProcessResult r = runner.run(spec);
    CHECK_FALSE(r.ok());
    CHECK(r.memory_limited);
    CHECK(r.exit_code != 0);
    CHECK(r.err.find("memory exhausted") != std::string::npos);
    CHECK(util::starts_with(r.describe(), "memory limit ("));
  }
  SECTION("the same with stderr going to a file") {
    test::TempDir tmp;
    ProcessSpec spec = sh("exec dd if=/dev/zero of=/dev/null bs=64M count=1");
    spec.err = {OutputMode::file, tmp / "err.log"};
    spec.memory_limit_bytes = 16u * 1024 * 1024;
    const ProcessResult r = runner.run(spec);
    CHECK(r.memory_limited);
  }
  SECTION("under the limit the same program succeeds") {
    ProcessSpec spec = sh("exec dd if=/dev/zero of=/dev/null bs=1M count=1");
    spec.memory_limit_bytes = 256u * 1024 * 1024;
    const ProcessResult r = runner.run(spec);
    CHECK(r.ok());
    CHECK_FALSE(r.memory_limited);
  }
  SECTION("an unrelated failure under a limit is not blamed on memory") {
    ProcessSpec spec = sh("echo 'no such input' >&2; exit 2");
    spec.memory_limit_bytes = 256u * 1024 * 1024;
    const ProcessResult r = runner.run(spec);
    CHECK(r.exit_code == 2);
    CHECK_FALSE(r.memory_limited);
  }
  SECTION("the limit is RLIMIT_AS of the child, argv preserved") {
    ProcessSpec spec;
    spec.argv = {"sh", "-c", "ulimit -v; echo \"$0 $1\"", "zero", "one"};
    spec.env = {{"PATH", "/usr/bin:/bin"}};
    spec.out.mode = OutputMode::capture;
    spec.memory_limit_bytes = 100u * 1024 * 1024;
    const ProcessResult r = runner.run(spec);
    CHECK(r.ok());
    CHECK(r.out == "102400\nzero one\n");
  }
}

TEST_CASE("exec: lots of output is captured up to the cap without blocking the child", "[exec]") {
  SubprocessRunner runner;
  SECTION("captured") {
    ProcessSpec spec = sh("head -c 3000000 /dev/zero; head -c 2000000 /dev/zero >&2");
    spec.out.capture_limit = 1000;
    spec.err.capture_limit = 1u << 22;
    const ProcessResult r = runner.run(spec);
    CHECK(r.ok());
    CHECK(r.out.size() == 1000);
    CHECK(r.out_truncated);
    CHECK(r.err.size() == 2000000);
    CHECK_FALSE(r.err_truncated);
  }
  SECTION("to files") {
    test::TempDir tmp;
    ProcessSpec spec = sh("head -c 3000000 /dev/zero; echo done >&2");
    spec.out = {OutputMode::file, tmp / "out.bin"};
    spec.err = {OutputMode::file, tmp / "err.txt"};
    const ProcessResult r = runner.run(spec);
    CHECK(r.ok());
    CHECK(fs::file_size(tmp / "out.bin") == 3000000);
    CHECK(util::read_file(tmp / "err.txt") == "done\n");
    CHECK(r.out.empty());
  }
  SECTION("appended to a file") {
    test::TempDir tmp;
    test::write_text(tmp / "log", "before\n");
    ProcessSpec spec = sh("echo after");
    spec.out = {OutputMode::file, tmp / "log", true};
    CHECK(runner.run(spec).ok());
    CHECK(util::read_file(tmp / "log") == "before\nafter\n");
  }
  SECTION("discarded") {
    ProcessSpec spec = sh("head -c 3000000 /dev/zero");
    spec.out.mode = OutputMode::discard;
    const ProcessResult r = runner.run(spec);
    CHECK(r.ok());
    CHECK(r.out.empty());
  }
}

TEST_CASE("exec: the environment is explicit unless inheritance is asked for", "[exec]") {
  ::setenv("REQUEST_EXEC_TEST_PARENT", "from-parent", 1);
  SubprocessRunner runner;
  ProcessSpec spec = sh("echo \"[$REQUEST_EXEC_TEST_PARENT][$ONLY_CHILD]\"");
  spec.env["ONLY_CHILD"] = "x y";
  CHECK(runner.run(spec).out == "[][x y]\n");
  spec.inherit_env = true;
  CHECK(runner.run(spec).out == "[from-parent][x y]\n");
  spec.env["REQUEST_EXEC_TEST_PARENT"] = "overridden";
  CHECK(runner.run(spec).out == "[overridden][x y]\n");
  ::unsetenv("REQUEST_EXEC_TEST_PARENT");
}

TEST_CASE("exec: argv[0] is looked up in the child's PATH", "[exec]") {
  test::TempDir tmp;
  test::write_text(tmp / "bin" / "hello-tool", "#!/bin/sh\necho tool \"$@\"\n");
  fs::permissions(tmp / "bin" / "hello-tool", fs::perms::owner_all);
  SubprocessRunner runner;
  ProcessSpec spec;
  spec.argv = {"hello-tool", "a b"};
  spec.env = {{"PATH", (tmp / "bin").string() + ":/usr/bin:/bin"}};
  spec.out.mode = OutputMode::capture;
  const ProcessResult r = runner.run(spec);
  CHECK(r.ok());
  CHECK(r.out == "tool a b\n");
}

TEST_CASE("exec: the working directory is the one asked for", "[exec]") {
  test::TempDir tmp;
  SubprocessRunner runner;
  ProcessSpec spec = sh("pwd -P");
  spec.cwd = tmp.path();
  CHECK(runner.run(spec).out == fs::canonical(tmp.path()).string() + "\n");
  spec.cwd = tmp / "missing";
  const ProcessResult r = runner.run(spec);
  CHECK_FALSE(r.ok());
  CHECK(r.spawn_error.find("missing") != std::string::npos);
}

TEST_CASE("exec: a child that cannot start has a spawn error", "[exec]") {
  test::TempDir tmp;
  SubprocessRunner runner;
  ProcessSpec spec;
  spec.argv = {"request-no-such-program"};
  spec.env = {{"PATH", "/usr/bin:/bin"}};
  ProcessResult r = runner.run(spec);
  CHECK_FALSE(r.ok());
  CHECK(r.spawn_error == "command not found: 'request-no-such-program'");
  CHECK_FALSE(r.exit_code);
  CHECK(r.describe() == "spawn failed: command not found: 'request-no-such-program'");

  test::write_text(tmp / "not-exec", "#!/bin/sh\n");
  spec.argv = {(tmp / "not-exec").string()};
  r = runner.run(spec);
  CHECK(r.spawn_error.find("Permission denied") != std::string::npos);

  spec.argv = {"/bin/true"};
  spec.out = {OutputMode::file, tmp / "no" / "such" / "dir" / "out"};
  r = runner.run(spec);
  CHECK(r.spawn_error.find("cannot open") != std::string::npos);

  spec.argv.clear();
  CHECK(runner.run(spec).spawn_error == "empty command");
}

TEST_CASE("exec: stdin is /dev/null, the child leads its own group, no fd leaks", "[exec]") {
  SubprocessRunner runner;
  ProcessSpec spec = sh("cat; echo end");
  CHECK(runner.run(spec).out == "end\n");

  spec.argv = {"/bin/cat", "/proc/self/stat"};
  const std::string stat = runner.run(spec).out;
  const auto fields = util::split(stat.substr(stat.rfind(')') + 2), ' ');
  REQUIRE(fields.size() > 3);
  const std::string pid = util::split(stat, ' ')[0];
  CHECK(fields[2] == pid);  // pgrp == pid
  CHECK(fields[2] != std::to_string(::getpgrp()));

  const int leaked = ::open("/dev/null", O_RDONLY);  // deliberately without O_CLOEXEC
  REQUIRE(leaked >= 0);
  spec.argv = {"/bin/ls", "/proc/self/fd"};
  const std::string fds = runner.run(spec).out;
  ::close(leaked);
  CHECK(fds == "0\n1\n2\n3\n");  // 3 is ls's own directory handle
}

TEST_CASE("exec: signals ignored by the parent are default again in the child", "[exec]") {
  struct sigaction ignore {}, old {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  REQUIRE(::sigaction(SIGUSR1, &ignore, &old) == 0);
  SubprocessRunner runner;
  const ProcessResult r = runner.run(sh("kill -USR1 $$; sleep 1"));
  ::sigaction(SIGUSR1, &old, nullptr);
  REQUIRE(r.term_signal);
  CHECK(*r.term_signal == SIGUSR1);
}
