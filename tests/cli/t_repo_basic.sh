# repo init | add | list | rm, with --json, and their failures.
ok --json repo init "$TEST_DIR/one" --name one
jq_eq .name one
jq_eq .path "$TEST_DIR/one"
[ -f "$TEST_DIR/one/request-repo.json" ] || fail "no descriptor written"
jq -e '.name == "one" and (.uid | test("^[0-9a-f]{16}$")) and (.deps == [])' "$TEST_DIR/one/request-repo.json" >/dev/null ||
  fail "bad descriptor: $(cat "$TEST_DIR/one/request-repo.json")"
ok repo init "$TEST_DIR/two"  # name defaults to the folder's name
ok add two:demo:x --tags t
ok --json repo list
jq_eq '[.repos[].name] | map(select(. == "local" or . == "one" or . == "two")) | join(",")' local,one,two
jq_eq '.repos[] | select(.name == "two") | .entries' 1
jq_eq '.repos[] | select(.name == "two") | .path' "$TEST_DIR/two"
jq_eq '[.repos[] | has("name") and has("path") and has("url") and has("ref") and has("commit") and has("dirty") and has("entries")] | all' true
# rm unregisters; the files stay unless --delete-files.
ok repo rm two
[ -f "$TEST_DIR/two/demo/x/meta.json" ] || fail "repo rm deleted files without --delete-files"
expect_rc 3 show two:demo:x
# add registers an existing folder under its descriptor's name.
ok --json repo add "$TEST_DIR/two"
jq_eq .name two
ok --json show two:demo:x
jq_eq .repo two
expect_rc 1 repo add "$TEST_DIR/two"
err_is_one_line "already registered"
ok repo rm two --delete-files
[ ! -e "$TEST_DIR/two" ] || fail "--delete-files left the folder"
# Failures.
expect_rc 3 repo rm nothere
err_is_one_line "repository 'nothere'"
expect_rc 3 repo add "$TEST_DIR/missing"
err_is_one_line "no such folder"
mkdir -p "$TEST_DIR/plain"
expect_rc 4 repo add "$TEST_DIR/plain"
err_is_one_line "not a request repository: no request-repo.json"
expect_rc 1 repo init "$TEST_DIR/one" --name again
err_is_one_line "already a request repository"
echo '{"name": 5}' >"$TEST_DIR/plain/request-repo.json"
expect_rc 4 repo add "$TEST_DIR/plain"
err_is_one_line "schema violation: \\$\\.name"
