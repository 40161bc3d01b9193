# Exit 4 for every unsafe name, refused before anything is written; a symlink
# inside a repository that points outside it is never followed for a write.
ok add demo:seed
snapshot() { (cd "$REQUEST_HOME" && find . -path ./cache -prune -o -print | LC_ALL=C sort); }
before=$(snapshot)
long=$(printf 'a%.0s' $(seq 129))
ok add "demo:$(printf 'b%.0s' $(seq 128))"   # 128 is the limit, allowed
ok rm "demo:$(printf 'b%.0s' $(seq 128))"
for bad in '..' 'a..b' '.hidden' 'Upper' "$long" "$(printf 'a\tb')" "$(printf 'a\001b')" 'a b' 'é'; do
  expect_rc 4 add "demo:$bad"
  err_is_one_line "^request: error: alias '.*': unsafe name: "
  expect_rc 4 add "$bad:x"
  err_is_one_line "^request: error: module '.*': unsafe name: "
  expect_rc 4 cp demo:seed "$bad"
  expect_rc 4 mv demo:seed "$bad"
  expect_rc 4 repo init "$TEST_DIR/r" --name "$bad"
  err_has "unsafe name"
done
# The reasons are specific.
expect_rc 4 add 'demo:-dash'
err_is_one_line "alias '-dash': unsafe name: must start with a letter or digit"
expect_rc 4 add 'demo:é'
err_is_one_line "contains a non-ASCII character"
expect_rc 4 add 'demo:..'
err_has "is a relative path component"
expect_rc 4 add 'demo:.hidden'
err_has "starts with '.'"
expect_rc 4 add 'demo:Upper'
err_has "contains upper case"
expect_rc 4 add "demo:$long"
err_has "is longer than 128 characters"
expect_rc 4 add "demo:$(printf 'a\tb')"
err_has "contains a control character"
# Slashes and absolute paths in a CID part.
for bad in 'demo:a/b' 'demo:/etc' 'demo:../../x' 'a/b:x'; do
  expect_rc 4 add "$bad"
  err_is_one_line "unsafe name: contains '/'"
done
expect_rc 4 cp demo:seed 'local:demo:/tmp/evil'
expect_rc 4 show 'demo:../seed'
[ ! -e "$TEST_DIR/r" ] || fail "a refused repo init created its folder"
after=$(snapshot)
[ "$before" = "$after" ] || fail "refused commands changed REQUEST_HOME:
$(diff <(echo "$before") <(echo "$after"))"
[ ! -e /tmp/evil ] || fail "cp wrote /tmp/evil"

# A module folder that is a symlink to outside the repository.
mkdir -p "$TEST_DIR/outside"
ln -s "$TEST_DIR/outside" "$REQUEST_HOME/local/dataset"
expect_rc 4 add dataset:x
err_is_one_line "unsafe path: resolves to '.*outside', outside repository"
[ -z "$(ls -A "$TEST_DIR/outside")" ] || fail "add wrote through a symlinked module folder"
# An entry folder that is a symlink to outside the repository.
mkdir -p "$TEST_DIR/outside/victim"
echo '{"uid": "0123456789abcdef", "alias": "victim", "tags": []}' >"$TEST_DIR/outside/victim/meta.json"
ln -s "$TEST_DIR/outside/victim" "$REQUEST_HOME/local/demo/victim"
# Listings never follow an entry symlink: to every command it is not an entry.
expect_rc 3 rm demo:victim
ok rm --force demo:victim
expect_rc 3 mv demo:victim renamed
[ -d "$TEST_DIR/outside/victim" ] || fail "rm/mv followed a symlink out of the repository"
expect_rc 4 add demo:victim
err_has "unsafe path: resolves to"
[ "$(cat "$TEST_DIR/outside/victim/meta.json")" = '{"uid": "0123456789abcdef", "alias": "victim", "tags": []}' ] ||
  fail "the outside meta.json was changed"
# A meta.json symlinked to a file outside: a rename replaces the link, never the target.
ok add demo:linked
echo '{"uid": "0123456789abcdef", "alias": "linked", "tags": []}' >"$TEST_DIR/outside/meta.json"
rm "$REQUEST_HOME/local/demo/linked/meta.json"
ln -s "$TEST_DIR/outside/meta.json" "$REQUEST_HOME/local/demo/linked/meta.json"
ok mv demo:linked linked2
[ "$(cat "$TEST_DIR/outside/meta.json")" = '{"uid": "0123456789abcdef", "alias": "linked", "tags": []}' ] ||
  fail "mv wrote through a symlinked meta.json"
[ ! -L "$REQUEST_HOME/local/demo/linked2/meta.json" ] || fail "meta.json is still the symlink"
