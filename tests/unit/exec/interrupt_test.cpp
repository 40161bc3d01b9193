// Real SIGINT/SIGTERM delivered while a child runs.
#include "lib/exec/interrupt.hpp"

#include <chrono>
#include <csignal>
#include <thread>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "lib/exec/subprocess_runner.hpp"

using namespace request::exec;
using namespace std::chrono_literals;

namespace {

ProcessSpec sh(const std::string& script) {
  ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", script};
  spec.env = {{"PATH", "/usr/bin:/bin"}};
  return spec;
}

extern "C" void custom_handler(int) {}

}  // namespace

TEST_CASE("interrupt: SIGINT from the child stops the group and sets the flag", "[exec][interrupt]") {
  InterruptGuard guard;
  clear_interrupt();
  SubprocessRunner runner;
  // $PPID of the shell is this test process: a real, external SIGINT.
  const ProcessResult r = runner.run(sh("kill -INT $PPID; sleep 30"));
  CHECK(interrupted());
  CHECK(interrupt_signal() == SIGINT);
  CHECK(r.interrupted);
  CHECK_FALSE(r.timed_out);
  CHECK_FALSE(r.ok());
  CHECK(r.describe() == "interrupted");
  CHECK(r.wall_s < 5.0);
  REQUIRE(r.term_signal);
  CHECK(*r.term_signal == SIGTERM);

  // Once interrupted, nothing new starts until the caller clears the flag.
  const ProcessResult next = runner.run(sh("true"));
  CHECK(next.interrupted);
  CHECK(next.spawn_error == "not started: interrupted");
  clear_interrupt();
  CHECK_FALSE(interrupted());
  CHECK(runner.run(sh("true")).ok());
}

TEST_CASE("interrupt: SIGTERM from another thread wakes a runner blocked on a silent child", "[exec][interrupt]") {
  InterruptGuard guard;
  clear_interrupt();
  std::thread killer([] {
    std::this_thread::sleep_for(200ms);
    ::kill(::getpid(), SIGTERM);
  });
  SubprocessRunner runner;
  ProcessSpec spec = sh("trap '' TERM; sleep 30");  // ignores SIGTERM: needs the SIGKILL
  spec.kill_grace = 200ms;
  const ProcessResult r = runner.run(spec);
  killer.join();
  CHECK(interrupt_signal() == SIGTERM);
  CHECK(r.interrupted);
  REQUIRE(r.term_signal);
  CHECK(*r.term_signal == SIGKILL);
  CHECK(r.wall_s >= 0.3);
  CHECK(r.wall_s < 5.0);
  clear_interrupt();
}

TEST_CASE("interrupt: the guard restores the previous handlers", "[exec][interrupt]") {
  struct sigaction mine {}, old_int {}, old_term {}, now {};
  mine.sa_handler = custom_handler;
  sigemptyset(&mine.sa_mask);
  REQUIRE(::sigaction(SIGINT, &mine, &old_int) == 0);
  REQUIRE(::sigaction(SIGTERM, &mine, &old_term) == 0);
  {
    InterruptGuard guard;
    CHECK(interrupt_wakeup_fd() >= 0);
    CHECK_THROWS_AS(InterruptGuard(), std::logic_error);
    ::sigaction(SIGINT, nullptr, &now);
    CHECK(now.sa_handler != custom_handler);
    ::raise(SIGINT);
    CHECK(interrupted());
    clear_interrupt();
  }
  CHECK(interrupt_wakeup_fd() == -1);
  ::sigaction(SIGINT, nullptr, &now);
  CHECK(now.sa_handler == custom_handler);
  ::sigaction(SIGTERM, nullptr, &now);
  CHECK(now.sa_handler == custom_handler);
  ::sigaction(SIGINT, &old_int, nullptr);
  ::sigaction(SIGTERM, &old_term, nullptr);
}
