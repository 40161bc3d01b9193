# Secrets never reach a result: only allowlisted variables (plus the program's
# record_env) are recorded, and secret-looking names are redacted.
source "$REQUEST_SOURCE/tests/cli/run_lib.sh"
command -v jq >/dev/null || skip "jq is not installed"
init_progs
mkprog env '{"tags": ["program"], "record_env": ["SERVICE_TOKEN", "MY_SETTING"],
  "run": "sh $SRC/p.sh", "metrics": {"t": {"from": "stdout", "regex": "t=([0-9]+)", "direction": "min"}}}' \
  p.sh 'echo "t=${#SERVICE_TOKEN}"'

export SERVICE_TOKEN=hunter2-xyz-token MY_SETTING=abc UNLISTED_PASSWORD=pw-very-secret OMP_NUM_THREADS=3 MKL_API_KEY=mkl-key-value
ok --json run progs:program:env --repeat 1 --warmup 0
jq_eq '.results[0].metrics.t.median' 17   # the program itself saw the token
jq_eq '.results[0].run.environment.SERVICE_TOKEN' '<redacted>'
jq_eq '.results[0].run.environment.MKL_API_KEY' '<redacted>'
jq_eq '.results[0].run.environment.MY_SETTING' abc
jq_eq '.results[0].run.environment.OMP_NUM_THREADS' 3
jq_eq '.results[0].run.environment | has("UNLISTED_PASSWORD")' false
jq_eq '.results[0].run.environment | has("HOME")' false
jq_eq '.results[0].run.environment | has("PATH")' true
for secret in hunter2-xyz-token pw-very-secret mkl-key-value; do
  out_lacks "$secret"
  ! grep -rqF -- "$secret" "$REQUEST_HOME" || fail "'$secret' was written under REQUEST_HOME"
done
