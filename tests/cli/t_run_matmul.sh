# The bundled example runs out of the box; the build cache is hit by a second
# run and missed when a build choice changes; a C++ program over its memory limit.
source "$REQUEST_SOURCE/tests/cli/run_lib.sh"
command -v jq >/dev/null || skip "jq is not installed"
command -v g++ >/dev/null || skip "g++ is not installed"

ok --json run core:program:matmul --repeat 2 --warmup 0
jq_eq '.results[0].status' ok
jq_eq '.results[0].build.cached' false
jq_eq '.results[0].choices | "\(.n) \(.block) \(.opt)"' "128 32 2"
jq_eq '.results[0].metrics.gflops.median > 0' true
jq_eq '.results[0].metrics.gflops.direction' max
jq_eq '.results[0].metrics.max_rel_error.max < 1e-9' true
jq_eq '.results[0].env[0].version | test("^[0-9]+")' true
jq_eq '.results[0].env[0] | has("fingerprint")' true
jq_eq '.results[0].program.cid' core:program:matmul
jq_eq '.results[0].build.commands[0] | test("-O2 -std=c\\+\\+17")' true
key=$(jq -r '.results[0].build.key' <<<"$OUT")
[ -x "$REQUEST_HOME/cache/build/$key/matmul" ] || fail "no binary in the build cache"

ok --json run core:program:matmul --repeat 1 --warmup 0 --vary block=16,64
jq_eq '[.results[].build.cached] | join(",")' true,true
jq_eq "[.results[].build.key] | unique | join(\",\")" "$key"
ok --json run core:program:matmul --repeat 1 --warmup 0 --set opt=0
jq_eq '.results[0].build.cached' false
[ "$(jq -r '.results[0].build.key' <<<"$OUT")" != "$key" ] || fail "opt is a build choice: the key must change"

# Memory limit: a program that allocates more than allowed is reported as such.
init_progs
mkprog hog '{"tags": ["program"], "sources": ["hog.cpp"],
  "deps": [{"name": "cxx", "tags": ["compiler", "lang-cxx"]}],
  "choices": {"mb": {"type": "int", "default": 16}},
  "build": ["$CXX -O1 -o $OUT/hog $SRC/hog.cpp"], "run": "$OUT/hog $mb"}' \
  hog.cpp '#include <cstdlib>
#include <cstring>
#include <vector>
int main(int, char** argv) { std::vector<char> v(std::strtoul(argv[1], nullptr, 10) << 20); std::memset(v.data(), 1, v.size()); return v[7] - 1; }'
ok --json run progs:program:hog --repeat 1 --warmup 0 --memory-limit 256M
jq_eq '.results[0].status' ok
jq_eq '.results[0].run.memory_limit_bytes' 268435456
expect_rc 1 --json run progs:program:hog --repeat 1 --warmup 0 --memory-limit 256M --set mb=1024
jq_eq '.results[0].status' failed
jq_eq '.results[0].reason | test("^repetition 1: memory limit")' true
all_results_valid >/dev/null
