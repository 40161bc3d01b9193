#!/usr/bin/env bash
# Runs every test of request: installs missing packages, builds the normal and
# the sanitizer (ASan + UBSan) configurations, and runs the whole CTest suite in
# each. This is the README's second command and what CI runs (.ci/run).
#   REQUEST_TEST_SANITIZE=0  skip the sanitizer build (faster local runs)
#   REQUEST_TEST_JOBS=N      parallel build and test jobs (default: nproc)
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
jobs=${REQUEST_TEST_JOBS:-$(nproc)}

bash .ci/install-deps

configure_build_test() {
  local dir=$1
  shift
  echo "== $dir: configure and build" >&2
  mkdir -p "$dir"
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >"$dir/configure.log" 2>&1 ||
    { cat "$dir/configure.log" >&2; return 1; }
  ninja -C "$dir" -j "$jobs"
  echo "== $dir: tests" >&2
  ctest --test-dir "$dir" -j "$jobs" --output-on-failure --timeout 900
}

configure_build_test build
if [ "${REQUEST_TEST_SANITIZE:-1}" != 0 ]; then
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export LSAN_OPTIONS=suppressions=$top/tests/lsan.supp:print_suppressions=0
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  configure_build_test build-asan -DREQUEST_SANITIZE=ON
fi
echo "== all tests passed" >&2
