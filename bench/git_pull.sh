#!/usr/bin/env bash
# Benchmark: `request repo pull` against `git clone` of the same repository, in
# the same run. The repository has 5,000 entries and 2,000 commits (built with
# git fast-import in a few seconds). Prints the median of each and the ratio
# (target: pull / clone <= 1.3), for a file:// URL and for a plain local path.
#
# usage: bench/git_pull.sh [REQUEST_BIN] [RUNS]   (default: build-*/request, 7 runs)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-${REQUEST_BIN:-}}
if [ -z "$bin" ]; then bin=$(ls -t "$here"/build*/request 2>/dev/null | head -1 || true); fi
[ -x "$bin" ] || { echo "git_pull.sh: no request binary (pass it as the first argument)" >&2; exit 2; }
runs=${2:-7}
for tool in git hyperfine jq; do
  command -v $tool >/dev/null || { echo "git_pull.sh: $tool is not installed" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/request-bench-git-XXXXXX")
trap 'rm -rf "$work"' EXIT
entries=5000
commits=2000

# One fast-import stream: commit i adds entries [i*E/C, (i+1)*E/C) and edits an older one.
awk -v E=$entries -v C=$commits 'BEGIN {
  for (i = 0; i < C; i++) {
    printf "commit refs/heads/main\ncommitter bench <bench@example.invalid> %d +0000\n", 1700000000 + i
    msg = "commit " i; printf "data %d\n%s\n", length(msg), msg
    if (i == 0) {
      d = "{\"name\": \"bench\", \"uid\": \"0123456789abcdef\", \"deps\": []}\n"
      printf "M 644 inline request-repo.json\ndata %d\n%s\n", length(d), d
    }
    for (e = int(i * E / C); e < int((i + 1) * E / C); e++) {
      m = sprintf("{\"uid\": \"%016x\", \"alias\": \"e%05d\", \"tags\": [\"bench\", \"t%d\"], \"opt\": %d}\n", e + 1, e, e % 17, e)
      printf "M 644 inline program/e%05d/meta.json\ndata %d\n%s\n", e, length(m), m
      s = sprintf("#!/bin/sh\necho entry %d\n", e)
      printf "M 755 inline program/e%05d/run.sh\ndata %d\n%s\n", e, length(s), s
    }
    if (i > 0) {
      old = (i * 7) % int(i * E / C + 1)
      s = sprintf("#!/bin/sh\necho entry %d revision %d\n", old, i)
      printf "M 755 inline program/e%05d/run.sh\ndata %d\n%s\n", old, length(s), s
    }
    printf "\n"
  }
}' >"$work/stream"
git init -q --bare "$work/bench.git"
git -C "$work/bench.git" fast-import --quiet <"$work/stream"
git -C "$work/bench.git" symbolic-ref HEAD refs/heads/main
git -C "$work/bench.git" gc -q --aggressive 2>/dev/null || git -C "$work/bench.git" gc -q
echo "repository: $(git -C "$work/bench.git" rev-list --count main) commits," \
  "$(git -C "$work/bench.git" ls-tree -r --name-only main | grep -c meta.json) entries," \
  "$(du -sh "$work/bench.git" | cut -f1) packed"

# The pull must really produce the entries before its time means anything.
"$bin" --home "$work/check" -q repo pull "$work/bench.git" >/dev/null
[ -f "$work/check/repos/bench/program/e04999/meta.json" ] || { echo "git_pull.sh: the pull did not produce the entries" >&2; exit 1; }
rm -rf "$work/check"

measure() {  # label url
  local label=$1 url=$2
  hyperfine --style none --warmup 1 --runs "$runs" --export-json "$work/$label.json" \
    --prepare "rm -rf '$work/home' '$work/clone'" \
    -n "request repo pull" "'$bin' --home '$work/home' -q repo pull '$url'" \
    -n "git clone" "git clone -q '$url' '$work/clone'" >/dev/null
  local pull clone
  pull=$(jq '.results[0].median' "$work/$label.json")
  clone=$(jq '.results[1].median' "$work/$label.json")
  awk -v l="$label" -v p="$pull" -v c="$clone" 'BEGIN {
    r = p / c
    printf "%-10s request repo pull: %7.3f s   git clone: %7.3f s   ratio: %.2f (target <= 1.30) %s\n",
      l, p, c, r, (r <= 1.3 ? "ok" : "SLOWER")
  }'
}
echo "median of $runs runs each, after one warmup:"
measure file-url "file://$work/bench.git"
measure path "$work/bench.git"
