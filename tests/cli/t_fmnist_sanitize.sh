# fmnist-train and fmnist-infer built with AddressSanitizer and
# UndefinedBehaviorSanitizer run every family, precision, kernel and a ragged
# batch/threads split cleanly (any report aborts the run and fails the case).
command -v g++ >/dev/null || skip "g++ is not installed"
command -v jq >/dev/null || skip "jq is not installed"
[ -f /usr/include/zlib.h ] || skip "zlib1g-dev is not installed"
echo 'int main(){}' >probe.cpp
g++ -fsanitize=address,undefined probe.cpp -o probe 2>/dev/null && ./probe || skip "sanitizers are not usable here"
R=$REQUEST_SOURCE/repos/fashion-mnist
M=$R/dataset/fashion-mnist-mini
FLAGS=(-std=c++17 -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -ffp-contract=off -fopenmp-simd -pthread)
g++ "${FLAGS[@]}" "$R/program/fmnist-train/train.cpp" -o train -lz &
g++ "${FLAGS[@]}" "$R/program/fmnist-infer/infer.cpp" -o infer -lz
wait $! || fail "building fmnist-train failed"
# 300 training images (count 0x12c in the headers).
zcat "$M/train-images-idx3-ubyte.gz" >img.idx
zcat "$M/train-labels-idx1-ubyte.gz" >lab.idx
{ printf '\x00\x00\x08\x03\x00\x00\x01\x2c\x00\x00\x00\x1c\x00\x00\x00\x1c'; head -c 235216 img.idx | tail -c 235200; } >small-img.idx
{ printf '\x00\x00\x08\x01\x00\x00\x01\x2c'; head -c 308 lab.idx | tail -c 300; } >small-lab.idx
# and the first 100 test images (0x64).
zcat "$M/t10k-images-idx3-ubyte.gz" >timg.idx
zcat "$M/t10k-labels-idx1-ubyte.gz" >tlab.idx
{ printf '\x00\x00\x08\x03\x00\x00\x00\x64\x00\x00\x00\x1c\x00\x00\x00\x1c'; head -c 78416 timg.idx | tail -c 78400; } >test-img.idx
{ printf '\x00\x00\x08\x01\x00\x00\x00\x64'; head -c 108 tlab.idx | tail -c 100; } >test-lab.idx
TEST=(--test-images test-img.idx --test-labels test-lab.idx)
for fam in softmax mlp cnn; do
  ./train --family $fam --train-images small-img.idx --train-labels small-lab.idx "${TEST[@]}" --epochs 1 \
    --batch 50 --threads 3 --out $fam.bin --metrics $fam.json --quiet
  for p in fp32 int8; do
    for impl in naive blocked; do
      ./infer --model $fam.bin "${TEST[@]}" --precision $p --impl $impl --batch 7 --threads 3 --latency-images 5 \
        --predictions $fam-$p-$impl.txt --metrics $fam-$p-$impl.json --quiet
      eq "$(jq .images $fam-$p-$impl.json)" 100 "$fam $p $impl images"
    done
    cmp -s $fam-$p-naive.txt $fam-$p-blocked.txt || fail "$fam $p: naive and blocked predictions differ"
  done
done
eq "$(jq .train_images cnn.json)" 300 "training images read from the plain idx file"
./infer --model mlp.bin --quantize q.bin --quant per-tensor --quiet
./infer --model q.bin "${TEST[@]}" --latency-images 3 --metrics q.json --quiet
eq "$(jq -r .quant q.json)" per-tensor "quantisation scheme of the file"
