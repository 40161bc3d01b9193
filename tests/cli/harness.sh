#!/usr/bin/env bash
# Runs one command-line test case (tests/cli/t_*.sh) against the real binary.
# The case runs with `set -euo pipefail` in a fresh temporary folder, with
# REQUEST_HOME inside it, and the helpers of tests/cli/lib.sh loaded.
# Exit 0 = pass, 77 = skipped (a tool the case needs is missing), else fail.
set -uo pipefail
case_file=$1
: "${REQUEST_BIN:?REQUEST_BIN must name the request binary}"
: "${REQUEST_SOURCE:?REQUEST_SOURCE must name the source tree}"
export TEST_DIR
TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/request-cli-XXXXXX")
export REQUEST_HOME="$TEST_DIR/home"
export LC_ALL=C.UTF-8
cd "$TEST_DIR" || exit 1
bash -c 'set -euo pipefail; source "$1"; source "$2"' harness "$REQUEST_SOURCE/tests/cli/lib.sh" "$case_file"
rc=$?
if [ $rc -eq 0 ] || [ $rc -eq 77 ] || [ -z "${REQUEST_KEEP_FAILED:-}" ]; then
  rm -rf "$TEST_DIR"
else
  echo "harness: test data kept in $TEST_DIR" >&2
fi
exit $rc
