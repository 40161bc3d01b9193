# Ctrl-C during a run: the program's whole process group is stopped, no result
# is written, and request exits 130.
source "$REQUEST_SOURCE/tests/cli/run_lib.sh"
command -v jq >/dev/null || skip "jq is not installed"
init_progs
mkprog slow '{"tags": ["program"], "run": "sh $SRC/p.sh"}' \
  p.sh "sleep 30 & echo \$! > $TEST_DIR/child.pid; wait"
"$REQUEST_BIN" run progs:program:slow --repeat 1 --warmup 0 >"$TEST_DIR/o" 2>"$TEST_DIR/e" &
pid=$!
for _ in $(seq 100); do
  [ -s "$TEST_DIR/child.pid" ] && break
  sleep 0.1
done
[ -s "$TEST_DIR/child.pid" ] || fail "the program did not start"
kill -INT "$pid"
set +e
wait "$pid"
rc=$?
set -e
[ "$rc" -eq 130 ] || fail "exit $rc after SIGINT, expected 130: $(cat "$TEST_DIR/e")"
grep -q "interrupted" "$TEST_DIR/e" || fail "no interrupt message: $(cat "$TEST_DIR/e")"
# Alive = exists and is not a zombie (an orphan is reaped by PID 1 whenever it gets to it).
alive() { [ -r "/proc/$1/stat" ] && [ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" != Z ]; }
child=$(cat "$TEST_DIR/child.pid")
for _ in $(seq 20); do alive "$child" || break; sleep 0.1; done
! alive "$child" || fail "the program's child survived"
run --json find result
n=$(jq '.entries | length' <<<"$OUT" 2>/dev/null || echo "?")
[ "$n" = 0 ] || fail "expected no result, got $n"
