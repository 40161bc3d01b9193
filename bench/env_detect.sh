#!/usr/bin/env bash
# `request env detect --force` with all bundled detectors (every version command
# run again, nothing rewritten), and `env detect` without --force (fingerprints
# only), median of RUNS runs (default 10). Baseline in the same run: the same
# version commands run one after another by a shell script.
# Target: detect --force under 300 ms.   bench/env_detect.sh [REQUEST_BIN] [RUNS]
set -euo pipefail
bin=$(realpath "${1:-build/request}")
runs=${2:-10}
command -v hyperfine >/dev/null || { echo "needs hyperfine" >&2; exit 1; }
command -v jq >/dev/null || { echo "needs jq" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/request-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
export REQUEST_HOME="$work/home"
"$bin" -q env detect >/dev/null  # register everything once
n=$("$bin" --json env list | jq '.entries | length')

# The sequential baseline: every version command of the registered entries.
{
  echo '#!/bin/sh'
  for t in gcc g++ clang clang++; do
    command -v $t >/dev/null && echo "$t -dumpversion >/dev/null 2>&1"
    command -v $t >/dev/null && echo "$t -fopenmp -include omp.h -dM -E -x c /dev/null >/dev/null 2>&1"
  done
  for t in cmake make ninja python3 git hyperfine pkg-config; do
    command -v $t >/dev/null && echo "$t --version >/dev/null 2>&1"
  done
  for p in zlib openblas; do echo "pkg-config --modversion --cflags --libs $p >/dev/null 2>&1"; done
  echo 'exit 0'
} >"$work/sequential.sh"
chmod +x "$work/sequential.sh"

hyperfine -N --style none --warmup 2 --runs "$runs" --export-json "$work/r.json" \
  -n "sequential version commands (sh)" "$work/sequential.sh" \
  -n "env detect --force" "$bin -q env detect --force" \
  -n "env detect (fingerprints only)" "$bin -q env detect" >/dev/null
base=$(jq '.results[0].median' "$work/r.json")
echo "env detect with all bundled detectors ($n environments), median of $runs runs (target: --force < 300 ms):"
jq -r --argjson base "$base" '.results[] |
  "  \(.command | . + (" " * (34 - length)))\(.median * 1000 | round) ms   (x\(.median / $base * 100 | round / 100) of sequential)"' \
  "$work/r.json"
