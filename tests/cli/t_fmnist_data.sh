# The fashion-mnist repository's entries: every meta.json has a 16-hex uid,
# alias = folder name and the tag fashion-mnist; dataset files match their
# recorded size and sha256 (the full set only when dataset-fashion-mnist is
# installed); the bundled subset is under 1.5 MB, no file over 1 MB, and
# make_subset regenerates it byte for byte from the full set.
command -v jq >/dev/null || skip "jq is not installed"
R=$REQUEST_SOURCE/repos/fashion-mnist
jq -e '.name == "fashion-mnist" and (.uid | test("^[0-9a-f]{16}$")) and .deps == []' "$R/request-repo.json" >/dev/null ||
  fail "request-repo.json: $(cat "$R/request-repo.json")"
n=0
for meta in "$R"/*/*/meta.json; do
  dir=$(dirname "$meta")
  jq -e --arg a "$(basename "$dir")" '(.uid | test("^[0-9a-f]{16}$")) and .alias == $a and (.tags | index("fashion-mnist")) != null' \
    "$meta" >/dev/null || fail "$meta: uid, alias or tags wrong"
  n=$((n + 1))
done
eq "$n" 4 "number of entries"
eq "$(jq -r '.uid' "$R"/*/*/meta.json "$R/request-repo.json" | sort -u | wc -l)" 5 "distinct uids"
# check_files META BASE: size and sha256 of every listed file.
check_files() {
  local meta=$1 base=$2 path size sha
  while IFS=$'\t' read -r path size sha; do
    [[ $path = /* ]] || path=$base/$path
    [ -f "$path" ] || fail "$meta: missing $path"
    eq "$(stat -c %s "$path")" "$size" "size of $path"
    eq "$(sha256sum "$path" | cut -d' ' -f1)" "$sha" "sha256 of $path"
  done < <(jq -r '.files[] | [.path, .size, .sha256] | @tsv' "$meta")
}
mini=$R/dataset/fashion-mnist-mini
check_files "$mini/meta.json" "$mini"
eq "$(jq '.files | length' "$mini/meta.json")" 4 "files of the mini subset"
total=$(cat "$mini"/*.gz | wc -c)
[ "$total" -lt 1500000 ] || fail "mini subset is $total bytes"
for f in "$mini"/*.gz; do [ "$(stat -c %s "$f")" -lt 1048576 ] || fail "$f is over 1 MB"; done
eq "$(jq -r '.package.name' "$R/dataset/fashion-mnist/meta.json")" dataset-fashion-mnist "package of the full set"
full=/usr/share/datasets/fashion-mnist
[ -f $full/train-images-idx3-ubyte.gz ] || skip "dataset-fashion-mnist is not installed (mini subset checked)"
check_files "$R/dataset/fashion-mnist/meta.json" /
command -v g++ >/dev/null || skip "g++ is not installed (hashes checked)"
g++ -std=c++17 -O2 "$REQUEST_SOURCE/examples/fashion-mnist/make_subset.cpp" -o make_subset -lz
mkdir sub
./make_subset --src $full --out sub --train 2000 --test 500 --seed 7 2>/dev/null
for f in "$mini"/*.gz; do cmp -s "$f" "sub/$(basename "$f")" || fail "make_subset output differs from $(basename "$f")"; done
