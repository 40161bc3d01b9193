# fmnist-train on the bundled mini subset: softmax and MLP are deterministic
# (same seed -> byte-identical model, whatever the thread count), a different
# seed changes the model, accuracy is far above chance, metrics are complete.
command -v g++ >/dev/null || skip "g++ is not installed"
command -v jq >/dev/null || skip "jq is not installed"
[ -f /usr/include/zlib.h ] || skip "zlib1g-dev is not installed"
P=$REQUEST_SOURCE/repos/fashion-mnist/program/fmnist-train
M=$REQUEST_SOURCE/repos/fashion-mnist/dataset/fashion-mnist-mini
g++ -std=c++17 -O3 -ffp-contract=off -fopenmp-simd -pthread "$P/train.cpp" -o train -lz
DATA=(--train-images "$M/train-images-idx3-ubyte.gz" --train-labels "$M/train-labels-idx1-ubyte.gz"
      --test-images "$M/t10k-images-idx3-ubyte.gz" --test-labels "$M/t10k-labels-idx1-ubyte.gz")
sha() { sha256sum "$1" | cut -d' ' -f1; }
for fam in softmax mlp; do
  ./train --family $fam "${DATA[@]}" --epochs 2 --seed 3 --threads 1 --out a.bin --metrics a.json --quiet
  ./train --family $fam "${DATA[@]}" --epochs 2 --seed 3 --threads 2 --out b.bin --metrics b.json --quiet
  eq "$(sha a.bin)" "$(sha b.bin)" "$fam: same seed, 1 vs 2 threads, model sha256"
  ./train --family $fam "${DATA[@]}" --epochs 2 --seed 4 --threads 2 --out c.bin --quiet
  [ "$(sha a.bin)" != "$(sha c.bin)" ] || fail "$fam: seeds 3 and 4 gave the same model"
  OUT=$(cat a.json)
  LAST_CMD="fmnist-train --family $fam"
  jq_eq .family $fam
  jq_eq .train_images 2000
  jq_eq .test_images 500
  jq_eq .model_size_bytes "$(stat -c %s a.bin)"
  jq_eq '.test_accuracy > 0.6' true
  jq_eq '.final_train_loss > 0 and .final_train_loss < 1.5' true
  jq_eq '.train_time_s > 0' true
  # Both runs saw the same data in the same order: identical accuracy and loss.
  eq "$(jq -c '[.test_accuracy, .final_train_loss]' a.json)" "$(jq -c '[.test_accuracy, .final_train_loss]' b.json)" "$fam: metrics of two runs"
done
# Parameter counts of the documented shapes.
./train --family softmax "${DATA[@]}" --epochs 1 --out s.bin --metrics s.json --quiet
eq "$(jq .param_count s.json)" 7850 "softmax parameter count"
eq "$(jq .param_count a.json)" 235146 "mlp parameter count"
# Header of the model file: magic, version 1, family 1 (mlp), 6 tensors.
eq "$(head -c 8 a.bin)" FMNISTM1 "model magic"
eq "$(od -An -tu4 -j8 -N12 a.bin | tr -s ' ' | sed 's/^ //')" "1 1 6" "model header words"
