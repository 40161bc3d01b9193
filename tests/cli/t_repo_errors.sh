# Bad input to repo pull: one error line, the exit code of CLI.md, and nothing
# half-written (no folder in repos/, registry unchanged).
source "$REQUEST_SOURCE/tests/cli/git_fixtures.sh"
make_repo good
ok -q repo list   # creates REQUEST_HOME
before=$(home_state)
unchanged() { eq "$(home_state)" "$before" "registry and repos/ after '$LAST_CMD'"; }

# Unreachable: a file:// URL to nothing, a local path to nothing, a refused connection.
expect_rc 3 -q repo pull "file://$TEST_DIR/nowhere.git"
err_is_one_line "^request: error: 'file://$TEST_DIR/nowhere.git': cannot clone: .*nowhere.git.* \(hint: check the URL.*\)$"
unchanged
expect_rc 3 -q repo pull ./nowhere.git
err_is_one_line "^request: error: './nowhere.git': no such repository folder$"
unchanged
expect_rc 3 -q repo pull https://127.0.0.1:1/x.git
err_is_one_line "^request: error: 'https://127.0.0.1:1/x.git': cannot clone: .*127.0.0.1.*$"
unchanged

# A folder that is not a git repository.
mkdir plain
expect_rc 3 -q repo pull ./plain
err_is_one_line "^request: error: '$TEST_DIR/plain': cannot clone: could not find repository .*$"
unchanged

# A missing ref.
expect_rc 3 -q repo pull "$TEST_DIR/good.git" --ref no-such-tag
err_is_one_line "^request: error: ref 'no-such-tag': no branch, tag or commit of that name in '$TEST_DIR/good.git' \(hint: .*\)$"
unchanged
expect_rc 3 -q repo pull "$TEST_DIR/good.git" --ref 0123456789abcdef0123456789abcdef01234567
err_has "no branch, tag or commit"
unchanged

# No descriptor.
mkdir -p src/bare-files && echo hi >src/bare-files/README
g -C src/bare-files init -q && g -C src/bare-files add -A && g -C src/bare-files commit -qm x
expect_rc 4 -q repo pull ./src/bare-files
err_is_one_line "^request: error: '$TEST_DIR/src/bare-files': not a request repository: no request-repo.json at its root \(hint: .*\)$"
unchanged

# Malformed descriptor: not JSON, and JSON that breaks the schema.
mkdir -p src/broken && echo '{"name": "broken", ' >src/broken/request-repo.json
g -C src/broken init -q && g -C src/broken add -A && g -C src/broken commit -qm x
expect_rc 4 -q repo pull ./src/broken
err_is_one_line "^request: error: '$TEST_DIR/src/broken': request-repo.json:.*$"
unchanged
mkdir -p src/badschema && echo '{"name": "Bad Name!", "uid": "0123456789abcdef"}' >src/badschema/request-repo.json
g -C src/badschema init -q && g -C src/badschema add -A && g -C src/badschema commit -qm x
expect_rc 4 -q repo pull ./src/badschema
err_is_one_line "^request: error: '$TEST_DIR/src/badschema': request-repo.json: schema violation: .*name.*$"
unchanged

# Unsafe --name.
expect_rc 4 -q repo pull "$TEST_DIR/good.git" --name ../evil
err_is_one_line "^request: error: .*repository name.*$"
unchanged

# Name clash: a registered name with another URL (and the reserved names).
ok -q repo pull "$TEST_DIR/good.git"
before=$(home_state)
make_repo other
expect_rc 1 -q repo pull "$TEST_DIR/other.git" --name good
err_is_one_line "^request: error: repository 'good': name already taken by '$TEST_DIR/good.git', not '$TEST_DIR/other.git' \(hint: pull it under another name with --name NAME.*\)$"
unchanged
expect_rc 1 -q repo pull "$TEST_DIR/other.git" --name local
err_is_one_line "^request: error: repository 'local': name already taken by the local repository at .*$"
unchanged
# Descriptor name clashing (no --name): detected after the clone, which is removed.
mkdir -p src/good2 && cp src/good/request-repo.json src/good2/
g -C src/good2 init -q && g -C src/good2 add -A && g -C src/good2 commit -qm x
expect_rc 1 -q repo pull ./src/good2
err_has "name already taken by '$TEST_DIR/good.git'"
unchanged
# A folder in repos/ that is not registered is never overwritten.
mkdir "$REQUEST_HOME/repos/other"
before=$(home_state)
expect_rc 1 -q repo pull "$TEST_DIR/other.git"
err_is_one_line "^request: error: $REQUEST_HOME/repos/other: folder exists but is not a registered repository \(hint: .*\)$"
unchanged

# Usage errors.
expect_rc 2 -q repo pull
expect_rc 2 -q repo pull "$TEST_DIR/good.git" --bogus
