# pareto over result entries: metric statistics, recorded directions and units,
# --where on meta keys, --group-by, and the uncertainty-aware rule (ci95).
mk() {  # mk ALIAS OPT LAT_MEDIAN LAT_MIN LAT_LO LAT_HI ACC
  cat >"$1.json" <<JSON
{"schema": "request.result/1", "status": "ok", "tags": ["bench"], "choices": {"opt": "$2"},
 "metrics": {"latency_s": {"unit": "s", "direction": "min", "samples": [$3], "median": $3, "min": $4, "mean": $3,
                           "max": $3, "ci95": [$5, $6]},
             "accuracy": {"direction": "max", "samples": [$7], "median": $7, "min": $7, "max": $7, "mean": $7}}}
JSON
  ok add "result:$1" --meta "$1.json"
}
mk r1 O2 1.00 0.90 0.95 1.05 0.70
mk r2 O3 1.02 0.80 0.99 1.10 0.70
mk r3 O3 2.00 1.90 1.90 2.10 0.80
mk r4 O2 3.00 2.90 2.80 3.20 0.75
ok add result:broken --set schema=request.result/1 --set status=failed --set metrics='{"accuracy": {"direction": "max", "median": 0.9}}' --tags bench

# Medians; directions and units as recorded; ids are CIDs.
ok --json pareto --tags bench --objective latency_s --objective accuracy
jq_eq '[.objectives[] | .name + ":" + .direction + ":" + .unit] | join(",")' 'latency_s:min:s,accuracy:max:'
jq_eq '.frontier | join(",")' 'local:result:r1,local:result:r3'
jq_eq '[.excluded[] | .id + "=" + .reason] | join(";")' "local:result:broken=status is 'failed'"
# --stat min changes the picture: r2 is now fastest.
ok --json pareto --tags bench --objective latency_s --objective accuracy --stat min
jq_eq '.frontier | join(",")' 'local:result:r2,local:result:r3'
# Uncertainty: r1 and r2 overlap ([0.95,1.05] vs [0.99,1.10]) and tie on accuracy, so both stay;
# r3 beats r4 beyond the intervals: latency [1.9,2.1] vs [2.8,3.2], accuracy 0.8 vs 0.75 (exact).
ok --json pareto --tags bench --objective latency_s --objective accuracy --uncertainty --ranks
jq_eq '.dominance' 'beyond-ci95'
jq_eq '.frontier | join(",")' 'local:result:r1,local:result:r2,local:result:r3'
jq_eq '[.points[] | .rank] | map(tostring) | join(",")' '1,1,1,2'
# --where on a meta key and on a metric; --group-by a meta key; QUERY as a name pattern.
ok --json pareto --tags bench --objective latency_s --objective accuracy --where 'choices.opt == O3'
jq_eq '[.points[].id] | join(",")' 'local:result:r2,local:result:r3'
ok --json pareto --tags bench --objective latency_s --objective accuracy --where 'accuracy >= 0.75'
jq_eq '[.points[].id] | join(",")' 'local:result:r3,local:result:r4'
ok --json pareto --tags bench --objective latency_s --objective accuracy --group-by choices.opt
jq_eq '[.groups[] | .group + ":" + (.frontier | join("+"))] | join(",")' ':,O2:local:result:r1+local:result:r4,O3:local:result:r2+local:result:r3'
ok --json pareto 'r*' --objective latency_s --objective accuracy:max
jq_eq '.points | length' 4
jq_eq '.excluded | length' 0
# Direction overridden on the command line.
ok --json pareto --tags bench --objective latency_s:max --objective accuracy
jq_eq '.frontier | join(",")' 'local:result:r3,local:result:r4'

# Errors.
expect_rc 3 pareto --tags nothing --objective latency_s
err_is_one_line 'no result entries match'
expect_rc 2 pareto --tags bench --objective speed
err_is_one_line "no direction recorded for this metric \(hint: write speed:min or speed:max\)"
expect_rc 2 pareto --tags bench --objective latency_s --stat p99
err_is_one_line "unknown statistic"
expect_rc 2 pareto --tags bench --objective latency_s --id name
err_is_one_line "names a column of an --input file"
expect_rc 2 pareto --input x.csv --objective latency_s:min --uncertainty
err_is_one_line "needs result entries"
