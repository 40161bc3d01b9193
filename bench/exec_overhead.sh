#!/usr/bin/env bash
# Harness overhead of lib/exec (issue 5): `true` 200 times through the runner,
# a bare posix_spawn + wait4 loop (both in exec_overhead_bench), and
# `hyperfine -N --runs 200 true`, all in this one run. Prints medians per
# repetition and the ratios against the targets (<= hyperfine, <= 1.1x bare).
#   bench/exec_overhead.sh BUILD_DIR [RUNS]
set -euo pipefail
build=${1:?usage: bench/exec_overhead.sh BUILD_DIR [RUNS]}
runs=${2:-200}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$build/bench/exec_overhead_bench" "$runs" | tee "$tmp/bench.txt"
val() { sed -n "s/^$1=//p" "$tmp/bench.txt"; }
bare=$(val bare_median_us)
call=$(val runner_call_median_us)
wall=$(val runner_wall_median_us)

if ! command -v hyperfine >/dev/null; then
  echo "hyperfine not installed: no comparison with it"
  exit 0
fi
hyperfine -N --runs "$runs" --warmup 10 --export-json "$tmp/hf.json" true >/dev/null 2>&1
hf=$(jq '.results[0].median * 1e6' "$tmp/hf.json")
printf '%-34s median %8.1f us\n' "hyperfine -N --runs $runs true" "$hf"
verdict() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { r = a / b; printf "%.3f (target <= %s) %s\n", r, t, (r <= t ? "OK" : "SLOWER") }'; }
printf 'runner measured wall / hyperfine:  %s\n' "$(verdict "$wall" "$hf" 1.00)"
printf 'runner whole call / hyperfine:     %s\n' "$(verdict "$call" "$hf" 1.00)"
printf 'runner whole call / bare loop:     %s\n' "$(verdict "$call" "$bare" 1.10)"
