# Exit 2 (usage): CLI11's own parse errors and our bad values, one line on stderr each.
expect_rc 2
err_is_one_line '^request: error: usage: a command is required'
expect_rc 2 fnd demo
err_is_one_line "^request: error: 'fnd': unknown command \(hint: did you mean 'find'\?\)$"
expect_rc 2 find --bogus
err_is_one_line '^request: error: find: .*--bogus.* \(hint: run .request help find.\)$'
expect_rc 2 add
err_is_one_line '^request: error: add: .*cid.*required'
expect_rc 2 add demo:x --meta "$TEST_DIR/missing.json"
err_is_one_line '^request: error: add: .*missing.json'
expect_rc 2 show notacid
err_is_one_line "^request: error: 'notacid': not a CID \(hint: a CID is"
expect_rc 2 show a:b:c:d
err_is_one_line "not a CID"
expect_rc 2 show demo:
err_is_one_line "not a CID: empty part"
expect_rc 2 add demo:x --set novalue
err_is_one_line "^request: error: --set 'novalue': expected key=value"
expect_rc 2 add demo:x --set =3
err_is_one_line "expected key=value"
expect_rc 2 find demo --where nothing
err_is_one_line "^request: error: --where 'nothing': expected key=value"
expect_rc 2 help nosuchcommand
err_is_one_line "unknown command 'nosuchcommand'"
# A wildcard that matches several entries where one is needed.
ok add demo:w1
ok add demo:w2
expect_rc 2 show 'demo:w*'
err_is_one_line "matches 2 entries \(local:demo:w1, local:demo:w2\)"
expect_rc 2 rm 'demo:w*'
err_is_one_line "matches 2 entries \(hint: add --force"
ok --json find demo
jq_eq '.entries | length' 2
# Nothing was created by the failed commands.
[ ! -e "$REQUEST_HOME/local/demo/x" ] || fail "a failed add left demo/x behind"
# --help and --version are not errors.
ok --help
out_has "Exit codes"
ok find --help
out_has "--where"
ok --version
out_has "request "
