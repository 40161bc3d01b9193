# A writer killed with kill -9 at random moments leaves the old or the new
# state: never a half-written file, never a temporary a later reader trips on.
# The writer is started as "$REQUEST_BIN" itself (not the `request` shell
# function), so that kill -9 hits the writer and not a subshell around it.
command -v jq >/dev/null || skip "jq is not installed"
# A large meta makes each write take a while, so kills land mid-write.
{
  printf '{"tags": ["big"], "blob": ['
  for i in $(seq 1 20000); do printf '"%s",' "item-$i-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; done
  printf '"last"], "end": "complete"}\n'
} >big.json
rounds=${KILL_ROUNDS:-25}
RANDOM=42
# Kill moments spread over the whole duration of one write (measured here).
start=$(date +%s%N)
ok add demo:k0 --meta big.json
span=$((($(date +%s%N) - start) / 1000000 * 12 / 10 + 1))
pause() { awk -v ms=$((RANDOM % span)) 'BEGIN { printf "%.3f", ms / 1000 }'; }
killed=0
for i in $(seq 1 "$rounds"); do
  "$REQUEST_BIN" add "demo:k$i" --meta big.json >/dev/null 2>&1 &
  pid=$!
  sleep "$(pause)"
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
  wait "$pid" 2>/dev/null || true
  # Old state (no entry) or new state (the whole meta), nothing in between.
  dir="$REQUEST_HOME/local/demo/k$i"
  if [ -e "$dir" ]; then
    ok --json show "demo:k$i"
    jq_eq .meta.end complete
    jq_eq '.meta.blob | length' 20001
  else
    expect_rc 3 show "demo:k$i"
  fi
  # Readers see only complete entries; leftovers are dot-names they skip.
  ok --json find demo
  [ -z "$ERR" ] || fail "find after a kill warned: $ERR"
  bad=$(ls -A "$REQUEST_HOME/local/demo" 2>/dev/null | grep -v '^\.' | grep -vE '^k[0-9]+$' || true)
  [ -z "$bad" ] || fail "non-entry names in demo/: $bad"
done
echo "killed $killed of $rounds writers mid-run (within ${span} ms); $(ls "$REQUEST_HOME/local/demo" | grep -c '^k') entries complete" >&2
# Entries whose folder exists are all complete; a later writer works normally.
ok --json find demo --tags big
n=$(jq '.entries | length' <<<"$OUT")
[ "$n" -eq "$(ls "$REQUEST_HOME/local/demo" | grep -c '^k')" ] || fail "find disagrees with the folders"
ok add demo:after --meta big.json
# Old leftovers are swept by the next listing of the module.
leftovers=$(ls -A "$REQUEST_HOME/local/demo" | grep -E '^\.(tmp|trash)-' || true)
if [ -n "$leftovers" ]; then
  for f in $leftovers; do touch -d '2 hours ago' "$REQUEST_HOME/local/demo/$f"; done
  ok add demo:trigger  # changes the module folder, so the next find lists it
  ok find demo
  left=$(ls -A "$REQUEST_HOME/local/demo" | grep -E '^\.(tmp|trash)-' || true)
  [ -z "$left" ] || fail "old leftovers were not swept: $left"
fi

# Killing meta rewrites (mv rewrites the alias in meta) leaves a valid entry.
ok add demo:m0 --meta big.json
cur=m0
for i in $(seq 1 10); do
  "$REQUEST_BIN" mv "demo:$cur" "m$i" >/dev/null 2>&1 &
  pid=$!
  sleep "$(pause)"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -d "$REQUEST_HOME/local/demo/m$i" ]; then cur=m$i; fi
  ok --json show "demo:$cur"
  jq_eq .meta.end complete
done

# Killing registry writers leaves a valid registry.
for i in $(seq 1 10); do
  "$REQUEST_BIN" repo init "$TEST_DIR/kr$i" >/dev/null 2>&1 &
  pid=$!
  sleep "0.00$((RANDOM % 9 + 1))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  jq -e '.repos | type == "array"' "$REQUEST_HOME/registry.json" >/dev/null || fail "registry.json damaged after a kill"
  ok repo list
done
