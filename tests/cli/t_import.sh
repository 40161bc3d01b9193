# import: one result entry per row, source recorded, aliases derived from the
# id column, metrics from --map; a second import of the same file is refused
# unless --update; pareto then ranks the imported results.
data="$REQUEST_SOURCE/tests/data/pareto"
cp "$data/published.csv" pub.csv
ok --json import pub.csv --id Model --map latency_ms=latency_ms:min --map energy_mJ=energy_mj --map accuracy=top1:max --unit latency_ms=ms --tags mlperf
jq_eq '.created | join(",")' 'local:result:resnet-50-v1.5,local:result:mobilenet,local:result:mobilenet-2,local:result:mobilenet-3'
ok --json show result:resnet-50-v1.5
jq_eq '.meta.schema' 'request.result/1'
jq_eq '.meta.status' ok
jq_eq '.meta.tags | join(",")' 'imported,mlperf'
jq_eq '.meta.name' 'ResNet-50 v1.5'
jq_eq '.meta.source.file' pub.csv
jq_eq '.meta.source.row' 1
jq_eq '.meta.source.format' csv
jq_eq '.meta.metrics.latency_ms | [.unit, .direction, (.samples|length), .min, .max, .mean, .median] | map(tostring) | join(",")' 'ms,min,1,7.5,7.5,7.5,7.5'
jq_eq '.meta.metrics.energy_mj.direction' min
jq_eq '.meta.metrics.top1.direction' max
jq_eq '.meta.attributes.System' 'Orin AGX'
jq_eq '.meta.attributes.notes' 'fp16, "tuned"'
# Not measured stays absent, never 0.
ok --json show result:mobilenet-3
jq_eq '.meta.metrics | has("energy_mj")' false
jq_eq '.meta.source.row' 4

# Same file again: refused, nothing duplicated; --update rewrites in place.
expect_rc 1 import pub.csv --id Model --map latency_ms=latency_ms:min
err_is_one_line "^request: error: pub.csv: already imported into 'local' \(4 entries from 'pub.csv'\) \(hint: add --update"
sed -i 's/^Orin AGX,MobileNet,2.0,/Orin AGX,MobileNet,1.5,/' pub.csv
ok --json show result:mobilenet
uid=$(jq -r .uid <<<"$OUT")
ok --json import pub.csv --id Model --map latency_ms=latency_ms:min --map energy_mJ=energy_mj --map accuracy=top1:max --tags mlperf --update
jq_eq '.created | length' 0
jq_eq '.updated | length' 4
ok --json show result:mobilenet
jq_eq '.uid' "$uid"
jq_eq '.meta.metrics.latency_ms.median' 1.5
ok --json find result
jq_eq '.entries | length' 4

# pareto over the imported entries: directions as recorded, ids are CIDs.
ok --json pareto --tags mlperf --objective latency_ms --objective top1
jq_eq '[.objectives[] | .name + ":" + .direction] | join(",")' 'latency_ms:min,top1:max'
jq_eq '.frontier | join(",")' 'local:result:mobilenet,local:result:resnet-50-v1.5'
ok --json pareto --objective latency_ms --objective energy_mj --objective top1
jq_eq '[.excluded[] | .id + "=" + .reason] | join(";")' "local:result:mobilenet-3=missing value for 'energy_mj'"
jq_eq '.frontier | join(",")' 'local:result:mobilenet,local:result:mobilenet-2,local:result:resnet-50-v1.5'

# JSONL import into another repository, first column as id.
ok repo init other --name other
printf '{"run": "A/1", "t": 2}\n{"run": "B 2", "t": 1}\n' >runs.jsonl
ok --json import runs.jsonl --repo other --map t=time_s:min
jq_eq '.created | join(",")' 'other:result:a-1,other:result:b-2'
ok --json show other:result:b-2
jq_eq '.meta.source.format' jsonl

# Bad data: exit 4 at file:line and nothing written.
printf 'id,v\nok,1\nbad,slow\n' >bad.csv
expect_rc 4 import bad.csv --map v=v:min
err_is_one_line "^request: error: bad.csv:3: column 'v': 'slow' is not a number$"
ok --json find result --tags imported --where source.file=bad.csv
jq_eq '.entries | length' 0
expect_rc 2 import pub.csv
err_is_one_line 'at least one --map'
expect_rc 2 import pub.csv --map latency_ms
err_is_one_line "expected column=metric"
expect_rc 2 import pub.csv --map nope=x:min
err_is_one_line "no column 'nope'"
