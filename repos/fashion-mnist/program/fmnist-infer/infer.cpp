// fmnist-infer: runs a Fashion-MNIST model file on a test set with a choice of
// precision (fp32, int8), implementation (naive loops, blocked/vectorised),
// batch size and threads; writes accuracy, latency, throughput and model size
// as JSON, and optionally the predictions. Interface: docs/fashion-mnist.md.
//
// Build: g++ -std=c++17 -O3 -ffp-contract=off -fopenmp-simd -pthread infer.cpp -o fmnist-infer -lz
#include "fmnist_io.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <thread>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace fmnist {
namespace {

// Command-line options.
struct Options {
  std::string model, test_images, test_labels, metrics, predictions, quantize;
  std::string precision;    // fp32 | int8 | "" (the file's own)
  bool per_channel = true;  // int8 scales per output channel (else per tensor)
  bool blocked = true;      // --impl blocked (else naive)
  int batch = 64;
  int threads = 1;
  int latency_images = 500; // images timed one by one for latency_ms
  bool quiet = false;
};

// One layer ready to run: weights as [out][in] (naive) and [in][out]
// (blocked), in fp32 or int8 with per-output scales.
struct Layer {
  bool conv = false;          // 5x5 valid convolution + ReLU + 2x2 max pool
  int side = 0, cin = 0, k = 0; // convolution input side, channels, kernel
  int in = 0, out = 0;        // GEMM sizes (conv: in = k*k*cin)
  bool relu = false;          // dense layer followed by ReLU
  std::vector<float> w, wt, b;
  std::vector<int8_t> q, qt;
  std::vector<int16_t> qp;    // int8 weights as int16 input pairs: [in/2][out][2]
  std::vector<float> scale;   // per output (int8)
};

// Symmetric int8 quantisation of an [out][in] fp32 tensor.
Tensor quantize_tensor(const Tensor& t, bool per_channel) {
  Tensor q;
  q.dims = t.dims;
  q.dtype = k_i8;
  size_t out = t.dims[0], in = t.size() / out;
  size_t groups = per_channel ? out : 1, per = per_channel ? in : t.size();
  q.q.resize(t.size());
  for (size_t g = 0; g < groups; ++g) {
    float mx = 0;
    for (size_t j = 0; j < per; ++j) mx = std::max(mx, std::fabs(t.f[g * per + j]));
    float s = mx > 0 ? mx / 127.0f : 1.0f;
    q.scales.push_back(s);
    for (size_t j = 0; j < per; ++j) {
      float v = std::nearbyint(t.f[g * per + j] / s);
      q.q[g * per + j] = int8_t(std::max(-127.0f, std::min(127.0f, v)));
    }
  }
  return q;
}

// The model with every weight tensor (even index) quantised; biases stay fp32.
Model quantize_model(const Model& m, bool per_channel) {
  Model q;
  q.family = m.family;
  for (size_t i = 0; i < m.tensors.size(); ++i)
    q.tensors.push_back(i % 2 == 0 && m.tensors[i].dtype == k_f32 ? quantize_tensor(m.tensors[i], per_channel) : m.tensors[i]);
  return q;
}

// The model with every int8 tensor turned back into fp32.
Model dequantize_model(const Model& m) {
  Model f = m;
  for (Tensor& t : f.tensors) {
    if (t.dtype != k_i8) continue;
    size_t out = t.dims[0], per = t.scales.size() == 1 ? t.size() : t.size() / out;
    t.f.resize(t.size());
    for (size_t j = 0; j < t.size(); ++j) t.f[j] = float(t.q[j]) * t.scales[j / per];
    t.dtype = k_f32;
    t.q.clear();
    t.scales.clear();
  }
  return f;
}

// Builds the runnable layers of a model in one precision.
std::vector<Layer> build_layers(const Model& m) {
  std::vector<Layer> layers;
  for (size_t i = 0; i < m.tensors.size(); i += 2) {
    const Tensor& w = m.tensors[i];
    Layer l;
    l.out = int(w.dims[0]);
    l.in = int(w.size() / w.dims[0]);
    if (w.dims.size() == 4) {
      l.conv = true;
      l.k = int(w.dims[1]);
      l.cin = int(w.dims[3]);
      l.side = layers.empty() ? k_side : (layers.back().side - layers.back().k + 1) / 2;
    }
    l.b = m.tensors[i + 1].f;
    if (w.dtype == k_f32) {
      l.w = w.f;
      l.wt.resize(w.f.size());
      for (int o = 0; o < l.out; ++o)
        for (int j = 0; j < l.in; ++j) l.wt[size_t(j) * l.out + o] = w.f[size_t(o) * l.in + j];
    } else {
      l.q = w.q;
      l.qt.resize(w.q.size());
      for (int o = 0; o < l.out; ++o)
        for (int j = 0; j < l.in; ++j) l.qt[size_t(j) * l.out + o] = w.q[size_t(o) * l.in + j];
      int pairs = (l.in + 1) / 2;
      l.qp.assign(size_t(pairs) * l.out * 2, 0);
      for (int j = 0; j < l.in; ++j)
        for (int o = 0; o < l.out; ++o) l.qp[(size_t(j / 2) * l.out + o) * 2 + size_t(j % 2)] = w.q[size_t(o) * l.in + j];
      for (int o = 0; o < l.out; ++o) l.scale.push_back(w.scales.size() == 1 ? w.scales[0] : w.scales[size_t(o)]);
    }
    layers.push_back(std::move(l));
  }
  for (size_t i = 0; i + 1 < layers.size(); ++i)
    if (!layers[i].conv) layers[i].relu = true;
  return layers;
}

// --- GEMM kernels: Y[rows][out] = X[rows][in] * W^T, summed over `in` in
// increasing order in every kernel, so naive and blocked fp32 agree bit for bit.

// Naive fp32: one dot product per output.
void gemm_naive(const Layer& l, const float* x, int rows, float* y) {
  for (int r = 0; r < rows; ++r)
    for (int o = 0; o < l.out; ++o) {
      const float* wr = l.w.data() + size_t(o) * l.in;
      const float* xr = x + size_t(r) * l.in;
      float s = 0;
      for (int j = 0; j < l.in; ++j) s += xr[j] * wr[j];
      y[size_t(r) * l.out + o] = s + l.b[size_t(o)];
    }
}

// Blocked fp32 with the output width fixed at compile time (0: runtime).
template <int N> void gemm_blocked_n(const Layer& l, const float* x, int rows, float* y) {
  const int out = N > 0 ? N : l.out;
  const int rb = 16;
  std::fill(y, y + size_t(rows) * out, 0.0f);
  for (int r0 = 0; r0 < rows; r0 += rb) {
    int r1 = std::min(rows, r0 + rb);
    for (int j = 0; j < l.in; ++j) {
      const float* __restrict wr = l.wt.data() + size_t(j) * out;
      for (int r = r0; r < r1; ++r) {
        float xv = x[size_t(r) * l.in + j];
        if (xv == 0.0f) continue;
        float* __restrict yr = y + size_t(r) * out;
#pragma omp simd
        for (int o = 0; o < out; ++o) yr[o] += xv * wr[o];
      }
    }
  }
  for (int r = 0; r < rows; ++r)
    for (int o = 0; o < out; ++o) y[size_t(r) * out + o] += l.b[size_t(o)];
}

// Blocked fp32, dispatched on the output width.
void gemm_blocked(const Layer& l, const float* x, int rows, float* y) {
  switch (l.out) {
  case 8: return gemm_blocked_n<8>(l, x, rows, y);
  case 10: return gemm_blocked_n<10>(l, x, rows, y);
  case 16: return gemm_blocked_n<16>(l, x, rows, y);
  case 128: return gemm_blocked_n<128>(l, x, rows, y);
  case 256: return gemm_blocked_n<256>(l, x, rows, y);
  default: return gemm_blocked_n<0>(l, x, rows, y);
  }
}

// Quantises activations of one image symmetrically; returns the scale.
float quantize_act(const float* x, size_t n, int8_t* q) {
  float mx = 0;
  for (size_t i = 0; i < n; ++i) mx = std::max(mx, std::fabs(x[i]));
  float s = mx > 0 ? mx / 127.0f : 1.0f;
  float inv = 1.0f / s;
  // Round half away from zero; |x * inv| <= 127 by construction (up to rounding).
  for (size_t i = 0; i < n; ++i) {
    float v = std::max(-127.0f, std::min(127.0f, x[i] * inv));
    q[i] = int8_t(int(v + (v >= 0 ? 0.5f : -0.5f)));
  }
  return s;
}

// Turns int32 accumulators into outputs: acc * sx * sw[o] + b[o].
void dequant_rows(const Layer& l, const int32_t* acc, int rows, const float* sx, float* y) {
  for (int r = 0; r < rows; ++r)
    for (int o = 0; o < l.out; ++o)
      y[size_t(r) * l.out + o] = float(acc[size_t(r) * l.out + o]) * (sx[r] * l.scale[size_t(o)]) + l.b[size_t(o)];
}

// Naive int8: integer dot products.
void gemm_naive_i8(const Layer& l, const int8_t* x, int rows, const float* sx, float* y, std::vector<int32_t>& acc) {
  acc.resize(size_t(rows) * l.out);
  for (int r = 0; r < rows; ++r)
    for (int o = 0; o < l.out; ++o) {
      const int8_t* wr = l.q.data() + size_t(o) * l.in;
      const int8_t* xr = x + size_t(r) * l.in;
      int32_t s = 0;
      for (int j = 0; j < l.in; ++j) s += int32_t(xr[j]) * int32_t(wr[j]);
      acc[size_t(r) * l.out + o] = s;
    }
  dequant_rows(l, acc.data(), rows, sx, y);
}

// Blocked int8: rows of int16 products added into int32 accumulators.
template <int N>
void gemm_blocked_i8_n(const Layer& l, const int8_t* x, int rows, const float* sx, float* y, std::vector<int32_t>& acc) {
  const int out = N > 0 ? N : l.out;
  const int rb = 16;
  acc.assign(size_t(rows) * out, 0);
  for (int r0 = 0; r0 < rows; r0 += rb) {
    int r1 = std::min(rows, r0 + rb);
    for (int j = 0; j < l.in; ++j) {
      const int8_t* __restrict wr = l.qt.data() + size_t(j) * out;
      for (int r = r0; r < r1; ++r) {
        int16_t xv = x[size_t(r) * l.in + j];
        if (xv == 0) continue;
        int32_t* __restrict ar = acc.data() + size_t(r) * out;
#pragma omp simd
        for (int o = 0; o < out; ++o) ar[o] += int16_t(xv * int16_t(wr[o]));
      }
    }
  }
  dequant_rows(l, acc.data(), rows, sx, y);
}

#ifdef __SSE2__
// Blocked int8 with SSE2 pmaddwd: two inputs times four outputs per
// instruction, exact int32 sums (needs out % 4 == 0).
void gemm_blocked_i8_sse2(const Layer& l, const int8_t* x, int rows, const float* sx, float* y, std::vector<int32_t>& acc) {
  const int out = l.out, pairs = (l.in + 1) / 2, rb = 16;
  acc.assign(size_t(rows) * out, 0);
  for (int r0 = 0; r0 < rows; r0 += rb) {
    int r1 = std::min(rows, r0 + rb);
    for (int p = 0; p < pairs; ++p) {
      const int16_t* wp = l.qp.data() + size_t(p) * out * 2;
      for (int r = r0; r < r1; ++r) {
        const int8_t* xr = x + size_t(r) * l.in;
        int16_t x0 = xr[2 * p], x1 = 2 * p + 1 < l.in ? xr[2 * p + 1] : int16_t(0);
        if ((x0 | x1) == 0) continue;
        __m128i xv = _mm_set1_epi32(int32_t(uint32_t(uint16_t(x0)) | (uint32_t(uint16_t(x1)) << 16)));
        int32_t* ar = acc.data() + size_t(r) * out;
        for (int o = 0; o < out; o += 4) {
          __m128i wv = _mm_loadu_si128(reinterpret_cast<const __m128i*>(wp + size_t(o) * 2));
          __m128i av = _mm_loadu_si128(reinterpret_cast<const __m128i*>(ar + o));
          _mm_storeu_si128(reinterpret_cast<__m128i*>(ar + o), _mm_add_epi32(av, _mm_madd_epi16(wv, xv)));
        }
      }
    }
  }
  dequant_rows(l, acc.data(), rows, sx, y);
}
#endif

// Blocked int8, dispatched on the output width.
void gemm_blocked_i8(const Layer& l, const int8_t* x, int rows, const float* sx, float* y, std::vector<int32_t>& acc) {
#ifdef __SSE2__
  if (l.out % 4 == 0) return gemm_blocked_i8_sse2(l, x, rows, sx, y, acc);
#endif
  switch (l.out) {
  case 8: return gemm_blocked_i8_n<8>(l, x, rows, sx, y, acc);
  case 10: return gemm_blocked_i8_n<10>(l, x, rows, sx, y, acc);
  case 16: return gemm_blocked_i8_n<16>(l, x, rows, sx, y, acc);
  case 128: return gemm_blocked_i8_n<128>(l, x, rows, sx, y, acc);
  case 256: return gemm_blocked_i8_n<256>(l, x, rows, sx, y, acc);
  default: return gemm_blocked_i8_n<0>(l, x, rows, sx, y, acc);
  }
}

// Per-thread scratch buffers.
struct Scratch {
  std::vector<float> a, b, cols;
  std::vector<int8_t> qa, qcols;
  std::vector<float> sx;
  std::vector<int32_t> acc;
};

// Patches of a valid convolution on an HWC image, columns (ky, kx, c).
template <class T> void im2col(const T* img, int side, int ch, int k, T* cols) {
  int os = side - k + 1;
  for (int oy = 0; oy < os; ++oy)
    for (int ox = 0; ox < os; ++ox) {
      T* dst = cols + size_t(oy * os + ox) * k * k * ch;
      for (int ky = 0; ky < k; ++ky) {
        const T* src = img + (size_t(oy + ky) * side + ox) * ch;
        std::copy(src, src + size_t(k) * ch, dst + size_t(ky) * k * ch);
      }
    }
}

// ReLU then 2x2 max pooling of an HWC map (in place into `out`).
void relu_pool(const float* in, int side, int ch, float* out) {
  int os = side / 2;
  for (int y = 0; y < os; ++y)
    for (int x = 0; x < os; ++x)
      for (int c = 0; c < ch; ++c) {
        float m = 0;
        for (int dy = 0; dy < 2; ++dy)
          for (int dx = 0; dx < 2; ++dx) m = std::max(m, in[((2 * y + dy) * side + 2 * x + dx) * ch + c]);
        out[(y * os + x) * ch + c] = m;
      }
}

// The engine: layers plus the choices; classifies batches of images.
class Engine {
public:
  Engine(std::vector<Layer> layers, bool int8, bool blocked)
      : m_layers(std::move(layers)), m_int8(int8), m_blocked(blocked) {}

