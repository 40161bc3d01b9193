// Shared by fmnist-train and fmnist-infer (the two copies must stay
// byte-identical; tests/cli/t_fmnist_errors.sh checks it): errors, gzip idx
// reading and writing, the deterministic random generator and the model file
// format described in docs/fashion-mnist.md.
#pragma once

#include <zlib.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace fmnist {

// Exit codes, as the request command line uses them.
enum ExitCode : int { k_exit_ok = 0, k_exit_failed = 1, k_exit_usage = 2, k_exit_not_found = 3, k_exit_invalid = 4 };

// An expected failure: printed as "<program>: error: <where>: <what>" and
// turned into the exit code.
struct Failure {
  int code;          // one of ExitCode
  std::string where; // the file or flag concerned
  std::string what;  // the cause, lowercase
};

// Throws a Failure.
[[noreturn]] inline void fail(int code, const std::string& where, const std::string& what) {
  throw Failure{code, where, what};
}

// Side of an idx image: Fashion-MNIST images are 28x28.
constexpr int k_side = 28;
// Pixels per image.
constexpr int k_pixels = k_side * k_side;
// Number of classes.
constexpr int k_classes = 10;

// Images as bytes, row-major, k_pixels per image.
struct ImageSet {
  std::vector<uint8_t> pixels; // count * k_pixels bytes
  size_t count = 0;            // number of images
};

// Reads a big-endian 32-bit word.
inline uint32_t read_be32(const uint8_t* p) {
  return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}

// Reads a whole file through zlib (gzip or plain), failing with exit 3 when it
// is missing and exit 4 when the gzip stream is corrupt.
inline std::vector<uint8_t> read_gz_file(const std::string& path) {
  struct stat st {};
  if (path.empty()) fail(k_exit_usage, "input", "empty file name");
  if (::stat(path.c_str(), &st) != 0) fail(k_exit_not_found, path, std::string("cannot open: ") + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) fail(k_exit_invalid, path, "not a regular file");
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) fail(k_exit_not_found, path, "cannot open");
  std::vector<uint8_t> out;
  std::vector<uint8_t> buf(1 << 16);
  for (;;) {
    int n = gzread(f, buf.data(), unsigned(buf.size()));
    if (n < 0) {
      int err = 0;
      std::string msg = gzerror(f, &err);
      gzclose(f);
      fail(k_exit_invalid, path, "corrupt gzip stream: " + msg);
    }
    if (n == 0) break;
    out.insert(out.end(), buf.begin(), buf.begin() + n);
  }
  // gzread reports a truncated stream ("unexpected end of file") only
  // through gzerror after the end.
  int err = 0;
  const char* msg = gzerror(f, &err);
  if (err != Z_OK) {
    std::string m = msg ? msg : "unknown";
    gzclose(f);
    fail(k_exit_invalid, path, "corrupt gzip stream: " + m);
  }
  if (gzclose(f) != Z_OK) fail(k_exit_invalid, path, "corrupt or truncated gzip stream");
  return out;
}

// Loads an idx3 image file (magic 0x00000803, 28x28 images).
inline ImageSet load_images(const std::string& path) {
  std::vector<uint8_t> raw = read_gz_file(path);
  if (raw.size() < 16) fail(k_exit_invalid, path, "too short for an idx3 header (" + std::to_string(raw.size()) + " bytes)");
  uint32_t magic = read_be32(raw.data());
  if (magic != 0x00000803)
    fail(k_exit_invalid, path, "bad magic number " + std::to_string(magic) + " (expected 2051, an idx3 image file)");
  uint32_t n = read_be32(raw.data() + 4), rows = read_be32(raw.data() + 8), cols = read_be32(raw.data() + 12);
  if (rows != k_side || cols != k_side)
    fail(k_exit_invalid, path, "images are " + std::to_string(rows) + "x" + std::to_string(cols) + ", expected 28x28");
  if (raw.size() - 16 != uint64_t(n) * k_pixels)
    fail(k_exit_invalid, path,
         "header says " + std::to_string(n) + " images but the file holds " + std::to_string(raw.size() - 16) + " pixel bytes");
  if (n == 0) fail(k_exit_invalid, path, "no images");
  ImageSet set;
  set.count = n;
  set.pixels.assign(raw.begin() + 16, raw.end());
  return set;
}

