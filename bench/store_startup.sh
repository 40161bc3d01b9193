#!/usr/bin/env bash
# Start-up cost: `request --version` and `request find` on an empty home,
# median of RUNS runs (default 100) each, against /bin/true in the same run.
# Target: under 5 ms.   bench/store_startup.sh [REQUEST_BIN] [RUNS]
set -euo pipefail
bin=$(realpath "${1:-build/request}")
runs=${2:-100}
command -v hyperfine >/dev/null || { echo "needs hyperfine" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/request-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
export REQUEST_HOME="$work/home"
"$bin" find >/dev/null 2>&1  # create the empty home once
hyperfine -N --style none --warmup 5 --runs "$runs" --export-json "$work/r.json" \
  -n true "/bin/true" \
  -n version "$bin --version" \
  -n "find (empty home)" "$bin find" \
  -n "find --tags (empty home)" "$bin find program --tags a,b" >/dev/null
base=$(jq '.results[0].median' "$work/r.json")
echo "start-up, median of $runs runs (target < 5 ms):"
jq -r --argjson base "$base" '.results[] |
  "  \(.command | . + (" " * (26 - length)))\(.median * 1000 * 100 | round / 100) ms   (x\(.median / $base * 10 | round / 10) of /bin/true)"' \
  "$work/r.json"
