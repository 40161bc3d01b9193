# User-facing paths with no other test: add --files, rm --force on missing
# entries, the refused removal of the local repository.
mkdir -p src/sub
echo 'int main() { return 0; }' > src/main.cpp
echo data > src/sub/input.txt
ok add demo:withfiles --files src --tags t
[ -f "$REQUEST_HOME/local/demo/withfiles/main.cpp" ] || fail "add --files did not copy main.cpp"
[ "$(cat "$REQUEST_HOME/local/demo/withfiles/sub/input.txt")" = data ] || fail "add --files did not copy sub/input.txt"
[ -f "$REQUEST_HOME/local/demo/withfiles/meta.json" ] || fail "add --files wrote no meta.json"

# --files must name a folder: a usage error, nothing written.
expect_rc 2 add demo:nofolder --files src/main.cpp
[ ! -e "$REQUEST_HOME/local/demo/nofolder" ] || fail "a refused add wrote an entry"

# rm of a missing entry: 3 without --force, 0 with it.
expect_rc 3 rm demo:missing
err_is_one_line "^request: error: 'demo:missing': no such entry"
ok rm --force demo:missing demo:withfiles
out_has "removed local:demo:withfiles"
[ ! -e "$REQUEST_HOME/local/demo/withfiles" ] || fail "rm --force left the entry"

# The local repository cannot be unregistered.
expect_rc 2 repo rm local
err_is_one_line "^request: error: repository 'local': cannot be removed"
ok --json repo list
jq_eq '[.repos[].name] | index("local")' 0
