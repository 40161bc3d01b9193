# Racing `repo init` and `repo add` on the registry: every registration lands,
# the registry stays one valid document.
n=16
request find >/dev/null  # create the home first; its own race is in t_race_add
for i in $(seq 1 $n); do ok repo init "$TEST_DIR/pre$i" --name "pre$i"; done
pids=()
for i in $(seq 1 $n); do request repo init "$TEST_DIR/r$i" >/dev/null 2>"init.$i" & pids+=($!); done
for p in "${pids[@]}"; do wait "$p" || fail "a racing repo init failed: $(cat init.*)"; done
jq -e . "$REQUEST_HOME/registry.json" >/dev/null || fail "registry.json is not valid JSON"
ok --json repo list
for i in $(seq 1 $n); do
  jq_eq "[.repos[] | select(.name == \"r$i\")] | length" 1
  jq_eq "[.repos[] | select(.name == \"pre$i\")] | length" 1
done
# repo add of folders made elsewhere, racing with rm of the pre* ones.
for i in $(seq 1 $n); do
  mkdir -p "$TEST_DIR/ext$i"
  echo "{\"name\": \"ext$i\", \"uid\": \"00000000000000$(printf '%02x' "$i")\", \"deps\": []}" >"$TEST_DIR/ext$i/request-repo.json"
done
pids=()
for i in $(seq 1 $n); do
  request repo add "$TEST_DIR/ext$i" >/dev/null 2>"add.$i" & pids+=($!)
  request repo rm "pre$i" >/dev/null 2>"rm.$i" & pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || fail "a racing repo add/rm failed: $(cat add.* rm.*)"; done
ok --json repo list
jq_eq '[.repos[] | select(.name | startswith("ext"))] | length' $n
jq_eq '[.repos[] | select(.name | startswith("pre"))] | length' 0
jq_eq '[.repos[] | select(.name | startswith("r"))] | length' $n
# The same name twice at once: one wins, the other fails cleanly (exit 1).
set +e
request repo init "$TEST_DIR/twin1" --name twin >/dev/null 2>twin.1 &
p1=$!
request repo init "$TEST_DIR/twin2" --name twin >/dev/null 2>twin.2 &
p2=$!
wait $p1; rc1=$?
wait $p2; rc2=$?
set -e
[ $((rc1 + rc2)) -eq 1 ] || fail "twin inits exited $rc1 and $rc2; expected one 0 and one 1: $(cat twin.*)"
ok --json repo list
jq_eq '[.repos[] | select(.name == "twin")] | length' 1
ls -A "$REQUEST_HOME" | grep -q '^\.tmp-' && fail "temporaries left in REQUEST_HOME: $(ls -A "$REQUEST_HOME")"
true
