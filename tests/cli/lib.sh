# Helpers for command-line test cases. Every helper fails the case (exit 1)
# with a message naming the command, the expected and the actual result.

# request ARGS...: the binary under test.
request() { "$REQUEST_BIN" "$@"; }

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*" >&2; exit 77; }

# run ARGS...: runs request, storing stdout in $OUT, stderr in $ERR, code in $RC.
run() {
  set +e
  "$REQUEST_BIN" "$@" >"$TEST_DIR/.out" 2>"$TEST_DIR/.err"
  RC=$?
  set -e
  OUT=$(cat "$TEST_DIR/.out")
  ERR=$(cat "$TEST_DIR/.err")
  LAST_CMD="request $*"
}

# expect_rc N ARGS...: run and check the exit code.
expect_rc() {
  local want=$1
  shift
  run "$@"
  [ "$RC" -eq "$want" ] || fail "'$LAST_CMD' exited $RC, expected $want
stdout: $OUT
stderr: $ERR"
}

# ok ARGS...: run and expect success.
ok() { expect_rc 0 "$@"; }

# has TEXT HAYSTACK: fixed-string containment.
out_has() { grep -qF -- "$1" <<<"$OUT" || fail "stdout of '$LAST_CMD' lacks '$1':
$OUT"; }
err_has() { grep -qF -- "$1" <<<"$ERR" || fail "stderr of '$LAST_CMD' lacks '$1':
$ERR"; }
out_lacks() { ! grep -qF -- "$1" <<<"$OUT" || fail "stdout of '$LAST_CMD' has '$1':
$OUT"; }
# err_line_matches REGEX: stderr has exactly one line, matching the extended regex.
err_is_one_line() {
  local n
  n=$(printf '%s\n' "$ERR" | grep -c . || true)
  [ "$n" -eq 1 ] || fail "stderr of '$LAST_CMD' has $n lines, expected one:
$ERR"
  grep -qE -- "$1" <<<"$ERR" || fail "stderr of '$LAST_CMD' does not match /$1/:
$ERR"
}

# jq_eq FILTER EXPECTED: evaluate a jq filter on $OUT (python3 fallback-free: uses jq).
jq_eq() {
  command -v jq >/dev/null || skip "jq is not installed"
  local got
  got=$(jq -r "$1" <<<"$OUT") || fail "'$LAST_CMD' printed invalid JSON:
$OUT"
  [ "$got" = "$2" ] || fail "jq '$1' on output of '$LAST_CMD' gave '$got', expected '$2'"
}

# eq ACTUAL EXPECTED MESSAGE
eq() { [ "$1" = "$2" ] || fail "$3: got '$1', expected '$2'"; }
