# repo pull by file:// URL and by local path; a dependency chain a -> b -> c;
# repo list shows name, path, url, ref, commit, dirty and entries.
source "$REQUEST_SOURCE/tests/cli/git_fixtures.sh"
make_repo c
make_repo b '[{"url": "file://'"$TEST_DIR"'/c.git"}]'
make_repo a '[{"url": "../b.git"}]'   # relative to a's URL, as git submodules

ok --json repo pull "file://$TEST_DIR/a.git"
jq_eq '[.repos[].name] | join(",")' a,b,c
jq_eq '[.repos[].action] | join(",")' cloned,cloned,cloned
jq_eq '[.repos[].parent] | map(. // "-") | join(",")' -,a,b
jq_eq '.repos[2].url' "file://$TEST_DIR/c.git"
jq_eq '.repos[0].commit' "$(upstream_head a)"
jq_eq '.cycles | length' 0
for n in a b c; do
  [ -f "$REQUEST_HOME/repos/$n/request-repo.json" ] || fail "repos/$n was not cloned"
done
[ -z "$(ls -A "$REQUEST_HOME/repos" | grep '^\.' || true)" ] || fail "temporary folders left in repos/"

ok --json repo list
jq_eq '.repos | map(select(.name == "b")) | .[0] | [.url, (.ref // "-"), .commit, .dirty, .entries] | map(tostring) | join(" ")' \
  "file://$TEST_DIR/b.git - $(upstream_head b) false 1"
jq_eq '.repos | map(select(.name == "a")) | .[0].path' "$REQUEST_HOME/repos/a"
ok --json find program --repo c
jq_eq '.entries[0].cid' c:program:c-prog

# Human output: progress and notes on stderr only, none with -q.
ok repo list
out_has "file://$TEST_DIR/a.git"

# Pulling again by URL updates (nothing new): no second clone, same folders.
ok --json repo pull "file://$TEST_DIR/a.git"
jq_eq '.repos[0].action' up-to-date
jq_eq '[.repos[1:][].action] | join(",")' reused,reused

# By plain local path (relative and absolute), under another name.
make_repo d
ok -q repo pull ./d.git --name dd
eq "$ERR" "" "stderr of 'repo pull -q'"
out_has "dd    cloned"
ok --json repo list
jq_eq '.repos | map(select(.name == "dd")) | .[0].url' "$TEST_DIR/d.git"
ok --json repo pull "$TEST_DIR/d.git/"
jq_eq '.repos[0].name + " " + .repos[0].action' "dd up-to-date"
# The clone works with the store: show reports its commit.
ok --json show dd:program:d-prog
jq_eq '.repo_commit' "$(upstream_head d)"
jq_eq '.repo_dirty' false
