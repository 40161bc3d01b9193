# Dependency resolution: ranges, highest version, tie-break, detection on demand,
# stale and vanished tools, variable conflicts, the exit-5 message.
command -v jq >/dev/null || skip "jq is not installed"

fake_tool() {
  mkdir -p "$(dirname "$1")"
  printf '#!/bin/sh\necho "%s %s"\n' "$(basename "$1")" "$2" >"$1"
  chmod +x "$1"
}
for t in fakecc fakeclang; do
  cat >"$t.json" <<JSON
{"name": "$t", "provides": ["fake", "$t"], "executables": ["$t"],
 "version": {"command": ["{exe}"], "regex": "^$t ([0-9.]+)"},
 "env": {"FAKE_CC": "{path}", "${t^^}_VERSION": "{version}"}}
JSON
  ok add soft:$t --meta $t.json
done
fake_tool "$TEST_DIR/a/fakecc" 1.2.0
fake_tool "$TEST_DIR/b/fakecc" 2.0.1
fake_tool "$TEST_DIR/b/fakeclang" 9.0
export PATH="$TEST_DIR/a:$TEST_DIR/b:$PATH"

# Nothing registered yet: detection runs on demand.
ok --json env resolve --dep 'fakecc@>=1 <2'
jq_eq '.dependencies[0].cid' local:env:fakecc-1.2.0
jq_eq '.dependencies[0].rejected[0].reason' "version 2.0.1 does not satisfy '<2'"
jq_eq '.variables.FAKE_CC' "$TEST_DIR/a/fakecc"
jq_eq '.path_dirs[0]' "$TEST_DIR/a"
jq_eq '.env[0].name' 'fakecc'
jq_eq '.env[0].version' 1.2.0
run env resolve --dep fakecc
[ "$RC" -eq 0 ] || fail "resolve exited $RC: $ERR"
out_has "local:env:fakecc-2.0.1"
out_has "FAKECC_VERSION=2.0.1"
# Commas and spaces both mean AND; == is a prefix match.
ok --json env resolve --dep 'fakecc@>=1,!=2.0.*'
jq_eq '.dependencies[0].version' 1.2.0
ok --json env resolve --dep 'fake,fakecc@==2'
jq_eq '.dependencies[0].version' 2.0.1

# Tie-break: the same version in two folders goes to the one first in PATH.
fake_tool "$TEST_DIR/c/fakecc" 2.0.1
PATH="$TEST_DIR/c:$PATH" ok env detect --tags fakecc
PATH="$TEST_DIR/c:$PATH" ok --json env resolve --dep fakecc
jq_eq '.dependencies[0].path' "$TEST_DIR/c/fakecc"
ok --json env resolve --dep fakecc
jq_eq '.dependencies[0].path' "$TEST_DIR/b/fakecc"
rm -rf "$TEST_DIR/c"

# Unresolvable: exit 5, one line, every candidate and why it was rejected.
expect_rc 5 env resolve --dep 'fakecc@>=3'
err_is_one_line "^request: error: dependency 'fakecc' version '>=3': no candidate satisfies it: "
err_has "local:env:fakecc-1.2.0: version 1.2.0 does not satisfy '>=3'"
err_has "local:env:fakecc-2.0.1: version 2.0.1 does not satisfy '>=3'"
err_has "vanished: '$TEST_DIR/c/fakecc' no longer exists"
expect_rc 5 env resolve --dep no-such-tag
err_is_one_line "no environment has tags 'no-such-tag' and no detector found one"
expect_rc 5 env resolve --no-detect --dep fakeclang
err_has "no environment has tags 'fakeclang'"

# Variables never overwrite each other silently.
expect_rc 5 env resolve --dep fakecc --dep fakeclang
err_is_one_line "^request: error: variable 'FAKE_CC': conflict: dependency 'fakecc' \(local:env:fakecc-2.0.1\) sets '.*' but dependency 'fakeclang' \(local:env:fakeclang-9.0\) sets '.*'"
# The same environment twice is no conflict.
ok env resolve --dep fakecc --dep fake,fakecc@2

# A stale fingerprint triggers re-detection; the new version is used.
fake_tool "$TEST_DIR/b/fakecc" 2.2.0
ok --json env resolve --dep fakecc
jq_eq '.dependencies[0].version' 2.2.0
jq_eq '.dependencies[0].cid' local:env:fakecc-2.2.0
# A vanished tool is never used: the older one is chosen, the reason is given.
rm "$TEST_DIR/b/fakecc"
ok --json env resolve --dep fakecc
jq_eq '.dependencies[0].version' 1.2.0
jq_eq '[.dependencies[0].rejected[] | select(.cid == "local:env:fakecc-2.2.0")][0].reason' \
  "vanished: '$TEST_DIR/b/fakecc' no longer exists"
expect_rc 5 env resolve --dep 'fakecc@>=2'
err_has "local:env:fakecc-2.2.0: vanished: '$TEST_DIR/b/fakecc' no longer exists"

# Bad input.
expect_rc 2 env resolve --dep 'fakecc@>=1 <<2'
err_has "'<<2' is not a version constraint"
expect_rc 2 env resolve --dep '@1'
