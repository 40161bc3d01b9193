#!/usr/bin/env bash
# Harness overhead of `request run` (issue 5), all measured in this one run:
#  1. a program whose run command is `true`, 200 repetitions: the median of the
#     recorded wall_time_s, and the whole cost per repetition (scratch folder,
#     spawn, wait, bookkeeping) = (time of 200 reps - time of 1 rep) / 199;
#     against `hyperfine -N --runs 200 true` and the bare posix_spawn + wait4
#     loop of BUILD_DIR/bench/exec_overhead_bench (or another build-*/ folder's).
#  2. start latency: a second, cached `request run` of a built C++ program that
#     prints CLOCK_REALTIME when it starts; latency = that - the time just
#     before request was launched (median of 10; target <= 50 ms).
#   bench/run_overhead.sh BUILD_DIR [RUNS]
set -euo pipefail
build=${1:?usage: bench/run_overhead.sh BUILD_DIR [RUNS]}
runs=${2:-200}
req="$build/request"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export REQUEST_HOME="$tmp/home"
command -v jq >/dev/null || { echo "jq is required"; exit 1; }

mkdir -p "$tmp/t" "$tmp/stamp"
echo '{"tags": ["program"], "run": "true"}' >"$tmp/t.json"
"$req" -q add local:program:t --meta "$tmp/t.json" >/dev/null
cat >"$tmp/stamp/stamp.cpp" <<'CPP'
#include <cstdio>
#include <ctime>
int main() { timespec t; clock_gettime(CLOCK_REALTIME, &t); std::printf("start=%lld\n", t.tv_sec * 1000000000LL + t.tv_nsec); }
CPP
cat >"$tmp/stamp.json" <<'JSON'
{"tags": ["program"], "sources": ["stamp.cpp"], "deps": [{"name": "cxx", "tags": ["compiler", "lang-cxx"]}],
 "build": ["$CXX -O2 -o $OUT/stamp $SRC/stamp.cpp"], "run": "$OUT/stamp",
 "metrics": {"start": {"from": "stdout", "regex": "start=([0-9]+)", "direction": "min"}}}
JSON
"$req" -q add local:program:stamp --meta "$tmp/stamp.json" --files "$tmp/stamp" >/dev/null

now_ns() { date +%s%N; }
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# 1. Per-repetition overhead.
"$req" -q --json run local:program:t --repeat 5 --warmup 0 >/dev/null  # warm caches
t0=$(now_ns); "$req" -q --json run local:program:t --repeat 1 --warmup 0 >/dev/null; t1=$(now_ns)
"$req" -q --json run local:program:t --repeat "$runs" --warmup 10 >"$tmp/run.json"; t2=$(now_ns)
one=$((t1 - t0))
many=$((t2 - t1))
wall=$(jq '.results[0].metrics.wall_time_s.median * 1e6' "$tmp/run.json")
per_rep=$(awk -v a="$many" -v b="$one" -v n="$runs" 'BEGIN { printf "%.1f", (a - b) / (n + 10 - 1) / 1000 }')
printf '%-44s median %8.1f us\n' "request run: recorded wall_time_s" "$wall"
printf '%-44s        %8.1f us\n' "request run: whole cost per repetition" "$per_rep"
bare=""
exec_bench="$build/bench/exec_overhead_bench"
[ -x "$exec_bench" ] || exec_bench=$(ls "$(dirname "$0")"/../build-*/bench/exec_overhead_bench 2>/dev/null | head -1 || true)
if [ -n "$exec_bench" ] && [ -x "$exec_bench" ]; then
  bare=$("$exec_bench" "$runs" | sed -n 's/^bare_median_us=//p')
  printf '%-44s median %8.1f us\n' "bare posix_spawn + wait4 loop" "$bare"
fi
hf=""
if command -v hyperfine >/dev/null; then
  h0=$(now_ns)
  hyperfine -N --runs "$runs" --warmup 10 --export-json "$tmp/hf.json" true >/dev/null 2>&1
  h1=$(now_ns)
  hf=$(jq '.results[0].median * 1e6' "$tmp/hf.json")
  hf_whole=$(awk -v a="$((h1 - h0))" -v n="$runs" 'BEGIN { printf "%.1f", a / (n + 10) / 1000 }')
  printf '%-44s median %8.1f us\n' "hyperfine -N --runs $runs true" "$hf"
  printf '%-44s        %8.1f us\n' "hyperfine: whole cost per run (incl. startup)" "$hf_whole"
fi
ratio() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { r = a / b; printf "%.3f (target <= %s) %s\n", r, t, (r <= t ? "OK" : "OVER") }'; }
[ -n "$hf" ] && printf 'recorded wall / hyperfine:       %s\n' "$(ratio "$wall" "$hf" 1.00)"
[ -n "$bare" ] && printf 'recorded wall / bare loop:       %s\n' "$(ratio "$wall" "$bare" 1.10)"
[ -n "$hf" ] && printf 'whole per-rep cost / hyperfine whole cost per run: %s\n' "$(ratio "$per_rep" "$hf_whole" 1.00)"

# 2. Start latency of a second (cached) run.
if ! command -v g++ >/dev/null; then echo "g++ not installed: no start latency"; exit 0; fi
t0=$(now_ns)
"$req" -q --json run local:program:stamp --repeat 1 --warmup 0 >"$tmp/first.json"
first=$(jq -r '.results[0].metrics.start.median' "$tmp/first.json")
printf '%-44s        %8.1f ms (build cached: %s)\n' "first run: start of its first repetition" \
  "$(awk -v a="$first" -v b="$t0" 'BEGIN { print (a - b) / 1e6 }')" "$(jq -r '.results[0].build.cached' "$tmp/first.json")"
for _ in $(seq 10); do
  t0=$(now_ns)
  "$req" -q --json run local:program:stamp --repeat 1 --warmup 0 >"$tmp/second.json"
  s=$(jq -r '.results[0].metrics.start.median' "$tmp/second.json")
  awk -v a="$s" -v b="$t0" 'BEGIN { printf "%.3f\n", (a - b) / 1e6 }'
done >"$tmp/lat.txt"
lat=$(median <"$tmp/lat.txt")
printf '%-44s median %8.1f ms (build cached: %s; target <= 50 ms) %s\n' "second run: start of its first repetition" \
  "$lat" "$(jq -r '.results[0].build.cached' "$tmp/second.json")" "$(awk -v l="$lat" 'BEGIN { print (l <= 50 ? "OK" : "OVER") }')"
