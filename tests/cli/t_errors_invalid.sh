# Exit 4 (invalid data): malformed JSON and YAML with file:line:col, schema
# violations naming the field path. Exit 1: the command ran and failed.
printf '{\n  "a": 1,\n  "b": ,\n}\n' >bad.json
expect_rc 4 add demo:x --meta bad.json
err_is_one_line '^request: error: bad.json:3:8: malformed JSON: syntax error'
printf 'a: 1\nb: [1, 2\nc: 3\n' >bad.yaml
expect_rc 4 add demo:x --meta bad.yaml
err_is_one_line '^request: error: bad.yaml:[0-9]+:[0-9]+: malformed YAML: '
printf '[1, 2]\n' >list.json
expect_rc 4 add demo:x --meta list.json
err_is_one_line 'list.json: meta must be a JSON/YAML object'
# Schema violations name the path.
expect_rc 4 add demo:x --set tags=5
err_is_one_line '^request: error: demo:x: schema violation: \$\.tags: '
expect_rc 4 add demo:x --set 'tags=["ok", 3]'
err_is_one_line '\$\.tags\[1\]'
expect_rc 4 add demo:x --set uid=XYZ
err_is_one_line '\$\.uid: '
expect_rc 4 add demo:x --set name=5
err_is_one_line '\$\.name: '
[ ! -e "$REQUEST_HOME/local/demo/x" ] || fail "an invalid add left demo/x behind"
# A malformed meta file in the repository: show fails with its position,
# find skips it with a warning and still lists the others.
ok add demo:good
mkdir -p "$REQUEST_HOME/local/demo/broken"
printf '{\n  "uid": "0123456789abcdef",\n  "tags": [\n' >"$REQUEST_HOME/local/demo/broken/meta.json"
expect_rc 4 show demo:broken
err_is_one_line 'broken/meta.json:4:1: malformed JSON'
ok --json find demo
jq_eq '[.entries[].alias] | join(",")' good
err_has "request: warning: skipped: "
err_has "broken/meta.json:4:1: malformed JSON"
# A meta file violating the common schema: show names the path.
mkdir -p "$REQUEST_HOME/local/demo/badtags"
echo '{"uid": "0123456789abcdef", "alias": "badtags", "tags": "x"}' >"$REQUEST_HOME/local/demo/badtags/meta.json"
expect_rc 4 show demo:badtags
err_is_one_line 'schema violation: \$\.tags: '
# Both meta.json and meta.yaml: refused, never guessed.
mkdir -p "$REQUEST_HOME/local/demo/twice"
echo '{"uid": "0123456789abcdef", "alias": "twice", "tags": []}' >"$REQUEST_HOME/local/demo/twice/meta.json"
printf 'uid: "0123456789abcdef"\nalias: twice\ntags: []\n' >"$REQUEST_HOME/local/demo/twice/meta.yaml"
expect_rc 4 show demo:twice
err_is_one_line 'entry has both meta.json and meta.yaml \(hint: keep one of them\)'
# A corrupted registry: exit 4 naming the file and position.
cp "$REQUEST_HOME/registry.json" registry.bak
printf '{"repos": [\n' >"$REQUEST_HOME/registry.json"
expect_rc 4 find demo
err_is_one_line 'registry.json:2:1: malformed JSON'
cp registry.bak "$REQUEST_HOME/registry.json"
# Exit 1: an entry that exists already; repository already registered.
expect_rc 1 add demo:good
err_is_one_line "^request: error: local:demo:good: entry already exists \(hint: "
ok add demo:other
expect_rc 1 mv demo:other good
err_is_one_line "entry already exists"
ok repo init "$TEST_DIR/r1" --name r1
expect_rc 1 repo init "$TEST_DIR/r2" --name r1
err_is_one_line "repository 'r1': already registered"
[ ! -e "$TEST_DIR/r2/request-repo.json" ] || fail "a refused repo init wrote a descriptor"
