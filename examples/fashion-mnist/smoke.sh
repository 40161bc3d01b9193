#!/usr/bin/env bash
# Builds fmnist-train and fmnist-infer by hand with g++ and runs them: trains
# every family, then runs inference in fp32 and int8 with both kernels.
#   smoke.sh            the bundled mini subset (seconds)
#   smoke.sh --full     the full set from the Debian package dataset-fashion-mnist
# Work files go to $OUT (default: a fresh temporary folder, printed at the end).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$here/../../repos/fashion-mnist
mode=mini
[ "${1:-}" = "--full" ] && mode=full
if [ $mode = full ]; then
  data=/usr/share/datasets/fashion-mnist
  [ -f $data/train-images-idx3-ubyte.gz ] || { echo "smoke.sh: install the dataset: apt-get install dataset-fashion-mnist" >&2; exit 3; }
else
  data=$repo/dataset/fashion-mnist-mini
fi
out=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/fmnist-smoke-XXXXXX")}
mkdir -p "$out"
threads=${THREADS:-2}
flags=(-std=c++17 -O3 -ffp-contract=off -fopenmp-simd -pthread)
echo "building in $out" >&2
g++ "${flags[@]}" "$repo/program/fmnist-train/train.cpp" -o "$out/fmnist-train" -lz &
g++ "${flags[@]}" "$repo/program/fmnist-infer/infer.cpp" -o "$out/fmnist-infer" -lz
wait $!
train=(--train-images "$data/train-images-idx3-ubyte.gz" --train-labels "$data/train-labels-idx1-ubyte.gz")
test=(--test-images "$data/t10k-images-idx3-ubyte.gz" --test-labels "$data/t10k-labels-idx1-ubyte.gz")
printf '%-8s %-9s %-5s %-8s %9s %11s %12s %11s\n' family stage prec impl accuracy latency_ms images/s size_bytes
for fam in softmax mlp cnn; do
  "$out/fmnist-train" --family "$fam" "${train[@]}" "${test[@]}" --threads "$threads" \
    --out "$out/$fam.bin" --metrics "$out/$fam-train.json" --quiet
  printf '%-8s %-9s %-5s %-8s %9s %11s %12s %11s   (%s s)\n' "$fam" train fp32 - \
    "$(jq -r .test_accuracy "$out/$fam-train.json")" - - "$(jq -r .model_size_bytes "$out/$fam-train.json")" \
    "$(jq -r '.train_time_s*10|round/10' "$out/$fam-train.json")"
  for prec in fp32 int8; do
    for impl in naive blocked; do
      m=$out/$fam-$prec-$impl.json
      "$out/fmnist-infer" --model "$out/$fam.bin" "${test[@]}" --precision $prec --impl $impl --batch 64 \
        --threads "$threads" --metrics "$m" --predictions "$out/$fam-$prec-$impl.txt" --quiet
      printf '%-8s %-9s %-5s %-8s %9s %11s %12s %11s\n' "$fam" infer $prec $impl "$(jq -r .accuracy_top1 "$m")" \
        "$(jq -r '.latency_ms*1000|round/1000' "$m")" "$(jq -r '.throughput_ips|round' "$m")" "$(jq -r .model_size_bytes "$m")"
    done
    cmp -s "$out/$fam-$prec-naive.txt" "$out/$fam-$prec-blocked.txt" ||
      { echo "smoke.sh: $fam $prec: naive and blocked predictions differ" >&2; exit 1; }
  done
done
echo "results in $out" >&2
