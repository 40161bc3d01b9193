# pareto --input on CSV and JSONL: frontier, ties, exclusions, formats, ranks,
# hypervolume, --where and --group-by.
data="$REQUEST_SOURCE/tests/data/pareto"
ok --json pareto --input "$data/small.csv" --objective latency_ms:min --objective accuracy:max
jq_eq '[.objectives[] | .name + ":" + .direction] | join(",")' 'latency_ms:min,accuracy:max'
# a and d are equal (both kept); b beats h; e is dominated by a.
jq_eq '.frontier | join(",")' 'a,b,d'
jq_eq '[.points[] | select(.frontier) | .id] | join(",")' 'a,b,d'
jq_eq '.points | length' 6
jq_eq '[.points[] | select(.id == "e") | .rank] | .[0]' null
jq_eq '.points[1].values.accuracy' 0.8
jq_eq '[.excluded[] | .id + "=" + .reason] | join(";")' "f=missing value for 'latency_ms';g='accuracy' is NaN"
jq_eq '.hypervolume' null

# Ranks and hypervolume (reference latency 50 ms, accuracy 0.5).
ok --json pareto --input "$data/small.csv" --objective latency_ms:min --objective accuracy:max --ranks --hypervolume 50,0.5
jq_eq '[.points[] | .id + "=" + (.rank|tostring)] | join(",")' 'a=1,b=1,c=3,d=1,e=4,h=2'
# (50-10)*(0.7-0.5) + (50-20)*(0.8-0.7) = 8 + 3 = 11
jq_eq '.hypervolume * 1000 | round' 11000

# Three objectives: c has the best energy of the rest; h loses to b everywhere.
ok --json pareto --input "$data/small.csv" --objective latency_ms:min --objective accuracy:max --objective energy_mJ:min
jq_eq '.frontier | join(",")' 'a,b,c,d'

# --where (numeric and string) and --group-by.
ok --json pareto --input "$data/small.csv" --objective latency_ms:min --objective accuracy:max --where 'latency_ms > 10' --where 'platform != pi'
jq_eq '[.points[].id] | join(",")' 'c,h'
jq_eq '.frontier | join(",")' 'h'
ok --json pareto --input "$data/small.csv" --objective latency_ms:min --objective accuracy:max --group-by platform
jq_eq '.group_by' platform
jq_eq '[.groups[] | .group + ":" + (.frontier | join("+"))] | join(",")' 'pi:a+b,xeon:d+h'

# CSV output lists every point; table marks the frontier; Markdown bolds it.
ok pareto --input "$data/small.csv" --objective latency_ms:min --objective accuracy:max --format csv
eq "$(head -1 <<<"$OUT")" "id,latency_ms,accuracy,rank,frontier" "csv header"
out_has "e,40,0.6,,false"
out_has "b,20,0.8,1,true"
err_has "excluded: f: missing value for 'latency_ms'"
ok pareto --input "$data/small.csv" --objective latency_ms:min --objective accuracy:max --format table
out_has "*  a   "
out_has "3 on the frontier, 2 excluded"
ok pareto --input "$data/small.csv" --objective latency_ms:min --objective accuracy:max --format md
out_has "| **b** | 20 | 0.8 | yes |"
# Not a terminal and no --format: CSV.
ok pareto --input "$data/small.csv" --objective latency_ms:min --objective accuracy:max
out_has "id,latency_ms,accuracy,rank,frontier"

# JSONL with nested keys; --id names the identifier column.
ok --json pareto --input "$data/small.jsonl" --id name --objective m.latency_ms:min --objective m.accuracy:max
jq_eq '.frontier | join(",")' 'a,b'

# Two inputs at once.
ok --json pareto --input "$data/small.jsonl" --input "$data/small.jsonl" --objective m.latency_ms:min --objective m.accuracy:max
jq_eq '.frontier | length' 4
