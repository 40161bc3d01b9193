#!/usr/bin/env bash
# `request find program --tags t3,g5` over N entries in one repository, cold
# (first run: the index is built) and warm (target < 50 ms at 100,000),
# against baselines over the same tree measured in the same run: `find -name
# meta.json` and `grep -rl` for the tag, and request without its index.
#   bench/store_find.sh [REQUEST_BIN] [SIZES...]     (default: 10000 100000)
# Generated trees are kept in $REQUEST_BENCH_DIR (default /tmp/request-bench).
set -euo pipefail
bin=$(realpath "${1:-build/request}")
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
here=$(cd "$(dirname "$0")" && pwd)
data=${REQUEST_BENCH_DIR:-/tmp/request-bench}
command -v hyperfine >/dev/null || { echo "needs hyperfine" >&2; exit 1; }
mkdir -p "$data"
export REQUEST_HOME="$data/home"
median() { jq ".results[$1].median * 1000 * 10 | round / 10" "$2"; }
for n in "${sizes[@]}"; do
  repo="$data/r$n"
  if [ ! -f "$repo/.complete" ]; then
    rm -rf "$repo"
    echo "generating $n entries in $repo ..." >&2
    start=$(date +%s.%N)
    bash "$here/store_gen.sh" "$repo" "$n"
    touch "$repo/.complete"
    echo "  generated in $(echo "$(date +%s.%N) - $start" | bc) s" >&2
  fi
  "$bin" repo add "$repo" --name "r$n" >/dev/null 2>&1 || true
  q=("$bin" find program --repo "r$n" --tags t3,g5)
  matches=$("${q[@]}" 2>/dev/null | tail -n +2 | wc -l)
  sleep 0.2  # past the racy window of the files just written
  idx="$REQUEST_HOME/cache/index"
  out="$data/find-$n.json"
  cold_runs=3
  [ "$n" -le 20000 ] && cold_runs=5
  hyperfine -N --style none --export-json "$out.cold" --runs "$cold_runs" \
    --prepare "rm -rf $idx" -n cold "${q[*]}" \
    -n "no index" "env REQUEST_NO_INDEX=1 ${q[*]}" >/dev/null
  "${q[@]}" >/dev/null 2>&1
  sleep 0.2
  hyperfine -N --style none --export-json "$out.warm" --warmup 3 --runs 20 \
    -n warm "${q[*]}" \
    -n "find -name meta.json" "find $repo/program -name meta.json" \
    -n "grep -rl tag" "grep -rl --include=meta.json \"t3\" $repo/program" >/dev/null
  warm=$(median 0 "$out.warm")
  cold=$(median 0 "$out.cold")
  noidx=$(median 1 "$out.cold")
  findb=$(median 1 "$out.warm")
  grepb=$(median 2 "$out.warm")
  ratio() { echo "scale=2; $1 / $2" | bc; }
  echo "find over $n entries ($matches matches), medians:"
  echo "  request find, warm index        $warm ms   (target < 50 ms at 100k)"
  echo "  request find, cold (builds it)  $cold ms"
  echo "  request find, no index          $noidx ms"
  echo "  baseline find -name meta.json   $findb ms   warm/find = $(ratio "$warm" "$findb")"
  echo "  baseline grep -rl tag           $grepb ms   warm/grep = $(ratio "$warm" "$grepb")"
done
