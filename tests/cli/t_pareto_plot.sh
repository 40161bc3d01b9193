# --plot writes an SVG scatter with the frontier as a step line and labelled axes.
data="$REQUEST_SOURCE/tests/data/pareto"
ok pareto --input "$data/small.csv" --objective latency_ms:min --objective accuracy:max --plot out.svg --format csv
[ -s out.svg ] || fail "no out.svg"
grep -q '<path class="frontier"' out.svg || fail "no frontier line"
grep -q 'latency_ms, lower is better' out.svg || fail "no x label"
grep -q 'accuracy, higher is better' out.svg || fail "no y label"
[ "$(grep -c '<circle' out.svg)" -eq 6 ] || fail "expected 6 points drawn"
if command -v xmllint >/dev/null; then xmllint --noout out.svg || fail "out.svg is not XML"; fi
ok pareto --input "$data/small.csv" --objective latency_ms:min --objective energy_mJ:min --plot log.svg --log-x --log-y --format csv
grep -q 'log scale' log.svg || fail "no log axis"
# Three frontier points, one step each: M + 2 L per point.
ok pareto --input "$data/small.csv" --objective latency_ms:min --objective accuracy:max --plot s.svg --format csv
[ "$(grep -o 'class="frontier" d="[^"]*"' s.svg | grep -o L | wc -l)" -eq 6 ] || fail "step line shape"