  // Classifies `n` images (bytes) into pred.
  void classify(const uint8_t* px, int n, uint8_t* pred, Scratch& s) const {
    s.a.resize(size_t(n) * k_pixels);
    for (size_t i = 0; i < s.a.size(); ++i) s.a[i] = float(px[i]) * (1.0f / 255.0f);
    if (m_layers.front().conv) {
      // Convolutions run per image (rows = output positions).
      std::vector<float> feat;
      for (int i = 0; i < n; ++i) {
        std::vector<float> img(s.a.begin() + long(i) * k_pixels, s.a.begin() + long(i + 1) * k_pixels);
        for (const Layer& l : m_layers) {
          if (!l.conv) break;
          img = conv(l, img, s);
        }
        if (i == 0) feat.resize(size_t(n) * img.size());
        std::copy(img.begin(), img.end(), feat.begin() + long(i * img.size()));
      }
      s.a.swap(feat);
    }
    for (const Layer& l : m_layers) {
      if (l.conv) continue;
      s.b.resize(size_t(n) * l.out);
      gemm(l, s.a.data(), n, s.b.data(), s);
      if (l.relu)
        for (float& v : s.b) v = v > 0 ? v : 0;
      s.a.swap(s.b);
    }
    for (int i = 0; i < n; ++i) {
      const float* z = s.a.data() + size_t(i) * k_classes;
      pred[i] = uint8_t(std::max_element(z, z + k_classes) - z);
    }
  }

private:
  // One convolution + ReLU + pool on one image.
  std::vector<float> conv(const Layer& l, const std::vector<float>& img, Scratch& s) const {
    int os = l.side - l.k + 1;
    std::vector<float> y(size_t(os) * os * l.out), pooled(size_t(os / 2) * (os / 2) * l.out);
    if (!m_blocked) {
      conv_naive(l, img.data(), y.data());
    } else if (!m_int8) {
      s.cols.resize(size_t(os) * os * l.in);
      im2col(img.data(), l.side, l.cin, l.k, s.cols.data());
      gemm_blocked(l, s.cols.data(), os * os, y.data());
    } else {
      s.qa.resize(img.size());
      float sx = quantize_act(img.data(), img.size(), s.qa.data());
      s.qcols.resize(size_t(os) * os * l.in);
      im2col(s.qa.data(), l.side, l.cin, l.k, s.qcols.data());
      s.sx.assign(size_t(os) * os, sx);
      gemm_blocked_i8(l, s.qcols.data(), os * os, s.sx.data(), y.data(), s.acc);
    }
    relu_pool(y.data(), os, l.out, pooled.data());
    return pooled;
  }

