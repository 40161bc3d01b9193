# repo update: fast-forward after a new upstream commit; refuses (exit 1) with
# local changes or diverged history and leaves everything exactly as it was.
source "$REQUEST_SOURCE/tests/cli/git_fixtures.sh"
make_repo a
make_repo b
ok -q repo pull "$TEST_DIR/a.git"
ok -q repo pull "$TEST_DIR/b.git"
clone=$REQUEST_HOME/repos/a

ok --json repo update a
jq_eq '.repos[0].action' up-to-date

upstream_commit a program/a-prog/run.sh "echo v2"
ok --json repo update a
jq_eq '.repos[0].action' updated
jq_eq '.repos[0].commit' "$(upstream_head a)"
[ "$(cat "$clone/program/a-prog/run.sh")" = "echo v2" ] || fail "work tree not updated"
ok --json repo list
jq_eq '.repos | map(select(.name == "a")) | .[0].commit' "$(upstream_head a)"
jq_eq '.repos | map(select(.name == "a")) | .[0].dirty' false

# Local change + new upstream commit: refused, the change survives, HEAD unchanged.
upstream_commit a program/a-prog/run.sh "echo v3"
echo "my local edit" >"$clone/program/a-prog/run.sh"
head_before=$(g -C "$clone" rev-parse HEAD)
expect_rc 1 -q repo update a
err_is_one_line "^request: error: repository 'a': has local changes \(program/a-prog/run.sh\); update refused, nothing was changed \(hint: commit or stash them .*\)$"
[ "$(cat "$clone/program/a-prog/run.sh")" = "my local edit" ] || fail "local change was lost"
eq "$(g -C "$clone" rev-parse HEAD)" "$head_before" "HEAD after refused update"
ok --json repo list
jq_eq '.repos | map(select(.name == "a")) | .[0].dirty' true
# Pulling the registered URL again is the same update, refused the same way.
expect_rc 1 -q repo pull "$TEST_DIR/a.git"
err_has "has local changes"
[ "$(cat "$clone/program/a-prog/run.sh")" = "my local edit" ] || fail "local change was lost by pull"

# An untracked new entry also counts as a local change.
g -C "$clone" checkout -q -- program/a-prog/run.sh
ok add a:program:mine
expect_rc 1 -q repo update a
err_has "program/mine/"
rm -rf "$clone/program/mine"

# Update all: b is fine and up to date, a advances; local/core are skipped.
ok --json repo update
jq_eq '.repos | map(select(.name == "a")) | .[0].action' updated
jq_eq '.repos | map(select(.name == "b")) | .[0].action' up-to-date
jq_eq '.repos | map(select(.name == "local")) | .[0].action' skipped
[ "$(cat "$clone/program/a-prog/run.sh")" = "echo v3" ] || fail "work tree not updated to v3"

# Diverged history: a local commit and a new upstream commit. Refused; both kept.
echo local >"$clone/local.txt"
g -C "$clone" add local.txt
g -C "$clone" commit -qm "local work"
local_head=$(g -C "$clone" rev-parse HEAD)
upstream_commit a upstream.txt "upstream work"
expect_rc 1 -q repo update a
err_is_one_line "^request: error: repository 'a': local branch 'main' has diverged from 'origin/main' \(1 local, 1 upstream commits\); update refused, nothing was changed \(hint: .*\)$"
eq "$(g -C "$clone" rev-parse HEAD)" "$local_head" "HEAD after refused diverged update"
[ -f "$clone/local.txt" ] && [ ! -f "$clone/upstream.txt" ] || fail "work tree changed by a refused update"

# Update all with one refusal: the others are still updated, exit 1 at the end.
upstream_commit b b.txt "new"
expect_rc 1 --json repo update
jq_eq '.repos | map(select(.name == "b")) | .[0].action' updated
jq_eq '.repos | map(select(.name == "a")) | .[0].action' refused
err_has "1 repository was left as it was"

# Only ahead of upstream (local commit, nothing new upstream): kept, reported.
g -C "$clone" reset -q --hard origin/main
echo more >"$clone/more.txt"
g -C "$clone" add more.txt
g -C "$clone" commit -qm "more local work"
ok --json repo update a
jq_eq '.repos[0].action' ahead

# Not updatable: the local repository.
expect_rc 1 -q repo update local
err_is_one_line "^request: error: repository 'local': cannot be updated: not a git work tree"
expect_rc 3 -q repo update nosuch
