# Exit 3 (not found): unknown entries and repositories, with "did you mean".
ok add demo:hello
expect_rc 3 show demo:helo
err_is_one_line "^request: error: 'demo:helo': no such entry \(hint: did you mean 'hello'\?\)$"
expect_rc 3 show demo:zzzzzzzzzz
err_is_one_line "^request: error: 'demo:zzzzzzzzzz': no such entry$"
expect_rc 3 show dataset:hello
err_is_one_line "no such entry"
expect_rc 3 show local:demo:nothere
err_is_one_line "no such entry"
expect_rc 3 show demo:0123456789abcdef
err_is_one_line "no such entry"
expect_rc 3 show lokal:demo:hello
err_is_one_line "^request: error: repository 'lokal': not registered \(hint: did you mean 'local'\?\)$"
expect_rc 3 find demo --repo lokal
err_is_one_line "repository 'lokal': not registered \(hint: did you mean 'local'\?\)"
expect_rc 3 add demo:new --repo nope
err_is_one_line "repository 'nope': not registered"
[ ! -e "$REQUEST_HOME/local/demo/new" ] || fail "add to an unknown repository wrote into local"
expect_rc 3 rm demo:hallo
err_is_one_line "did you mean 'hello'"
ok rm --force demo:hallo
expect_rc 3 mv demo:nothere other
expect_rc 3 cp demo:nothere other
# The uid names the entry too.
ok --json show demo:hello
uid=$(jq -r .uid <<<"$OUT")
ok --json show "demo:$uid"
jq_eq .alias hello
# A registered repository whose folder vanished: exit 3 naming it.
ok repo init "$TEST_DIR/gone" --name gone
rm -rf "$TEST_DIR/gone"
expect_rc 3 find demo --repo gone
err_is_one_line "repository 'gone': folder '.*gone' does not exist"
# Other repositories keep working (the vanished one is reported, not fatal).
ok find demo
out_has local:demo:hello
