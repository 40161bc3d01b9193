# fmnist-train --family cnn on the mini subset: deterministic across thread
# counts, above chance; fmnist-infer agrees with the trainer's accuracy, and
# naive and blocked convolutions give identical predictions (fp32 and int8).
command -v g++ >/dev/null || skip "g++ is not installed"
command -v jq >/dev/null || skip "jq is not installed"
[ -f /usr/include/zlib.h ] || skip "zlib1g-dev is not installed"
R=$REQUEST_SOURCE/repos/fashion-mnist
M=$R/dataset/fashion-mnist-mini
FLAGS=(-std=c++17 -O3 -ffp-contract=off -fopenmp-simd -pthread)
g++ "${FLAGS[@]}" "$R/program/fmnist-train/train.cpp" -o train -lz &
g++ "${FLAGS[@]}" "$R/program/fmnist-infer/infer.cpp" -o infer -lz
wait $! || fail "building fmnist-train failed"
DATA=(--train-images "$M/train-images-idx3-ubyte.gz" --train-labels "$M/train-labels-idx1-ubyte.gz")
TEST=(--test-images "$M/t10k-images-idx3-ubyte.gz" --test-labels "$M/t10k-labels-idx1-ubyte.gz")
./train --family cnn "${DATA[@]}" "${TEST[@]}" --epochs 2 --seed 5 --threads 2 --out a.bin --metrics a.json --quiet
./train --family cnn "${DATA[@]}" --epochs 2 --seed 5 --threads 1 --out b.bin --quiet
eq "$(sha256sum <a.bin)" "$(sha256sum <b.bin)" "cnn: same seed, 2 vs 1 threads, model sha256"
OUT=$(cat a.json); LAST_CMD="fmnist-train --family cnn"
jq_eq .family cnn
jq_eq .param_count 20522
jq_eq '.test_accuracy > 0.6' true
for impl in naive blocked; do
  for p in fp32 int8; do
    ./infer --model a.bin "${TEST[@]}" --precision $p --impl $impl --batch 16 --threads 2 --latency-images 20 \
      --metrics $p-$impl.json --predictions $p-$impl.txt --quiet
  done
done
cmp -s fp32-naive.txt fp32-blocked.txt || fail "cnn fp32: naive and blocked predictions differ"
cmp -s int8-naive.txt int8-blocked.txt || fail "cnn int8: naive and blocked predictions differ"
eq "$(jq .accuracy_top1 fp32-blocked.json)" "$(jq .test_accuracy a.json)" "cnn: inference accuracy vs training's"
jq -e -n --slurpfile f fp32-blocked.json --slurpfile q int8-blocked.json \
  '($f[0].accuracy_top1 - $q[0].accuracy_top1 | fabs) <= 0.02 and $q[0].model_size_bytes < $f[0].model_size_bytes' >/dev/null ||
  fail "cnn int8 accuracy or size off: $(jq -c '[.accuracy_top1,.model_size_bytes]' fp32-blocked.json int8-blocked.json)"