  // Direct convolution loops, summing (ky, kx, c) in im2col order.
  void conv_naive(const Layer& l, const float* img, float* y) const {
    int os = l.side - l.k + 1;
    std::vector<int8_t> qimg;
    float sx = 1;
    if (m_int8) {
      qimg.resize(size_t(l.side) * l.side * l.cin);
      sx = quantize_act(img, qimg.size(), qimg.data());
    }
    for (int oy = 0; oy < os; ++oy)
      for (int ox = 0; ox < os; ++ox)
        for (int o = 0; o < l.out; ++o) {
          float sf = 0;
          int32_t si = 0;
          size_t widx = size_t(o) * l.in;
          for (int ky = 0; ky < l.k; ++ky)
            for (int kx = 0; kx < l.k; ++kx)
              for (int c = 0; c < l.cin; ++c, ++widx) {
                size_t xi = (size_t(oy + ky) * l.side + size_t(ox + kx)) * l.cin + c;
                if (m_int8) si += int32_t(qimg[xi]) * int32_t(l.q[widx]);
                else sf += img[xi] * l.w[widx];
              }
          size_t yi = (size_t(oy) * os + ox) * l.out + o;
          y[yi] = m_int8 ? float(si) * (sx * l.scale[size_t(o)]) + l.b[size_t(o)] : sf + l.b[size_t(o)];
        }
  }

