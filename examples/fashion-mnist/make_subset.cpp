// make_subset: writes the bundled Fashion-MNIST subset (dataset entry
// fashion-mnist-mini) from the full idx files, deterministically: the first
// --test images of the test set, and --train training images drawn without
// replacement by a splitmix64 shuffle seeded with --seed, kept in their
// original order. Output: gzip idx files with the original names.
//
// Build: g++ -std=c++17 -O2 make_subset.cpp -o make_subset -lz
// Run:   ./make_subset --src /usr/share/datasets/fashion-mnist --out DIR --train 2000 --test 500 --seed 7
#include "../../repos/fashion-mnist/program/fmnist-train/fmnist_io.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace {

using namespace fmnist;

// Appends a big-endian 32-bit word.
void put_be32(std::string& s, uint32_t v) {
  for (int i = 3; i >= 0; --i) s.push_back(char((v >> (8 * i)) & 0xff));
}

// Writes bytes as a gzip file (level 9; zlib's header has no time stamp).
void write_gz(const std::string& path, const std::string& bytes) {
  gzFile f = gzopen(path.c_str(), "wb9");
  if (!f) fail(k_exit_failed, path, "cannot write");
  bool ok = gzwrite(f, bytes.data(), unsigned(bytes.size())) == int(bytes.size());
  ok = (gzclose(f) == Z_OK) && ok;
  if (!ok) fail(k_exit_failed, path, "cannot write");
}

// Writes the chosen images and labels as idx3/idx1 gzip files.
void write_set(const std::string& out, const std::string& prefix, const ImageSet& img, const std::vector<uint8_t>& lab,
               const std::vector<uint32_t>& pick) {
  std::string ib, lb;
  put_be32(ib, 0x803);
  put_be32(ib, uint32_t(pick.size()));
  put_be32(ib, k_side);
  put_be32(ib, k_side);
  put_be32(lb, 0x801);
  put_be32(lb, uint32_t(pick.size()));
  for (uint32_t i : pick) {
    ib.append(reinterpret_cast<const char*>(img.pixels.data()) + size_t(i) * k_pixels, k_pixels);
    lb.push_back(char(lab[i]));
  }
  write_gz(out + "/" + prefix + "-images-idx3-ubyte.gz", ib);
  write_gz(out + "/" + prefix + "-labels-idx1-ubyte.gz", lb);
}

int run(int argc, char** argv) {
  std::string src = "/usr/share/datasets/fashion-mnist", out;
  long n_train = 2000, n_test = 500, seed = 7;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i], v = argv[i + 1];
    if (a == "--src") src = v;
    else if (a == "--out") out = v;
    else if (a == "--train") n_train = std::atol(v.c_str());
    else if (a == "--test") n_test = std::atol(v.c_str());
    else if (a == "--seed") seed = std::atol(v.c_str());
    else fail(k_exit_usage, a, "unknown flag");
  }
  if (out.empty()) fail(k_exit_usage, "arguments", "--out DIR is required");
  ImageSet train = load_images(src + "/train-images-idx3-ubyte.gz"), test = load_images(src + "/t10k-images-idx3-ubyte.gz");
  std::vector<uint8_t> train_y = load_labels(src + "/train-labels-idx1-ubyte.gz"), test_y = load_labels(src + "/t10k-labels-idx1-ubyte.gz");
  if (n_train <= 0 || size_t(n_train) > train.count || n_test <= 0 || size_t(n_test) > test.count)
    fail(k_exit_usage, "arguments", "--train/--test out of range");
  std::vector<uint32_t> order(train.count);
  for (size_t i = 0; i < order.size(); ++i) order[i] = uint32_t(i);
  Rng rng{uint64_t(seed)};
  for (size_t i = 0; i < size_t(n_train); ++i) std::swap(order[i], order[i + rng.below(order.size() - i)]);
  std::vector<uint32_t> pick_train(order.begin(), order.begin() + n_train), pick_test;
  std::sort(pick_train.begin(), pick_train.end());
  for (long i = 0; i < n_test; ++i) pick_test.push_back(uint32_t(i));
  write_set(out, "train", train, train_y, pick_train);
  write_set(out, "t10k", test, test_y, pick_test);
  int counts[k_classes] = {};
  for (uint32_t i : pick_train) ++counts[train_y[i]];
  std::cerr << "train per class:";
  for (int c : counts) std::cerr << ' ' << c;
  std::cerr << "\n";
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const fmnist::Failure& f) {
    std::cerr << "make_subset: error: " << f.where << ": " << f.what << "\n";
    return f.code;
  }
}
