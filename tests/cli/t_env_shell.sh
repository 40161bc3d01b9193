# env shell: CMD runs with the resolved variables and PATH; its exit code passes through.
fake_tool() {
  mkdir -p "$(dirname "$1")"
  printf '#!/bin/sh\necho "fakecc %s"\n' "$2" >"$1"
  chmod +x "$1"
}
cat >fakecc.json <<'JSON'
{"name": "fakecc", "provides": ["fakecc"], "executables": ["fakecc"],
 "version": {"command": ["{exe}"], "regex": "^fakecc ([0-9.]+)"}, "env": {"FAKECC": "{path}"}}
JSON
ok add soft:fakecc --meta fakecc.json
fake_tool "$TEST_DIR/tools/fakecc" 3.1.4
PATH="$TEST_DIR/tools:$PATH" ok env detect --tags fakecc

# The tool's folder is not in PATH now: env shell puts it first.
expect_rc 42 env shell --dep 'fakecc@~=3.1' -- sh -c 'echo "cc=$FAKECC"; fakecc; exit 42'
out_has "cc=$TEST_DIR/tools/fakecc"
out_has "fakecc 3.1.4"
ok env shell --dep fakecc -- sh -c 'echo "$PATH"'
case "$OUT" in "$TEST_DIR/tools:"*) ;; *) fail "PATH does not start with the tool folder: $OUT" ;; esac
ok env shell --dep fakecc -- env
out_has "FAKECC=$TEST_DIR/tools/fakecc"

if command -v gcc >/dev/null; then
  ok env shell --dep gcc -- sh -c 'echo "$CC"'
  out_has "$(command -v gcc)"
fi

# Unresolvable: exit 5 and the command never runs.
expect_rc 5 env shell --dep 'fakecc@>=4' -- touch "$TEST_DIR/ran"
[ ! -e "$TEST_DIR/ran" ] || fail "the command ran although resolution failed"
expect_rc 3 env shell --dep fakecc -- no-such-command-xyz
err_is_one_line "command 'no-such-command-xyz' not found in PATH"
expect_rc 2 env shell --dep fakecc
err_has "no command given"
