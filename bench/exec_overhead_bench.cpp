// Harness overhead of lib/exec: `true` run N times through SubprocessRunner
// against a bare posix_spawn + wait4 loop in the same program, interleaved so
// both see the same machine state. Prints medians per repetition in
// microseconds, and key=value lines for bench/exec_overhead.sh.
//   exec_overhead_bench [N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "lib/exec/subprocess_runner.hpp"
#include "lib/stats/summary.hpp"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

double us_since(Clock::time_point t) { return std::chrono::duration<double, std::micro>(Clock::now() - t).count(); }

// The bare minimum: posix_spawn with no attributes or file actions, then wait4.
double bare_once(const char* path) {
  char arg0[] = "true";
  char* argv[] = {arg0, nullptr};
  const auto start = Clock::now();
  pid_t pid = -1;
  if (::posix_spawn(&pid, path, nullptr, nullptr, argv, environ) != 0) {
    std::perror("posix_spawn");
    std::exit(1);
  }
  int status = 0;
  rusage ru{};
  while (::wait4(pid, &status, 0, &ru) < 0) {
  }
  return us_since(start);
}

void print(const char* label, const std::vector<double>& us) {
  const auto s = request::stats::summarize(us);
  std::printf("%-34s median %8.1f us  ci95 [%.1f, %.1f]  min %.1f  mad %.1f\n", label, s.median, s.ci_low, s.ci_high,
              s.min, s.mad);
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 200;
  const int warmup = 10;
  const char* true_path = "/bin/true";

  request::exec::SubprocessRunner runner;
  request::exec::ProcessSpec spec;
  spec.argv = {"true"};
  spec.env = {{"PATH", "/usr/bin:/bin"}};

  std::vector<double> bare, outer, inner;
  for (int i = 0; i < warmup + n; ++i) {
    const double b = bare_once(true_path);
    const auto start = Clock::now();
    const auto r = runner.run(spec);
    const double o = us_since(start);
    if (!r.ok()) {
      std::fprintf(stderr, "exec_overhead_bench: runner failed: %s\n", r.describe().c_str());
      return 1;
    }
    if (i < warmup) continue;
    bare.push_back(b);
    outer.push_back(o);
    inner.push_back(r.wall_s * 1e6);
  }
  std::printf("running `true` %d times (after %d warmups), interleaved\n", n, warmup);
  print("bare posix_spawn + wait4", bare);
  print("SubprocessRunner::run (whole call)", outer);
  print("SubprocessRunner wall_s (measured)", inner);
  const double mb = request::stats::median(bare);
  const double mo = request::stats::median(outer);
  const double mi = request::stats::median(inner);
  std::printf("ratio whole call / bare: %.3f (target <= 1.10)\n", mo / mb);
  std::printf("bare_median_us=%.1f\nrunner_call_median_us=%.1f\nrunner_wall_median_us=%.1f\n", mb, mo, mi);
  return 0;
}
