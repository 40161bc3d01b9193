# The find index under REQUEST_HOME/cache never serves a stale answer: files
# added, removed, renamed and edited behind its back (plain writes, in-place
# edits of the same size) show in the very next find.
repo="$TEST_DIR/big"
bash "$REQUEST_SOURCE/bench/store_gen.sh" "$repo" 300 demo >/dev/null
ok repo add "$repo" --name big
count() { request --json find demo --repo big "$@" | jq '.entries | length'; }
both() {  # the index and the files agree
  local a b
  a=$(request --json find demo --repo big "$@" | jq -c '[.entries[] | [.alias, .uid, .tags]]')
  b=$(REQUEST_NO_INDEX=1 request --json find demo --repo big "$@" | jq -c '[.entries[] | [.alias, .uid, .tags]]')
  [ "$a" = "$b" ] || fail "index and files disagree for find $*:
index: $a
files: $b"
}
eq "$(count)" 300 "all entries"
eq "$(count --tags t3,g5)" "$(seq 0 299 | awk '$1 % 10 == 3 && $1 % 7 == 5' | wc -l)" "tags t3,g5"
ls "$REQUEST_HOME/cache/index/"demo-*.idx >/dev/null || fail "no index file was written"
sleep 0.2
both --tags t3
# Added by a plain file write.
mkdir "$repo/demo/added"
echo '{"uid": "00000000000fffff", "alias": "added", "tags": ["t3", "new"]}' >"$repo/demo/added/meta.json"
eq "$(count --tags new)" 1 "entry added behind the index"
# Removed.
rm -rf "$repo/demo/e13"
eq "$(count --tags t3)" 30 "entry removed behind the index"
# Renamed.
mv "$repo/demo/e23" "$repo/demo/renamed"
ok --json find demo --repo big --tags t3
out_has '"renamed"'
out_lacks '"e23"'
# Edited in place, same size, no rename: t3 -> t4 in e33.
sed -i.bak 's/"t3"/"t4"/' "$repo/demo/e33/meta.json" && rm "$repo/demo/e33/meta.json.bak"
perl -e 'open(my $f, "+<", $ARGV[0]) or die; local $/; my $s = <$f>; $s =~ s/"t3"/"zz"/; seek($f, 0, 0); print $f $s; close $f' \
  "$repo/demo/e43/meta.json"
ok --json find demo --repo big --tags t3
out_lacks '"e33"'
out_lacks '"e43"'
eq "$(count --tags zz)" 1 "in-place edit seen"
both --tags t3
# Same-size in-place edits right after each index write, many times (racy-clean rule).
for i in $(seq 1 30); do
  if [ $((i % 2)) -eq 1 ]; then from=t5; to=t6; else from=t6; to=t5; fi
  perl -e 'open(my $f, "+<", $ARGV[0]) or die; local $/; my $s = <$f>; $s =~ s/"$ARGV[1]"/"$ARGV[2]"/; seek($f, 0, 0); print $f $s; close $f' \
    "$repo/demo/e5/meta.json" "$from" "$to"
  ok --json find demo --repo big --tags "$to"
  out_has '"e5"'
  ok --json find demo --repo big --tags "$from"
  out_lacks '"e5"'
done
# meta.json replaced by meta.yaml.
rm "$repo/demo/e7/meta.json"
printf 'uid: "0000000000000008"\nalias: e7\ntags: [yamlnow]\n' >"$repo/demo/e7/meta.yaml"
eq "$(count --tags yamlnow)" 1 "meta.json swapped for meta.yaml"
# A folder without meta that gains one later.
mkdir "$repo/demo/late"
eq "$(count --tags late)" 0 "folder without meta"
echo '{"uid": "0000000000000aaa", "alias": "late", "tags": ["late"]}' >"$repo/demo/late/meta.json"
eq "$(count --tags late)" 1 "meta added to an existing folder"
# A corrupted or truncated index is ignored and rebuilt.
for f in "$REQUEST_HOME"/cache/index/demo-*.idx; do head -c 500 "$f" >"$f.cut" && mv "$f.cut" "$f"; done
both
for f in "$REQUEST_HOME"/cache/index/demo-*.idx; do echo garbage >"$f"; done
both --tags t3
# An unwritable cache costs speed, never correctness.
rm -rf "$REQUEST_HOME/cache" && echo blocked >"$REQUEST_HOME/cache"
both --tags t4
rm -f "$REQUEST_HOME/cache"
# Writes through request are seen too.
ok add big:demo:viacli --tags t3,cli
eq "$(count --tags cli)" 1 "entry added by request"
ok rm big:demo:viacli
eq "$(count --tags cli)" 0 "entry removed by request"
both
