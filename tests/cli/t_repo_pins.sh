# Pins: pull at a tag, at a commit (full or abbreviated) and at a branch; the
# pin is recorded and followed by repo update; pulling again with --ref moves it.
source "$REQUEST_SOURCE/tests/cli/git_fixtures.sh"
make_repo a
first=$(upstream_head a)
g -C "$TEST_DIR/src/a" tag -a v1 -m "release 1"   # an annotated tag: peeled to its commit
g -C "$TEST_DIR/src/a" push -q origin v1
upstream_commit a program/a-prog/run.sh "echo two"
second=$(upstream_head a)
g -C "$TEST_DIR/src/a" checkout -q -b dev
upstream_commit a dev.txt "dev work"
g -C "$TEST_DIR/src/a" push -q origin dev
dev=$(g -C "$TEST_DIR/a.git" rev-parse dev)

# Tag.
ok --json repo pull "$TEST_DIR/a.git" --name at-tag --ref v1
jq_eq '.repos[0].commit' "$first"
jq_eq '.repos[0].ref' v1
[ ! -e "$REQUEST_HOME/repos/at-tag/program/a-prog/run.sh" ] || fail "at-tag has files of a later commit"
eq "$(g -C "$REQUEST_HOME/repos/at-tag" rev-parse HEAD)" "$first" "HEAD of at-tag"
ok --json repo list
jq_eq '.repos | map(select(.name == "at-tag")) | .[0] | .ref + " " + .commit + " " + (.dirty | tostring)' "v1 $first false"
ok --json repo update at-tag
jq_eq '.repos[0].action + " " + .repos[0].commit' "up-to-date $first"

# Full and abbreviated commit ids.
ok --json repo pull "file://$TEST_DIR/a.git" --name at-commit --ref "$second"
jq_eq '.repos[0].commit' "$second"
[ "$(cat "$REQUEST_HOME/repos/at-commit/program/a-prog/run.sh")" = "echo two" ] || fail "at-commit has the wrong files"
ok --json repo pull "$TEST_DIR/a.git" --name at-short --ref "${first:0:8}"
jq_eq '.repos[0].commit' "$first"

# Branch: follows it; update fast-forwards along it.
ok --json repo pull "$TEST_DIR/a.git" --name at-dev --ref dev
jq_eq '.repos[0].commit' "$dev"
eq "$(g -C "$REQUEST_HOME/repos/at-dev" symbolic-ref --short HEAD)" dev "branch of at-dev"
upstream_commit a dev2.txt "more dev work"
ok --json repo update at-dev
jq_eq '.repos[0].action + " " + .repos[0].commit' "updated $(g -C "$TEST_DIR/a.git" rev-parse dev)"

# Pulling a registered name with another --ref moves the pin.
ok --json repo pull "$TEST_DIR/a.git" --name at-tag --ref main
jq_eq '.repos[0].action + " " + .repos[0].commit' "updated $second"
ok --json repo list
jq_eq '.repos | map(select(.name == "at-tag")) | .[0].ref' main

# A pinned clone with a local change is not moved to another pin.
echo edit >"$REQUEST_HOME/repos/at-commit/request-edit.txt"
expect_rc 1 -q repo pull "$TEST_DIR/a.git" --name at-commit --ref v1
err_has "has local changes (request-edit.txt)"
eq "$(g -C "$REQUEST_HOME/repos/at-commit" rev-parse HEAD)" "$second" "HEAD after refused re-pin"
ok --json repo list
jq_eq '.repos | map(select(.name == "at-commit")) | .[0].ref' "$second"
