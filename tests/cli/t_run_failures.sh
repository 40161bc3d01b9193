# Programs that fail in every way still give a result with status and reason;
# request exits 1. Each uses a real process.
source "$REQUEST_SOURCE/tests/cli/run_lib.sh"
command -v jq >/dev/null || skip "jq is not installed"
init_progs
prog() {  # prog NAME SCRIPT [EXTRA_META]
  mkprog "$1" "{\"tags\": [\"program\"], \"run\": \"sh \$SRC/p.sh \$SCRATCH\",
    \"metrics\": {\"acc\": {\"from\": \"stdout\", \"regex\": \"acc=([^ ]+)\", \"direction\": \"max\"}} ${3:-}}" p.sh "$2" ref.txt "42"
}
prog segv 'echo acc=1; kill -SEGV $$'
prog exit3 'echo acc=1; echo "it broke" >&2; exit 3'
prog garbage 'echo acc=lots'
prog nometric 'echo nothing here'
prog sleepy 'echo acc=1; sleep 20'
prog wrong 'echo acc=1; echo 41 > "$1/out.txt"' ', "check": {"output": "out.txt", "reference": "$SRC/ref.txt"}'
prog right 'echo acc=1; echo 42 > "$1/out.txt"' ', "check": {"output": "out.txt", "reference": "$SRC/ref.txt"}'
prog close 'echo acc=1; echo 42.0000001 > "$1/out.txt"' ', "check": {"output": "out.txt", "reference": "$SRC/ref.txt", "tolerance": 1e-6}'

expect_rc 1 --json run progs:program:segv --repeat 2 --warmup 0
jq_eq '.results[0].status' failed
jq_eq '.results[0].reason' "repetition 1: signal 11 (SIGSEGV)"
jq_eq '.results[0].run.signal' 11
jq_eq '.results[0].metrics | length' 0
err_has "request: error: run: 1 of 1 points did not succeed"

expect_rc 1 --json run progs:program:exit3 --repeat 2 --warmup 1
jq_eq '.results[0].status' failed
jq_eq '.results[0].reason' "warmup 1: exit 3 (stderr: it broke)"
jq_eq '.results[0].run.exit_code' 3

expect_rc 1 --json run progs:program:garbage --repeat 2 --warmup 0
jq_eq '.results[0].reason' "repetition 1: metric 'acc': matched text is not a number: 'lots'"
expect_rc 1 --json run progs:program:nometric --repeat 1 --warmup 0
jq_eq '.results[0].reason | test("stdout does not match")' true

start=$(date +%s)
expect_rc 1 --json run progs:program:sleepy --repeat 1 --warmup 0 --timeout 0.5
[ $(( $(date +%s) - start )) -lt 10 ] || fail "the timeout did not stop the program"
jq_eq '.results[0].status' timeout
jq_eq '.results[0].reason | startswith("repetition 1: timeout")' true
jq_eq '.results[0].run.timeout_s' 0.5

expect_rc 1 --json run progs:program:wrong --repeat 1 --warmup 0
jq_eq '.results[0].reason' "repetition 1: check: 'out.txt' differs from the reference at byte 1"
ok --json run progs:program:right --repeat 1 --warmup 0
jq_eq '.results[0].status' ok
ok --json run progs:program:close --repeat 1 --warmup 0
jq_eq '.results[0].status' ok

# A build that fails: failed result, log tail on stderr, log kept.
mkprog badbuild '{"tags": ["program"], "build": ["sh -c \"echo compile error here >&2; exit 1\""], "run": "true"}'
expect_rc 1 --json run progs:program:badbuild
jq_eq '.results[0].status' failed
jq_eq '.results[0].reason | startswith("build command 1 failed (exit 1)")' true
err_has "compile error here"
log=$(jq -r '.results[0].build.log' <<<"$OUT")
grep -q "compile error here" "$log" || fail "build log not kept"

n=$(all_results_valid)
[ "$n" = 9 ] || fail "expected 9 results, got $n"
