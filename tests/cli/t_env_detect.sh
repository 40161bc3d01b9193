# env detect / list / show: the real gcc, fake tools written into temporary
# folders, idempotency, several versions, a changed and a vanished tool.
command -v jq >/dev/null || skip "jq is not installed"

# fake_tool FILE VERSION: a script printing "fakecc VERSION".
fake_tool() {
  mkdir -p "$(dirname "$1")"
  printf '#!/bin/sh\necho "fakecc %s (test build)"\n' "$2" >"$1"
  chmod +x "$1"
}
cat >fakecc.json <<'JSON'
{"name": "fakecc", "provides": ["fake", "fakecc"], "executables": ["fakecc"],
 "version": {"command": ["{exe}", "--version"], "regex": "^fakecc ([0-9.]+)"},
 "env": {"FAKECC": "{path}"}}
JSON
ok add soft:fakecc --meta fakecc.json

# The real gcc: the version found equals gcc -dumpfullversion.
if command -v gcc >/dev/null; then
  gcc_path=$(command -v gcc)
  gcc_version=$(gcc -dumpfullversion)
  ok --json env detect --tags gcc
  jq_eq "[.entries[] | select(.name == \"gcc\" and .path == \"$gcc_path\")][0].version" "$gcc_version"
  jq_eq "[.entries[] | select(.name == \"gcc\")][0].action" created
  ok --json env show "gcc-$gcc_version"
  jq_eq .meta.version "$gcc_version"
  jq_eq .meta.env.CC "$gcc_path"
  jq_eq .status fresh
  jq_eq '.meta.fingerprint.sha256 | length' 64
  jq_eq ".meta.version_parts | map(tostring) | join(\".\")" "$gcc_version"
  ok env show "local:env:gcc-$gcc_version"
  out_has "status: fresh"
fi

# Two versions in two folders coexist; the same file twice in PATH counts once.
fake_tool "$TEST_DIR/a/fakecc" 1.2.0
fake_tool "$TEST_DIR/b/fakecc" 2.0.1
export PATH="$TEST_DIR/a:$TEST_DIR/b:$TEST_DIR/a:$PATH"
ok --json env detect --tags fakecc
jq_eq '.entries | length' 2
jq_eq '[.entries[].version] | sort | join(",")' 1.2.0,2.0.1
jq_eq '[.entries[].action] | unique | join(",")' created
ok --json env list --tags fakecc
jq_eq '[.entries[].alias] | join(",")' fakecc-1.2.0,fakecc-2.0.1
jq_eq '.entries[0].env.FAKECC' "$TEST_DIR/a/fakecc"
jq_eq '.entries[1].version_parts | join(".")' 2.0.1

# Idempotent: nothing is written again, with or without --force.
meta="$REQUEST_HOME/local/env/fakecc-1.2.0/meta.json"
before=$(stat -c %Y.%i "$meta")
sleep 1
ok --json env detect --tags fakecc
jq_eq '[.entries[].action] | unique | join(",")' unchanged
ok --json env detect --tags fakecc --force
jq_eq '[.entries[].action] | unique | join(",")' unchanged
eq "$(stat -c %Y.%i "$meta")" "$before" "meta.json of an unchanged tool was rewritten"
ok env detect --tags fakecc
out_has "unchanged"
err_has "2 environments (0 created, 0 updated, 2 unchanged)"

# The same version in another folder gets a path-hash suffix.
fake_tool "$TEST_DIR/c/fakecc" 2.0.1
PATH="$TEST_DIR/c:$PATH" run --json env detect --tags fakecc
[ "$RC" -eq 0 ] || fail "detect with c/ exited $RC: $ERR"
jq_eq '[.entries[] | select(.action == "created")][0].cid | test("^local:env:fakecc-2\\.0\\.1-[0-9a-f]{8}$")' true
rm -rf "$TEST_DIR/c"

# A changed tool: env list says so, detect replaces the entry with the new version.
fake_tool "$TEST_DIR/b/fakecc" 2.1.0
ok --json env list --tags fakecc
jq_eq '[.entries[] | select(.path == "'"$TEST_DIR"'/b/fakecc")][0].status' changed
ok --json env detect --tags fakecc
jq_eq '[.entries[] | select(.action == "created")][0].version' 2.1.0
jq_eq '[.entries[] | select(.action == "created")][0].replaced' local:env:fakecc-2.0.1
[ ! -e "$REQUEST_HOME/local/env/fakecc-2.0.1" ] || fail "the replaced entry is still there"
# Same version, different file: updated in place, same uid.
uid=$(jq -r .uid "$REQUEST_HOME/local/env/fakecc-2.1.0/meta.json")
printf '#!/bin/sh\n# rebuilt\necho "fakecc 2.1.0 (rebuilt)"\n' >"$TEST_DIR/b/fakecc"
ok --json env detect --tags fakecc
jq_eq '[.entries[] | select(.version == "2.1.0")][0].action' updated
eq "$(jq -r .uid "$REQUEST_HOME/local/env/fakecc-2.1.0/meta.json")" "$uid" "uid after an update"

# A vanished tool: reported by list and detect, never silently kept as fresh.
rm "$TEST_DIR/a/fakecc"
ok --json env list --tags fakecc
jq_eq '[.entries[] | select(.alias == "fakecc-1.2.0")][0].status' vanished
ok env detect --tags fakecc
err_has "local:env:fakecc-1.2.0: its file vanished"
ok env list --tags fakecc
out_has "vanished"

# A broken detector is skipped with a warning; the others still run.
echo '{"name": "broken", "executables": ["x"], "version": {"command": ["{exe}"], "regex": "("}}' >broken.json
ok add soft:broken --meta broken.json
ok env detect --tags fakecc
err_has "local:soft:broken"
err_has "not a valid regular expression"

# A soft entry that violates the schema cannot be added.
echo '{"name": "bad", "version": {"command": "not-a-list", "regex": "x"}}' >bad.json
expect_rc 4 add soft:bad --meta bad.json
err_has '$.version.command'

# Usage errors.
expect_rc 2 env show program:x
expect_rc 3 env show no-such-env
