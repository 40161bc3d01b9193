# Many `request add` processes racing on one repository: all succeed or fail
# cleanly; the entries and the registry stay valid.
n=24
# First use of a fresh REQUEST_HOME by many processes at once.
pids=()
for i in $(seq 1 8); do request find demo >/dev/null 2>"first.$i" & pids+=($!); done
for p in "${pids[@]}"; do wait "$p" || fail "a concurrent first use failed: $(cat first.*)"; done
ok --json repo list
jq_eq '[.repos[].name] | map(select(. == "local")) | length' 1

# Distinct aliases: every add succeeds.
pids=()
for i in $(seq 1 $n); do request add "demo:p$i" --tags race --set "i=$i" >/dev/null 2>"add.$i" & pids+=($!); done
for p in "${pids[@]}"; do wait "$p" || fail "a racing add failed: $(cat add.*)"; done
ok --json find demo --tags race
jq_eq '.entries | length' $n
for i in $(seq 1 $n); do
  jq -e . "$REQUEST_HOME/local/demo/p$i/meta.json" >/dev/null || fail "p$i/meta.json is not valid JSON"
  ok --json show "demo:p$i"
  jq_eq .meta.i "$i"
done

# One alias: exactly one add wins, the others exit 1 with a clean message.
pids=()
for i in $(seq 1 $n); do
  (
    set +e
    request add demo:same --set "who=$i" >/dev/null 2>"same.$i"
    echo $? >"same.rc.$i"
  ) &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
wins=$(cat same.rc.* | grep -c '^0$' || true)
losses=$(cat same.rc.* | grep -c '^1$' || true)
[ "$wins" -eq 1 ] || fail "$wins adds of one alias succeeded, expected exactly one"
[ "$losses" -eq $((n - 1)) ] || fail "losing adds did not all exit 1: $(cat same.rc.* | sort | uniq -c)"
for i in $(seq 1 $n); do
  if [ "$(cat "same.rc.$i")" = 1 ]; then
    grep -qE "^request: error: local:demo:same: entry already exists" "same.$i" || fail "loser $i said: $(cat "same.$i")"
  fi
done
ok --json show demo:same
winner=$(jq -r .meta.who <<<"$OUT")
[ "$(cat "same.rc.$winner")" = 0 ] || fail "the stored entry is not the winner's"
# No stray temporaries that a reader could mistake for entries.
stray=$(ls -A "$REQUEST_HOME/local/demo" | grep -v '^\.' | grep -vE '^(p[0-9]+|same)$' || true)
[ -z "$stray" ] || fail "stray folders in demo/: $stray"

# Racing rm/add/find on the same entries never shows a half state.
pids=()
for i in $(seq 1 $n); do
  (request rm "demo:p$i" >/dev/null 2>&1 && request add "demo:p$i" --tags again >/dev/null 2>&1) & pids+=($!)
  request --json find demo >"find.$i" 2>"find.err.$i" & pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || fail "a racing rm/add/find failed: $(cat find.err.* add.* 2>/dev/null)"; done
for i in $(seq 1 $n); do
  jq -e '.entries | type == "array"' "find.$i" >/dev/null || fail "find printed invalid JSON: $(cat "find.$i")"
  ! grep -q 'skipped' "find.err.$i" || fail "find met a half-written entry: $(cat "find.err.$i")"
done
ok --json find demo --tags again
jq_eq '.entries | length' $n