// Loads an idx1 label file (magic 0x00000801, labels 0..9).
inline std::vector<uint8_t> load_labels(const std::string& path) {
  std::vector<uint8_t> raw = read_gz_file(path);
  if (raw.size() < 8) fail(k_exit_invalid, path, "too short for an idx1 header (" + std::to_string(raw.size()) + " bytes)");
  uint32_t magic = read_be32(raw.data());
  if (magic != 0x00000801)
    fail(k_exit_invalid, path, "bad magic number " + std::to_string(magic) + " (expected 2049, an idx1 label file)");
  uint32_t n = read_be32(raw.data() + 4);
  if (raw.size() - 8 != n)
    fail(k_exit_invalid, path,
         "header says " + std::to_string(n) + " labels but the file holds " + std::to_string(raw.size() - 8));
  std::vector<uint8_t> labels(raw.begin() + 8, raw.end());
  for (size_t i = 0; i < labels.size(); ++i)
    if (labels[i] >= k_classes) fail(k_exit_invalid, path, "label " + std::to_string(labels[i]) + " at index " + std::to_string(i) + " is not in 0..9");
  return labels;
}

// Checks that images and labels pair up.
inline void check_pair(const ImageSet& images, const std::vector<uint8_t>& labels, const std::string& where) {
  if (images.count != labels.size())
    fail(k_exit_invalid, where,
         "shape mismatch: " + std::to_string(images.count) + " images but " + std::to_string(labels.size()) + " labels");
}

// splitmix64: a small generator whose output is the same on every platform.
struct Rng {
  uint64_t state; // current state
  // Next 64 random bits.
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1).
  float uniform() { return float(next() >> 40) * (1.0f / 16777216.0f); }
  // Uniform integer in [0, n).
  uint64_t below(uint64_t n) { return next() % n; }
};

// Model families.
enum Family : uint32_t { k_softmax = 0, k_mlp = 1, k_cnn = 2 };

// Name of a family.
inline const char* family_name(uint32_t f) {
  switch (f) {
  case k_softmax: return "softmax";
  case k_mlp: return "mlp";
  case k_cnn: return "cnn";
  default: return "unknown";
  }
}

// Parses a family name; returns false when unknown.
inline bool parse_family(const std::string& s, uint32_t& out) {
  if (s == "softmax") out = k_softmax;
  else if (s == "mlp") out = k_mlp;
  else if (s == "cnn") out = k_cnn;
  else return false;
  return true;
}

// Element types of a stored tensor.
enum DType : uint32_t { k_f32 = 0, k_i8 = 1 };

// One stored tensor: fp32 values, or int8 values with one scale per tensor
// (per-tensor) or per first dimension (per-channel).
struct Tensor {
  std::vector<uint32_t> dims; // shape, outermost first
  uint32_t dtype = k_f32;     // k_f32 or k_i8
  std::vector<float> f;       // fp32 values (dtype k_f32)
  std::vector<int8_t> q;      // int8 values (dtype k_i8)
  std::vector<float> scales;  // dequantisation scales (dtype k_i8)
  // Number of elements.
  size_t size() const {
    size_t n = 1;
    for (uint32_t d : dims) n *= d;
    return n;
  }
};

// A model: family plus its tensors in the documented order.
struct Model {
  uint32_t family = k_softmax;  // Family
  std::vector<Tensor> tensors;  // weights and biases
};

// Magic bytes at the start of a model file.
constexpr char k_model_magic[8] = {'F', 'M', 'N', 'I', 'S', 'T', 'M', '1'};
// Format version.
constexpr uint32_t k_model_version = 1;

// Expected tensor shapes of a family, in file order.
inline std::vector<std::vector<uint32_t>> family_shapes(uint32_t family) {
  switch (family) {
  case k_softmax: return {{10, 784}, {10}};
  case k_mlp: return {{256, 784}, {256}, {128, 256}, {128}, {10, 128}, {10}};
  case k_cnn: return {{8, 5, 5, 1}, {8}, {16, 5, 5, 8}, {16}, {64, 256}, {64}, {10, 64}, {10}};
  default: return {};
  }
}

// Appends a little-endian 32-bit word.
inline void put32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(char((v >> (8 * i)) & 0xff));
}

// Appends raw bytes of a float array (little-endian IEEE 754).
inline void put_floats(std::string& out, const std::vector<float>& v) {
  for (float x : v) {
    uint32_t u;
    std::memcpy(&u, &x, 4);
    put32(out, u);
  }
}

// Serialises a model to the documented binary format.
inline std::string serialize_model(const Model& m) {
  std::string out(k_model_magic, 8);
  put32(out, k_model_version);
  put32(out, m.family);
  put32(out, uint32_t(m.tensors.size()));
  for (const Tensor& t : m.tensors) {
    put32(out, t.dtype);
    put32(out, uint32_t(t.dims.size()));
    for (uint32_t d : t.dims) put32(out, d);
    if (t.dtype == k_f32) {
      put_floats(out, t.f);
    } else {
      put32(out, uint32_t(t.scales.size()));
      put_floats(out, t.scales);
      out.append(reinterpret_cast<const char*>(t.q.data()), t.q.size());
    }
  }
  return out;
}

