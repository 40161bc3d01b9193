# env machine: the description results record; host name only when asked.
command -v jq >/dev/null || skip "jq is not installed"
ok --json env machine
jq_eq 'has("hostname")' false
jq_eq '.threads' "$(getconf _NPROCESSORS_ONLN)"
jq_eq '.kernel' "Linux $(uname -r)"
jq_eq '.architecture' "$(uname -m)"
jq_eq '.rapl_readable | type' boolean
jq_eq '.memory_bytes > 0' true
jq_eq '.libc | startswith("glibc ")' true
ok --json env machine --record-hostname
jq_eq '.hostname' "$(hostname)"
ok env machine
out_has "cpu_model"
