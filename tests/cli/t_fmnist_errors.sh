# fmnist-train and fmnist-infer refuse bad input with one clear line and the
# request exit codes: 2 usage, 3 missing file, 4 invalid data (bad magic,
# truncated or corrupt gzip, count or shape mismatch, bad model file).
command -v g++ >/dev/null || skip "g++ is not installed"
[ -f /usr/include/zlib.h ] || skip "zlib1g-dev is not installed"
R=$REQUEST_SOURCE/repos/fashion-mnist
M=$R/dataset/fashion-mnist-mini
cmp -s "$R/program/fmnist-train/fmnist_io.hpp" "$R/program/fmnist-infer/fmnist_io.hpp" ||
  fail "the two copies of fmnist_io.hpp differ"
FLAGS=(-std=c++17 -O1 -ffp-contract=off -fopenmp-simd -pthread)
g++ "${FLAGS[@]}" "$R/program/fmnist-train/train.cpp" -o train -lz &
g++ "${FLAGS[@]}" "$R/program/fmnist-infer/infer.cpp" -o infer -lz
wait $! || fail "building fmnist-train failed"
TI=$M/train-images-idx3-ubyte.gz TL=$M/train-labels-idx1-ubyte.gz
XI=$M/t10k-images-idx3-ubyte.gz XL=$M/t10k-labels-idx1-ubyte.gz
# prog_rc WANT REGEX PROG ARGS...: exit code and a single matching stderr line.
prog_rc() {
  local want=$1 re=$2
  shift 2
  set +e
  "$@" >"$TEST_DIR/.out" 2>"$TEST_DIR/.err"
  RC=$?
  set -e
  ERR=$(cat "$TEST_DIR/.err"); LAST_CMD="$*"
  [ "$RC" -eq "$want" ] || fail "'$*' exited $RC, expected $want: $ERR"
  if [ "$want" -ne 2 ]; then err_is_one_line "$re"; else err_has "$re"; fi
}
./train --family softmax --train-images "$TI" --train-labels "$TL" --epochs 1 --out ok.bin --quiet
# Corrupt idx files.
zcat "$XI" >test.idx
head -c 5000 test.idx | gzip >short.gz                            # header count > pixels
cp "$XL" labels-as-images.gz
head -c 100000 "$XI" >truncated.gz                                 # cut gzip stream
{ printf '\x00\x00\x08\x03\x00\x00\x01\xf4\x00\x00\x00\x20\x00\x00\x00\x1c'; tail -c +17 test.idx; } | gzip >shape.gz
{ printf '\x00\x00\x08\x01\x00\x00\x00\x02'; printf '\x01\x0b'; } | gzip >badlabel.gz
printf 'garbage that is not gzip nor idx at all' >garbage.gz
for prog in infer train; do
  if [ $prog = infer ]; then base=(./infer --model ok.bin --quiet); img=--test-images; lab=--test-labels
  else base=(./train --family softmax --epochs 1 --out x.bin --quiet); img=--train-images; lab=--train-labels; fi
  prog_rc 4 "fmnist-$prog: error: .*labels-as-images.gz: bad magic number 2049 \(expected 2051" "${base[@]}" $img labels-as-images.gz $lab "$XL"
  prog_rc 4 "error: .*short.gz: header says 500 images but the file holds 4984 pixel bytes" "${base[@]}" $img short.gz $lab "$XL"
  prog_rc 4 "error: .*truncated.gz: (corrupt|truncated).*gzip" "${base[@]}" $img truncated.gz $lab "$XL"
  prog_rc 4 "error: .*garbage.gz: too short for an idx3 header|bad magic" "${base[@]}" $img garbage.gz $lab "$XL"
  prog_rc 4 "error: .*shape.gz: images are 32x28, expected 28x28" "${base[@]}" $img shape.gz $lab "$XL"
  prog_rc 4 "error: .*badlabel.gz: label 11 at index 1 is not in 0..9" "${base[@]}" $img "$XI" $lab badlabel.gz
  prog_rc 4 "error: .*t10k-labels-idx1-ubyte.gz: shape mismatch: 2000 images but 500 labels" "${base[@]}" $img "$TI" $lab "$XL"
  prog_rc 3 "error: .*nope.gz: cannot open: No such file or directory" "${base[@]}" $img nope.gz $lab "$XL"
  prog_rc 3 "error: .*nope.gz: cannot open" "${base[@]}" $img "$XI" $lab nope.gz
  prog_rc 2 "unknown flag" "${base[@]}" --bogus 1
done
[ ! -e x.bin ] || fail "a failed training left a model file"
# Bad model files.
prog_rc 3 "error: missing.bin: cannot open model" ./infer --model missing.bin --test-images "$XI" --test-labels "$XL"
printf 'NOTAMODELFILE...' >bad.bin
prog_rc 4 "error: bad.bin: bad magic: not an FMNISTM1 model file" ./infer --model bad.bin --test-images "$XI" --test-labels "$XL"
head -c 1000 ok.bin >cut.bin
prog_rc 4 "error: cut.bin: truncated model file at byte" ./infer --model cut.bin --test-images "$XI" --test-labels "$XL"
# Softmax header with the first tensor declared 10x785 instead of 10x784.
{ head -c 32 ok.bin; printf '\x11\x03\x00\x00'; tail -c +37 ok.bin; } >shape.bin
prog_rc 4 "error: shape.bin: shape mismatch: tensor 0 is 10x785, expected 10x784" ./infer --model shape.bin --test-images "$XI" --test-labels "$XL"
{ cat ok.bin; printf 'x'; } >trail.bin
prog_rc 4 "error: trail.bin: 1 trailing bytes" ./infer --model trail.bin --test-images "$XI" --test-labels "$XL"
# Usage errors.
prog_rc 2 "unknown family 'rnn'" ./train --family rnn --train-images "$TI" --train-labels "$TL" --out y.bin
prog_rc 2 "unknown precision 'fp16'" ./infer --model ok.bin --precision fp16 --test-images "$XI" --test-labels "$XL"
prog_rc 2 "unknown implementation 'fast'" ./infer --model ok.bin --impl fast --test-images "$XI" --test-labels "$XL"
prog_rc 2 "--batch: bad value '0'" ./infer --model ok.bin --batch 0 --test-images "$XI" --test-labels "$XL"
prog_rc 2 "nothing to do" ./infer --model ok.bin
