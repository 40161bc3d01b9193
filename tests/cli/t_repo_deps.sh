# Dependencies: a cycle a -> b -> a terminates and is reported once; a dep that
# is already registered with the same URL is reused (and checked out at its ref).
source "$REQUEST_SOURCE/tests/cli/git_fixtures.sh"
make_repo a '[{"url": "../b.git"}]'
make_repo b '[{"url": "../a.git"}]'

ok --json repo pull "file://$TEST_DIR/a.git"
jq_eq '[.repos[].name] | join(",")' a,b
jq_eq '.cycles | length' 1
jq_eq '.cycles[0] | join(" -> ")' "a -> b -> a"
ok repo pull "file://$TEST_DIR/a.git"
err_has "dependency cycle a -> b -> a: not followed again"
n=$(grep -c "dependency cycle" <<<"$ERR")
eq "$n" 1 "cycle reported once"

# c depends on b (registered, same URL): reused, not cloned again. Its pin is honoured.
g -C "$TEST_DIR/src/b" tag v1
g -C "$TEST_DIR/src/b" push -q origin v1
upstream_commit b notes.txt "after v1"
v1=$(g -C "$TEST_DIR/b.git" rev-parse v1^{commit})
make_repo c '[{"name": "b", "url": "'"$TEST_DIR"'/b.git", "ref": "v1"}]'
ok --json repo pull "$TEST_DIR/c.git"
jq_eq '[.repos[].name] | join(",")' c,b,a
jq_eq '[.repos[].action] | join(",")' cloned,checked-out,reused
jq_eq '.repos[1].commit' "$v1"
ok --json repo list
jq_eq '.repos | map(select(.name == "b")) | .[0].ref' v1
[ ! -e "$REQUEST_HOME/repos/b/notes.txt" ] || fail "b is not at v1"

# A dep pinned to a ref not fetched yet: fetched, then checked out.
g -C "$TEST_DIR/src/b" tag v2
g -C "$TEST_DIR/src/b" push -q origin v2
make_repo e '[{"name": "b", "url": "'"$TEST_DIR"'/b.git", "ref": "v2"}]'
ok --json repo pull "$TEST_DIR/e.git"
jq_eq '.repos[1].action' checked-out
jq_eq '.repos[1].commit' "$(upstream_head b)"
[ -f "$REQUEST_HOME/repos/b/notes.txt" ] || fail "b is not at v2"

# A dep named like a registered repository with another URL: name clash, nothing written.
make_repo x
make_repo f '[{"name": "a", "url": "'"$TEST_DIR"'/x.git"}]'
before=$(home_state)
expect_rc 1 -q repo pull "$TEST_DIR/f.git"
err_is_one_line "^request: error: dependency of 'f': repository 'a': name already taken by 'file://$TEST_DIR/a.git', not '$TEST_DIR/x.git' \(hint: .*\)$"
eq "$(home_state)" "$before" "registry and repos/ after a refused pull"

# A dep that cannot be cloned: the parent's clone is rolled back too.
make_repo h '[{"url": "'"$TEST_DIR"'/missing.git"}]'
before=$(home_state)
expect_rc 3 -q repo pull "$TEST_DIR/h.git"
err_is_one_line "^request: error: dependency of 'h': '.*missing.git': no such repository folder$"
eq "$(home_state)" "$before" "registry and repos/ after a failed dependency"
