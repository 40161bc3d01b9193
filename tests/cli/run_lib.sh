# Helpers for the t_run*.sh cases (sourced by them): test program entries made
# of a shell script or a C++ source in a fresh repository "progs".

# mkprog NAME META_JSON [FILE CONTENT]...: program entry progs:program:NAME.
mkprog() {
  local name=$1 meta=$2
  shift 2
  local src="$TEST_DIR/src-$name"
  mkdir -p "$src"
  while [ $# -ge 2 ]; do
    printf '%s\n' "$2" >"$src/$1"
    shift 2
  done
  printf '%s\n' "$meta" >"$TEST_DIR/meta-$name.json"
  ok add "progs:program:$name" --meta "$TEST_DIR/meta-$name.json" --files "$src"
}

init_progs() { ok repo init "$TEST_DIR/progs" --name progs; }

# Every result entry written so far loads and validates against its schema.
all_results_valid() {
  local n alias
  run --json find result
  [ "$RC" -eq 0 ] || fail "find result failed: $ERR"
  n=$(jq '.entries | length' <<<"$OUT")
  for alias in $(jq -r '.entries[].cid' <<<"$OUT"); do
    ok --json show "$alias"
    jq_eq '.meta.schema' request.result/1
  done
  echo "$n"
}

result_count() {
  run --json find result
  jq '.entries | length' <<<"$OUT"
}
