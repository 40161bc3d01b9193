#!/usr/bin/env bash
# End-to-end timing of `request pareto --input` on generated 10^6-row CSV files
# (2 and 3 objectives), median of several runs, against the targets of issue 6
# (half of moocore's command line: 0.19 s and 0.26 s). Also runs pareto_bench.
#   bench/pareto.sh BUILD_DIR [ROWS]
set -euo pipefail
build=${1:?usage: bench/pareto.sh BUILD_DIR [ROWS]}
rows=${2:-1000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export REQUEST_HOME="$tmp/home"
"$build/bench/pareto_bench"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for d in 2 3; do
  "$build/bench/pareto_bench" --write-csv "$rows" "$d" "$tmp/p$d.csv"
  objs=()
  for k in $(seq 1 "$d"); do objs+=(--objective "f$k:min"); done
  target=$([ "$d" = 2 ] && echo 0.19 || echo 0.26)
  for mode in "--frontier-only" ""; do
    times=()
    for _ in 1 2 3 4 5; do
      s=$(date +%s.%N)
      "$build/request" pareto --input "$tmp/p$d.csv" "${objs[@]}" --format csv $mode >/dev/null 2>&1
      e=$(date +%s.%N)
      times+=("$(echo "$e - $s" | bc)")
    done
    m=$(printf '%s\n' "${times[@]}" | median)
    printf 'end-to-end  %d objectives, %d rows, csv out%-16s median %.3f s  target %s s  %s\n' \
      "$d" "$rows" "${mode:+ $mode}" "$m" "$target" "$(echo "$m <= $target" | bc | sed 's/1/OK/;s/0/SLOWER/')"
  done
done
