# --vary forms one result per point; a failing point does not stop the sweep
# unless --fail-fast; --results and read-only repositories; usage errors.
source "$REQUEST_SOURCE/tests/cli/run_lib.sh"
command -v jq >/dev/null || skip "jq is not installed"
init_progs
mkprog sw '{"tags": ["program"], "run": "sh $SRC/p.sh $k $m",
  "choices": {"k": {"type": "int", "default": 1, "values": [1, 2, 3]}, "m": {"type": "string", "default": "a", "values": ["a", "b"]}},
  "metrics": {"v": {"from": "stdout", "regex": "v=(\\S+)", "direction": "min"}}}' \
  p.sh '[ "$1" = 2 ] && [ "$2" = a ] && exit 7; echo "v=$1"'

expect_rc 1 --json run progs:program:sw --vary k=1,2,3 --vary m=a,b --repeat 1 --warmup 0
jq_eq '.results | length' 6
jq_eq '[.results[] | "\(.choices.k)\(.choices.m):\(.status)"] | join(" ")' "1a:ok 1b:ok 2a:failed 2b:ok 3a:ok 3b:ok"
jq_eq '.results[2].reason' "repetition 1: exit 7"
jq_eq '.results[4].metrics.v.median' 3
err_has "1 of 6 points did not succeed"

expect_rc 1 --json run progs:program:sw --vary k=1,2,3 --repeat 1 --warmup 0 --fail-fast
jq_eq '[.results[].status] | join(",")' ok,failed

# Results to another repository; the read-only core repository is refused before running.
ok --json run progs:program:sw --results progs --repeat 1 --warmup 0
jq_eq '.results[0].status' ok
ok --json find result --repo progs
jq_eq '.entries | length' 1
expect_rc 2 run progs:program:sw --results core
err_is_one_line "request: error: --results 'core': the repository is read-only"
[ "$(result_count)" = 9 ] || fail "expected 9 results"

# Usage errors and not-found.
expect_rc 2 run progs:program:sw --set k=9
expect_rc 2 run progs:program:sw --vary nope=1
expect_rc 2 run progs:program:sw --memory-limit lots
err_is_one_line "request: error: --memory-limit 'lots': expected a size"
expect_rc 2 run progs:dataset:sw
expect_rc 3 run progs:program:none
expect_rc 3 run progs:program:sw --dataset dataset:none
[ "$(result_count)" = 9 ] || fail "a failed command wrote results"
all_results_valid >/dev/null