  // A dense layer on n rows of l.in activations.
  void gemm(const Layer& l, const float* x, int n, float* y, Scratch& s) const {
    if (!m_int8) {
      if (m_blocked) gemm_blocked(l, x, n, y);
      else gemm_naive(l, x, n, y);
      return;
    }
    s.qa.resize(size_t(n) * l.in);
    s.sx.resize(size_t(n));
    for (int r = 0; r < n; ++r) s.sx[size_t(r)] = quantize_act(x + size_t(r) * l.in, size_t(l.in), s.qa.data() + size_t(r) * l.in);
    if (m_blocked) gemm_blocked_i8(l, s.qa.data(), n, s.sx.data(), y, s.acc);
    else gemm_naive_i8(l, s.qa.data(), n, s.sx.data(), y, s.acc);
  }

  std::vector<Layer> m_layers; // the network
  bool m_int8;                 // int8 weights and activations
  bool m_blocked;              // blocked kernels (else naive)
};

const char* k_usage =
    "usage: fmnist-infer --model MODEL [--test-images F --test-labels F] [--precision fp32|int8]\n"
    "                    [--quant per-channel|per-tensor] [--impl naive|blocked] [--batch N]\n"
    "                    [--threads N] [--latency-images N] [--metrics FILE] [--predictions FILE]\n"
    "                    [--quantize OUT_MODEL] [--quiet]\n";

// Parses an integer flag value.
long parse_int(const std::string& flag, const std::string& v, long lo, long hi) {
  char* end = nullptr;
  errno = 0;
  long x = std::strtol(v.c_str(), &end, 10);
  if (v.empty() || *end || errno || x < lo || x > hi)
    fail(k_exit_usage, flag, "bad value '" + v + "' (expected an integer in " + std::to_string(lo) + ".." + std::to_string(hi) + ")");
  return x;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-h" || a == "--help") {
      std::cout << k_usage;
      std::exit(0);
    }
    if (a == "--quiet" || a == "-q") {
      o.quiet = true;
      continue;
    }
    if (i + 1 >= argc) fail(k_exit_usage, a, a.rfind("--", 0) == 0 ? "missing value" : "unexpected argument");
    std::string v = argv[++i];
    if (a == "--model") o.model = v;
    else if (a == "--test-images") o.test_images = v;
    else if (a == "--test-labels") o.test_labels = v;
    else if (a == "--metrics") o.metrics = v;
    else if (a == "--predictions") o.predictions = v;
    else if (a == "--quantize") o.quantize = v;
    else if (a == "--batch") o.batch = int(parse_int(a, v, 1, 65536));
    else if (a == "--threads") o.threads = int(parse_int(a, v, 1, 256));
    else if (a == "--latency-images") o.latency_images = int(parse_int(a, v, 0, 1000000));
    else if (a == "--precision") {
      if (v != "fp32" && v != "int8") fail(k_exit_usage, a, "unknown precision '" + v + "' (expected fp32 or int8)");
      o.precision = v;
    } else if (a == "--quant") {
      if (v != "per-channel" && v != "per-tensor") fail(k_exit_usage, a, "unknown scheme '" + v + "' (expected per-channel or per-tensor)");
      o.per_channel = v == "per-channel";
    } else if (a == "--impl") {
      if (v != "naive" && v != "blocked") fail(k_exit_usage, a, "unknown implementation '" + v + "' (expected naive or blocked)");
      o.blocked = v == "blocked";
    } else fail(k_exit_usage, a, "unknown flag");
  }
  if (o.model.empty()) fail(k_exit_usage, "arguments", "--model is required");
  if (o.test_images.empty() != o.test_labels.empty()) fail(k_exit_usage, "arguments", "--test-images and --test-labels go together");
  if (o.test_images.empty() && o.quantize.empty()) fail(k_exit_usage, "arguments", "nothing to do: give a test set or --quantize");
  return o;
}