// Writes bytes to a file through a temporary name and a rename.
inline void write_file(const std::string& path, const std::string& bytes) {
  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) fail(k_exit_failed, path, std::string("cannot write: ") + std::strerror(errno));
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    fail(k_exit_failed, path, "cannot write");
  }
}

// Reads a model file, checking magic, version, family and every shape.
inline Model load_model(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) fail(k_exit_not_found, path, std::string("cannot open model: ") + std::strerror(errno));
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) fail(k_exit_not_found, path, std::string("cannot open model: ") + std::strerror(errno));
  std::string raw;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) raw.append(buf, n);
  std::fclose(f);
  size_t pos = 0;
  auto need = [&](size_t k) {
    if (raw.size() - pos < k) fail(k_exit_invalid, path, "truncated model file at byte " + std::to_string(pos));
  };
  auto get32 = [&]() {
    need(4);
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= uint32_t(uint8_t(raw[pos + i])) << (8 * i);
    pos += 4;
    return v;
  };
  auto get_floats = [&](size_t count) {
    need(count * 4);
    std::vector<float> v(count);
    for (size_t i = 0; i < count; ++i) {
      uint32_t u = get32();
      std::memcpy(&v[i], &u, 4);
    }
    return v;
  };
  need(8);
  if (std::memcmp(raw.data(), k_model_magic, 8) != 0) fail(k_exit_invalid, path, "bad magic: not an FMNISTM1 model file");
  pos = 8;
  uint32_t version = get32();
  if (version != k_model_version) fail(k_exit_invalid, path, "unsupported model version " + std::to_string(version));
  Model m;
  m.family = get32();
  auto shapes = family_shapes(m.family);
  if (shapes.empty()) fail(k_exit_invalid, path, "unknown model family " + std::to_string(m.family));
  uint32_t count = get32();
  if (count != shapes.size())
    fail(k_exit_invalid, path, std::string("shape mismatch: family '") + family_name(m.family) + "' has " +
                                   std::to_string(shapes.size()) + " tensors, file has " + std::to_string(count));
  for (uint32_t i = 0; i < count; ++i) {
    Tensor t;
    t.dtype = get32();
    uint32_t rank = get32();
    if (rank == 0 || rank > 4) fail(k_exit_invalid, path, "tensor " + std::to_string(i) + " has rank " + std::to_string(rank));
    for (uint32_t r = 0; r < rank; ++r) t.dims.push_back(get32());
    if (t.dims != shapes[i]) {
      std::string got, want;
      for (uint32_t d : t.dims) got += (got.empty() ? "" : "x") + std::to_string(d);
      for (uint32_t d : shapes[i]) want += (want.empty() ? "" : "x") + std::to_string(d);
      fail(k_exit_invalid, path, "shape mismatch: tensor " + std::to_string(i) + " is " + got + ", expected " + want);
    }
    if (t.dtype == k_f32) {
      t.f = get_floats(t.size());
    } else if (t.dtype == k_i8) {
      uint32_t ns = get32();
      if (ns != 1 && ns != t.dims[0])
        fail(k_exit_invalid, path, "tensor " + std::to_string(i) + " has " + std::to_string(ns) + " scales");
      t.scales = get_floats(ns);
      need(t.size());
      t.q.resize(t.size());
      std::memcpy(t.q.data(), raw.data() + pos, t.size());
      pos += t.size();
    } else {
      fail(k_exit_invalid, path, "tensor " + std::to_string(i) + " has unknown dtype " + std::to_string(t.dtype));
    }
    m.tensors.push_back(std::move(t));
  }
  if (pos != raw.size()) fail(k_exit_invalid, path, std::to_string(raw.size() - pos) + " trailing bytes after the last tensor");
  return m;
}

// Parameter count of a model.
inline size_t param_count(const Model& m) {
  size_t n = 0;
  for (const Tensor& t : m.tensors) n += t.size();
  return n;
}

// Seconds on the steady clock.
inline double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Formats a double for JSON (finite values only; others become null).
inline std::string json_num(double v) {
  if (!std::isfinite(v)) return "null";
  char b[64];
  std::snprintf(b, sizeof b, "%.9g", v);
  return b;
}

// Quotes a string for JSON (the strings written here are plain ASCII).
inline std::string json_str(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (uint8_t(c) < 0x20) continue;
    out.push_back(c);
  }
  return out + "\"";
}

} // namespace fmnist
