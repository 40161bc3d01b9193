# add, find, show, mv, cp, rm round trip in the local repository.
ok add program:hello --tags demo,cpp --set opt=3 --set toolchain.cc=gcc
out_has "added local:program:hello"
ok --json show program:hello
jq_eq '.meta.toolchain.cc' gcc
jq_eq '.meta.opt' 3
jq_eq '.repo' local
ok --json find program --tags demo
jq_eq '.entries | length' 1
jq_eq '.entries[0].cid' local:program:hello
ok mv program:hello hi
ok cp program:hi hi2
ok --json find program --repo local --where opt=3
jq_eq '[.entries[].alias] | join(",")' hi,hi2
ok rm program:hi program:hi2
ok --json find program --repo local
jq_eq '.entries | length' 0
