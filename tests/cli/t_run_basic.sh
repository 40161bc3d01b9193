# request run on a script program: metrics from a JSON file and from stdout,
# built-in metrics, statistics, energy present or explained, provenance, tags.
source "$REQUEST_SOURCE/tests/cli/run_lib.sh"
command -v jq >/dev/null || skip "jq is not installed"
init_progs
mkprog good '{"tags": ["program"], "run": "sh $SRC/p.sh $SCRATCH $n",
  "choices": {"n": {"type": "int", "default": 7}},
  "metrics": {"score": {"from": "json", "file": "m.json", "key": "r.score", "unit": "pt", "direction": "max"},
              "acc": {"from": "stdout", "regex": "acc=([0-9.]+)", "direction": "max"}}}' \
  p.sh 'printf "{\"r\": {\"score\": %s}}" "$2" > "$1/m.json"; echo "acc=0.5"; [ -z "$(ls -A "$1" | grep -v m.json)" ]'

ok --json run progs:program:good --repeat 3 --warmup 2 --tag nightly --tag t2
jq_eq '.results | length' 1
jq_eq '.results[0].status' ok
jq_eq '.results[0].schema' request.result/1
jq_eq '.results[0].metrics.score.median' 7
jq_eq '.results[0].metrics.score.unit' pt
jq_eq '.results[0].metrics.score.direction' max
jq_eq '.results[0].metrics.acc.samples | length' 3
jq_eq '.results[0].metrics.wall_time_s.samples | length' 3
jq_eq '.results[0].metrics.wall_time_s.ci95 | length' 2
jq_eq '.results[0].metrics.max_rss_bytes.min > 0' true
jq_eq '[.results[0].metrics.user_time_s, .results[0].metrics.sys_time_s] | map(.n) | join(",")' 3,3
jq_eq '.results[0].run.warmup' 2
jq_eq '.results[0].run.repetitions' 3
jq_eq '.results[0].run.exit_code' 0
jq_eq '.results[0].run.command | test("^sh .*/p.sh .*/scratch/.* 7$")' true
jq_eq '.results[0].choices.n' 7
jq_eq '.results[0].program.cid' progs:program:good
jq_eq '.results[0].program.repo' progs
jq_eq '.results[0].program.uid | test("^[0-9a-f]{16}$")' true
jq_eq '.results[0].tags | join(",")' result,good,nightly,t2
jq_eq '.results[0].request_version | length > 0' true
jq_eq '.results[0].machine | has("cpu_model")' true
jq_eq '.results[0].build.key | length' 64
# energy_j: measured, or absent with the reason recorded; never a made-up value.
jq_eq '(.results[0].metrics | has("energy_j")) == .results[0].run.energy.available' true
jq_eq 'if .results[0].run.energy.available then "x" else (.results[0].run.energy.reason | length > 0) end | tostring' true
uid=$(jq -r '.results[0].uid' <<<"$OUT")
ok --json show "local:result:good-$uid"
jq_eq '.meta.status' ok
jq_eq '.meta.metrics.score.median' 7
[ "$(result_count)" = 1 ] || fail "expected one result"

# --set, --min-time, human output: a summary table on stdout, notes on stderr.
ok run progs:program:good --set n=9 --repeat 1 --warmup 0 --min-time 0.05
out_has "POINT"
out_has "ok"
out_has "n=9"
err_has "point 1/1 (n=9): ok"
[ "$(result_count)" = 2 ] || fail "expected two results"
all_results_valid >/dev/null
