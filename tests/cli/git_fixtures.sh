# Fixture git repositories for the t_repo_*.sh cases (sourced by them). The git
# CLI only builds fixtures here; the product itself uses libgit2.
command -v git >/dev/null || skip "git is not installed"

g() { git -c user.name=test -c user.email=test@example.invalid -c init.defaultBranch=main \
        -c advice.detachedHead=false -c protocol.file.allow=always "$@"; }

# make_repo NAME [DEPS_JSON]: work tree $TEST_DIR/src/NAME holding a descriptor
# and one entry program:NAME-prog, committed, published as bare $TEST_DIR/NAME.git.
make_repo() {
  local name=$1 deps=${2:-[]} uid
  uid=$(printf '%016x' $((RANDOM * 32768 + RANDOM)))
  mkdir -p "$TEST_DIR/src/$name/program/$name-prog"
  printf '{"name": "%s", "uid": "%s", "deps": %s}\n' "$name" "$uid" "$deps" >"$TEST_DIR/src/$name/request-repo.json"
  printf '{"uid": "%s", "alias": "%s-prog", "tags": ["demo"]}\n' "$(printf '%016x' $((RANDOM * 7 + 1)))" "$name" \
    >"$TEST_DIR/src/$name/program/$name-prog/meta.json"
  g -C "$TEST_DIR/src/$name" init -q
  g -C "$TEST_DIR/src/$name" add -A
  g -C "$TEST_DIR/src/$name" commit -qm "initial $name"
  g clone -q --bare "$TEST_DIR/src/$name" "$TEST_DIR/$name.git"
  g -C "$TEST_DIR/src/$name" remote add origin "$TEST_DIR/$name.git"
  g -C "$TEST_DIR/src/$name" fetch -q origin
  g -C "$TEST_DIR/src/$name" branch -q -u origin/main
}

# upstream_commit NAME FILE TEXT: commit a file change on the current branch and publish it.
upstream_commit() {
  mkdir -p "$(dirname "$TEST_DIR/src/$1/$2")"
  printf '%s\n' "$3" >"$TEST_DIR/src/$1/$2"
  g -C "$TEST_DIR/src/$1" add -A
  g -C "$TEST_DIR/src/$1" commit -qm "change $2"
  g -C "$TEST_DIR/src/$1" push -q origin HEAD
}

# upstream_head NAME: the published commit of main.
upstream_head() { g -C "$TEST_DIR/$1.git" rev-parse main; }

# home_state: what a failed pull must leave unchanged (registry and repos/ listing).
home_state() {
  cat "$REQUEST_HOME/registry.json"
  ls -A "$REQUEST_HOME/repos" 2>/dev/null || true
}
