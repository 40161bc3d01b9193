# fmnist-infer on an MLP trained on the mini subset: metrics JSON shape,
# naive == blocked predictions in fp32, int8 (per-channel and per-tensor)
# within 2 points of fp32 and about 4x smaller, --quantize equivalent to
# quantising at load time, batch and threads do not change predictions.
command -v g++ >/dev/null || skip "g++ is not installed"
command -v jq >/dev/null || skip "jq is not installed"
[ -f /usr/include/zlib.h ] || skip "zlib1g-dev is not installed"
R=$REQUEST_SOURCE/repos/fashion-mnist
M=$R/dataset/fashion-mnist-mini
FLAGS=(-std=c++17 -O3 -ffp-contract=off -fopenmp-simd -pthread)
g++ "${FLAGS[@]}" "$R/program/fmnist-train/train.cpp" -o train -lz &
g++ "${FLAGS[@]}" "$R/program/fmnist-infer/infer.cpp" -o infer -lz
wait $! || fail "building fmnist-train failed"
TEST=(--test-images "$M/t10k-images-idx3-ubyte.gz" --test-labels "$M/t10k-labels-idx1-ubyte.gz")
./train --family mlp --train-images "$M/train-images-idx3-ubyte.gz" --train-labels "$M/train-labels-idx1-ubyte.gz" \
  "${TEST[@]}" --epochs 3 --out mlp.bin --metrics train.json --threads 2 --quiet
inf() { ./infer --model "$1" "${TEST[@]}" --latency-images 50 --quiet "${@:2}"; }
inf mlp.bin --impl naive --precision fp32 --batch 1 --predictions naive.txt --metrics naive.json
inf mlp.bin --impl blocked --precision fp32 --batch 64 --threads 2 --predictions blocked.txt --metrics blocked.json
cmp -s naive.txt blocked.txt || fail "fp32 naive and blocked predictions differ"
eq "$(wc -l <naive.txt)" 500 "prediction lines"
grep -qvE '^[0-9]$' naive.txt && fail "predictions are not one digit per line"
OUT=$(cat blocked.json); LAST_CMD="fmnist-infer --impl blocked"
jq_eq '.images' 500
jq_eq '.precision + " " + .impl' "fp32 blocked"
jq_eq '.accuracy_top1' "$(jq .test_accuracy train.json)"
jq_eq '.correct / .images == .accuracy_top1' true
jq_eq '.latency_ms > 0 and .throughput_ips > 0' true
jq_eq '.model_size_bytes' "$(stat -c %s mlp.bin)"
# The accuracy is the fraction of predictions equal to the labels.
labels=$(zcat "$M/t10k-labels-idx1-ubyte.gz" | tail -c +9 | od -An -v -tu1 | tr -s ' ' '\n' | grep .)
right=$(paste -d' ' <(echo "$labels") blocked.txt | awk '$1==$2' | wc -l)
eq "$(jq .correct blocked.json)" "$right" "correct predictions counted from the file"
# int8: load-time quantisation, per channel and per tensor, and a quantised file.
inf mlp.bin --precision int8 --impl blocked --metrics q.json --predictions q.txt
inf mlp.bin --precision int8 --impl naive --metrics qn.json --predictions qn.txt
cmp -s q.txt qn.txt || fail "int8 naive and blocked predictions differ"
inf mlp.bin --precision int8 --quant per-tensor --metrics qt.json
./infer --model mlp.bin --quantize mlp-int8.bin --quiet
inf mlp-int8.bin --metrics qf.json --predictions qf.txt
cmp -s q.txt qf.txt || fail "--quantize file and load-time int8 disagree"
eq "$(jq -r .precision qf.json)" int8 "precision of an int8 file"
eq "$(jq .model_size_bytes qf.json)" "$(stat -c %s mlp-int8.bin)" "int8 model_size_bytes vs file size"
eq "$(jq .model_size_bytes q.json)" "$(stat -c %s mlp-int8.bin)" "load-time int8 model_size_bytes"
f=$(jq .accuracy_top1 blocked.json)
for j in q.json qt.json; do
  jq -e --argjson f "$f" '(.accuracy_top1 - $f | fabs) <= 0.02' "$j" >/dev/null || fail "$j: int8 accuracy $(jq .accuracy_top1 "$j") vs fp32 $f"
done
jq -e --argjson s "$(stat -c %s mlp.bin)" '.model_size_bytes * 3.5 < $s' q.json >/dev/null || fail "int8 model not ~4x smaller"
# fp32 on an int8 file dequantises: same predictions as int8? not required; it must run.
inf mlp-int8.bin --precision fp32 --metrics d.json
eq "$(jq -r .precision d.json)" fp32 "dequantised precision"
# Without --metrics the JSON goes to stdout.
inf mlp.bin --batch 7 --threads 3 --predictions b7.txt >stdout.json
cmp -s b7.txt blocked.txt || fail "batch 7 / 3 threads changed predictions"
jq -e '.batch == 7 and .images == 500' stdout.json >/dev/null || fail "metrics on stdout: $(cat stdout.json)"
