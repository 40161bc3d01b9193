# meta.yaml entries are treated exactly like meta.json ones.
cat >m.yaml <<'YAML'
tags: [yml, demo]
opt: 3
quoted: "3"
flag: true
nothing: ~
build:
  cc: gcc
  flags: [-O2, -g]
YAML
ok add demo:fromyaml --meta m.yaml --set build.cc=clang
ok --json show demo:fromyaml
jq_eq '.meta.opt' 3
jq_eq '.meta.quoted | type' string
jq_eq '.meta.flag' true
jq_eq '.meta.nothing' null
jq_eq '.meta.build.cc' clang
jq_eq '.meta.build.flags | join(" ")' "-O2 -g"
jq_eq '.meta.tags | join(",")' yml,demo
# An entry whose meta file is meta.yaml on disk (written by hand or by git).
mkdir -p "$REQUEST_HOME/local/demo/handmade"
cat >"$REQUEST_HOME/local/demo/handmade/meta.yaml" <<'YAML'
uid: "00000000000000ab"
alias: handmade
tags:
  - yml
  - hand
opt: 3
build: {cc: gcc}
YAML
ok --json find demo --tags yml
jq_eq '[.entries[].alias] | join(",")' fromyaml,handmade
ok --json find demo --tags yml,-hand
jq_eq '[.entries[].alias] | join(",")' fromyaml
ok --json find demo --where build.cc=gcc
jq_eq '[.entries[].alias] | join(",")' handmade
ok --json find demo --where opt=3
jq_eq '.entries | length' 2
ok --json show demo:00000000000000ab
jq_eq .alias handmade
jq_eq '.meta.build.cc' gcc
# Writes keep a YAML entry in YAML (mv rewrites the alias field).
ok mv demo:handmade handmade2
[ -f "$REQUEST_HOME/local/demo/handmade2/meta.yaml" ] || fail "mv lost meta.yaml"
[ ! -e "$REQUEST_HOME/local/demo/handmade2/meta.json" ] || fail "mv left both meta files"
ok --json show demo:handmade2
jq_eq .meta.alias handmade2
jq_eq .meta.uid 00000000000000ab
jq_eq .meta.opt 3
ok cp demo:handmade2 copy
ok --json show demo:copy
jq_eq .meta.copied_from 00000000000000ab
jq_eq .meta.build.cc gcc
# A schema violation in YAML names the path, like JSON.
printf 'tags: notalist\n' >bad.yaml
expect_rc 4 add demo:bad --meta bad.yaml
err_is_one_line 'schema violation: \$\.tags: '
# Malformed YAML on disk: show reports file:line:col, find skips with a warning.
mkdir -p "$REQUEST_HOME/local/demo/broken"
printf 'uid: "00000000000000cd"\ntags: [a, b\nalias: broken\n' >"$REQUEST_HOME/local/demo/broken/meta.yaml"
expect_rc 4 show demo:broken
err_is_one_line 'broken/meta.yaml:[0-9]+:[0-9]+: malformed YAML'
ok --json find demo --tags yml
jq_eq '[.entries[].alias] | join(",")' copy,fromyaml,handmade2
err_has "broken/meta.yaml"