// Runs f(batch index) for every batch on `threads` threads (work stealing by
// an atomic counter; results land at fixed positions, so order is irrelevant).
template <class F> void parallel_batches(int batches, int threads, F f) {
  std::atomic<int> next{0};
  auto worker = [&](int t) {
    for (int b; (b = next.fetch_add(1)) < batches;) f(b, t);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker, t);
  worker(0);
  for (auto& th : pool) th.join();
}

int infer_main(int argc, char** argv) {
  Options o = parse(argc, argv);
  Model file_model = load_model(o.model);
  bool file_int8 = file_model.tensors[0].dtype == k_i8;
  bool int8 = o.precision.empty() ? file_int8 : o.precision == "int8";
  if (!o.quantize.empty()) {
    if (file_int8) fail(k_exit_usage, o.model, "already an int8 model; --quantize needs an fp32 model");
    write_file(o.quantize, serialize_model(quantize_model(file_model, o.per_channel)));
    if (!o.quiet) std::cerr << "fmnist-infer: wrote int8 model " << o.quantize << "\n";
    if (o.test_images.empty()) return 0;
  }
  Model model = int8 ? (file_int8 ? file_model : quantize_model(file_model, o.per_channel)) : dequantize_model(file_model);
  size_t model_size = serialize_model(model).size();
  ImageSet test = load_images(o.test_images);
  std::vector<uint8_t> labels = load_labels(o.test_labels);
  check_pair(test, labels, o.test_labels);
  Engine engine(build_layers(model), int8, o.blocked);
  int n = int(test.count);
  int threads = std::max(1, std::min(o.threads, (n + o.batch - 1) / o.batch));
  std::vector<Scratch> scratch(size_t(std::max(threads, 1)));
  std::vector<uint8_t> pred(test.count);
  // Throughput: the whole set at the chosen batch size and threads.
  int batches = (n + o.batch - 1) / o.batch;
  double t0 = now_s();
  parallel_batches(batches, threads, [&](int b, int t) {
    int lo = b * o.batch, cnt = std::min(o.batch, n - lo);
    engine.classify(test.pixels.data() + size_t(lo) * k_pixels, cnt, pred.data() + lo, scratch[size_t(t)]);
  });
  double elapsed = now_s() - t0;
  size_t correct = 0;
  for (int i = 0; i < n; ++i) correct += pred[size_t(i)] == labels[size_t(i)];
  // Latency: single images, one thread, median over the first images.
  int lat_n = std::min(o.latency_images, n);
  std::vector<double> lat;
  for (int i = 0; i < lat_n; ++i) {
    uint8_t p;
    double a = now_s();
    engine.classify(test.pixels.data() + size_t(i) * k_pixels, 1, &p, scratch[0]);
    lat.push_back((now_s() - a) * 1e3);
  }
  double latency = NAN;
  if (!lat.empty()) {
    std::sort(lat.begin(), lat.end());
    size_t m = lat.size();
    latency = m % 2 ? lat[m / 2] : 0.5 * (lat[m / 2 - 1] + lat[m / 2]);
  }
  if (!o.predictions.empty()) {
    std::string txt;
    for (uint8_t p : pred) txt += char('0' + p), txt += '\n';
    write_file(o.predictions, txt);
  }
  double acc = double(correct) / n;
  std::string js = "{\n";
  js += "  \"family\": " + json_str(family_name(model.family)) + ",\n";
  js += "  \"precision\": " + json_str(int8 ? "int8" : "fp32") + ",\n";
  js += "  \"quant\": " + (int8 ? json_str(model.tensors[0].scales.size() == 1 ? "per-tensor" : "per-channel") : std::string("null")) + ",\n";
  js += "  \"impl\": " + json_str(o.blocked ? "blocked" : "naive") + ",\n";
  js += "  \"batch\": " + std::to_string(o.batch) + ",\n";
  js += "  \"threads\": " + std::to_string(threads) + ",\n";
  js += "  \"images\": " + std::to_string(n) + ",\n";
  js += "  \"correct\": " + std::to_string(correct) + ",\n";
  js += "  \"accuracy_top1\": " + json_num(acc) + ",\n";
  js += "  \"latency_ms\": " + json_num(latency) + ",\n";
  js += "  \"latency_images\": " + std::to_string(lat_n) + ",\n";
  js += "  \"throughput_ips\": " + json_num(n / elapsed) + ",\n";
  js += "  \"param_count\": " + std::to_string(param_count(model)) + ",\n";
  js += "  \"model_size_bytes\": " + std::to_string(model_size) + "\n}\n";
  if (!o.metrics.empty()) write_file(o.metrics, js);
  else std::cout << js;
  if (!o.quiet)
    std::cerr << family_name(model.family) << " " << (int8 ? "int8" : "fp32") << " " << (o.blocked ? "blocked" : "naive")
              << ": accuracy " << json_num(acc) << ", " << json_num(n / elapsed) << " images/s, latency "
              << json_num(latency) << " ms\n";
  return 0;
}

} // namespace
} // namespace fmnist

int main(int argc, char** argv) {
  try {
    return fmnist::infer_main(argc, argv);
  } catch (const fmnist::Failure& f) {
    std::cerr << "fmnist-infer: error: " << f.where << ": " << f.what << "\n";
    if (f.code == fmnist::k_exit_usage) std::cerr << fmnist::k_usage;
    return f.code;
  } catch (const std::bad_alloc&) {
    std::cerr << "fmnist-infer: error: memory: out of memory\n";
    return fmnist::k_exit_failed;
  }
}
