#!/usr/bin/env bash
# Generate a request repository with N entries of module `program`, written
# directly as files (no `request add`), for the find benchmarks and tests.
#   bench/store_gen.sh DIR N [MODULE]
# Entry i is program:e<i> with uid printf('%016x', i + 1) and tags
#   bench, t<i % 10>, g<i % 7>   (so --tags t3,g5 matches about 1/70 of them)
# and a few meta fields (n = i, build.cc = gcc|clang).
set -euo pipefail
dir=${1:?usage: store_gen.sh DIR N [MODULE]}
n=${2:?usage: store_gen.sh DIR N [MODULE]}
module=${3:-program}
name=$(basename "$dir" | tr -c 'a-z0-9._\n-' '-')
mkdir -p "$dir/$module"
cat >"$dir/request-repo.json" <<JSON
{"name": "$name", "uid": "00000000000000aa", "deps": []}
JSON
cd "$dir/$module"
# mkdir takes many names at once: a few thousand processes fewer than one per entry.
seq 0 $((n - 1)) | sed 's/^/e/' | xargs mkdir -p
seq 0 $((n - 1)) | awk '{
  i = $1
  f = "e" i "/meta.json"
  printf "{\n  \"alias\": \"e%d\",\n  \"uid\": \"%016x\",\n  \"tags\": [\"bench\", \"t%d\", \"g%d\"],\n  \"n\": %d,\n  \"build\": {\"cc\": \"%s\"}\n}\n", i, i + 1, i % 10, i % 7, i, (i % 2 ? "clang" : "gcc") > f
  close(f)
}'
