# find: tag AND-matching, -tag exclusion, module filter, --repo, --where with
# dotted paths, wildcards and uids; --set values parsed as JSON when valid.
ok add demo:a --tags x,y --set opt=3 --set build.cc=gcc --set 'build.flags=["-O2"]'
ok add demo:b --tags x --set opt=4 --set build.cc=clang --set name=bee
ok add demo:c --tags y,z --set opt='"3"' --set fast=true
ok add data:a --tags x,y
ok repo init "$TEST_DIR/other" --name other
ok add other:demo:d --tags x,y --set build.cc=gcc
ok add demo:e --repo other --tags q

names() { jq -r '[.entries[].cid] | join(" ")' <<<"$OUT"; }
ok --json find demo --tags x,y
eq "$(names)" "local:demo:a other:demo:d" "tags x AND y"
ok --json find demo --tags x,-y
eq "$(names)" "local:demo:b" "tags x but not y"
ok --json find --tags x,y
eq "$(names)" "local:data:a local:demo:a other:demo:d" "no module filter"
ok --json find demo --tags y --repo other
eq "$(names)" "other:demo:d" "--repo"
ok --json find 'other:demo:*'
eq "$(names)" "other:demo:d other:demo:e" "CID pattern"
ok --json find 'demo:?'
jq_eq '.entries | length' 5
ok --json find 'dem*' --tags z
eq "$(names)" "local:demo:c" "module wildcard"
ok --json find demo --where build.cc=gcc
eq "$(names)" "local:demo:a other:demo:d" "--where dotted"
ok --json find demo --where build.cc=gcc --where opt=3
eq "$(names)" "local:demo:a" "two --where clauses"
ok --json find demo --where build.flags=-O2
eq "$(names)" "local:demo:a" "--where on a list value"
ok --json find demo --where fast=true
eq "$(names)" "local:demo:c" "--where boolean"
ok --json find demo --where opt=3
eq "$(names)" "local:demo:a" "--where 3 matches the number only"
ok --json find demo --where 'opt="3"'
eq "$(names)" "local:demo:a local:demo:c" "--where \"3\" matches the string and the number's text"
ok --json find demo --where nosuch.key=1
jq_eq '.entries | length' 0
ok --json find nomodule
jq_eq '.entries | length' 0
# The find document has exactly the documented fields.
ok --json find demo --tags z
jq_eq '.entries[0] | keys | join(",")' alias,cid,module,path,repo,tags,uid
jq_eq '.entries[0].path' "$REQUEST_HOME/local/demo/c"
jq_eq '.entries[0].tags | join(",")' y,z
# --set parsing: JSON when valid, else a string.
ok --json show demo:a
jq_eq '.meta.opt | type' number
jq_eq '.meta.build.cc' gcc
jq_eq '.meta.build.flags[0]' -O2
ok --json show demo:b
jq_eq '.meta.name' bee
ok --json show demo:c
jq_eq '.meta.opt | type' string
jq_eq '.meta.fast | type' boolean
jq_eq '. | keys | join(",")' alias,cid,meta,module,path,repo,repo_commit,repo_dirty,uid
jq_eq .repo_commit null
# Human output: a table on stdout, the count on stderr.
ok find demo --tags x
out_has "CID"
out_has "local:demo:a"
err_has "3 entries"
ok -q find demo --tags x
[ -z "$ERR" ] || fail "-q still printed: $ERR"
# uids name entries across repositories.
ok --json show other:demo:d
uid=$(jq -r .uid <<<"$OUT")
ok --json find "demo:$uid"
eq "$(names)" "other:demo:d" "find by uid"
# cp gets a new uid and records its origin; mv keeps the uid, also across repositories.
ok --json cp demo:a a2
jq_eq .meta.copied_from "$(request --json show demo:a | jq -r .uid)"
[ "$(jq -r .uid <<<"$OUT")" != "$(request --json show demo:a | jq -r .uid)" ] || fail "cp kept the uid"
ok --json mv other:demo:d local:demo:d
jq_eq .uid "$uid"
jq_eq .repo local
expect_rc 3 show other:demo:d
# rm of several CIDs, wildcards with --force.
ok rm 'demo:a*' --force
ok --json find 'demo:a*'
jq_eq '.entries | length' 0
ok --json rm demo:b demo:c
jq_eq '.removed | join(",")' local:demo:b,local:demo:c
