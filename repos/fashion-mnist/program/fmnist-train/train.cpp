// fmnist-train: trains a softmax regression, an MLP 784-256-128-10 or a small
// CNN on Fashion-MNIST idx files, deterministically, and writes a model file
// and a metrics JSON. Interface: docs/fashion-mnist.md.
//
// Build: g++ -std=c++17 -O3 -ffp-contract=off -fopenmp-simd -pthread train.cpp -o fmnist-train -lz
#include "fmnist_io.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <thread>

namespace fmnist {
namespace {

// Gradients of one batch are always split into this many chunks, summed in
// chunk order, so the model does not depend on the number of threads.
constexpr int k_chunks = 4;

// Command-line options.
struct Options {
  uint32_t family = k_softmax;
  std::string train_images, train_labels, test_images, test_labels, out, metrics;
  int epochs = 0;      // 0: the family's default
  int batch = -1;      // -1: the family's default
  double lr = -1;      // -1: the family's default
  uint64_t seed = 1;
  int threads = 1;
  bool quiet = false;
};

// A parameter block: values, Adam moments. Weights of a layer are kept
// transposed ([in][out]) while training, so inner loops run over outputs.
struct Param {
  std::vector<float> v, m, s; // value, first and second moment
};

// y[0..n) += a * x[0..n)
inline void axpy(float* __restrict y, float a, const float* __restrict x, int n) {
#pragma omp simd
  for (int j = 0; j < n; ++j) y[j] += a * x[j];
}

// Sum of x[j] * y[j].
inline float dot(const float* __restrict x, const float* __restrict y, int n) {
  float s = 0;
#pragma omp simd reduction(+ : s)
  for (int j = 0; j < n; ++j) s += x[j] * y[j];
  return s;
}

// A fully connected layer on `rows` rows: Y = X * Wt + b.
void dense_forward(const float* x, int rows, int in, const float* wt, const float* b, int out, float* y) {
  for (int r = 0; r < rows; ++r) std::copy(b, b + out, y + size_t(r) * out);
  for (int i = 0; i < in; ++i) {
    const float* wrow = wt + size_t(i) * out;
    for (int r = 0; r < rows; ++r) {
      float xv = x[size_t(r) * in + i];
      if (xv != 0.0f) axpy(y + size_t(r) * out, xv, wrow, out);
    }
  }
}

// Backward of dense_forward: accumulates dWt and db; writes dX when asked.
void dense_backward(const float* x, int rows, int in, const float* wt, int out, const float* dy, float* dwt,
                      float* db, float* dx) {
  for (int r = 0; r < rows; ++r) axpy(db, 1.0f, dy + size_t(r) * out, out);
  for (int i = 0; i < in; ++i) {
    float* drow = dwt + size_t(i) * out;
    const float* wrow = wt + size_t(i) * out;
    for (int r = 0; r < rows; ++r) {
      float xv = x[size_t(r) * in + i];
      if (xv != 0.0f) axpy(drow, xv, dy + size_t(r) * out, out);
      if (dx) dx[size_t(r) * in + i] = dot(wrow, dy + size_t(r) * out, out);
    }
  }
}

// In-place ReLU.
void relu(float* v, size_t n) {
  for (size_t i = 0; i < n; ++i) v[i] = v[i] > 0 ? v[i] : 0;
}

// dv *= (a > 0)
void relu_backward(const float* a, float* dv, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (a[i] <= 0) dv[i] = 0;
}

// Patches of a k x k valid convolution on an HWC image: rows = output
// positions, columns = (ky, kx, c).
void im2col(const float* img, int side, int ch, int k, float* cols) {
  int os = side - k + 1;
  for (int oy = 0; oy < os; ++oy)
    for (int ox = 0; ox < os; ++ox) {
      float* dst = cols + size_t(oy * os + ox) * k * k * ch;
      for (int ky = 0; ky < k; ++ky) {
        const float* src = img + (size_t(oy + ky) * side + ox) * ch;
        std::copy(src, src + size_t(k) * ch, dst + size_t(ky) * k * ch);
      }
    }
}

// Scatter-adds patch gradients back onto the HWC image gradient.
void col2im(const float* cols, int side, int ch, int k, float* img) {
  int os = side - k + 1;
  for (int oy = 0; oy < os; ++oy)
    for (int ox = 0; ox < os; ++ox) {
      const float* src = cols + size_t(oy * os + ox) * k * k * ch;
      for (int ky = 0; ky < k; ++ky) axpy(img + (size_t(oy + ky) * side + ox) * ch, 1.0f, src + size_t(ky) * k * ch, k * ch);
    }
}

// 2x2 max pooling on HWC, remembering the winning index for backward.
void maxpool(const float* in, int side, int ch, float* out, int* arg) {
  int os = side / 2;
  for (int y = 0; y < os; ++y)
    for (int x = 0; x < os; ++x)
      for (int c = 0; c < ch; ++c) {
        int best = ((2 * y) * side + 2 * x) * ch + c;
        for (int dy = 0; dy < 2; ++dy)
          for (int dx = 0; dx < 2; ++dx) {
            int idx = ((2 * y + dy) * side + 2 * x + dx) * ch + c;
            if (in[idx] > in[best]) best = idx;
          }
        int o = (y * os + x) * ch + c;
        out[o] = in[best];
        arg[o] = best;
      }
}

// The network being trained: its layer sizes and parameters.
class Net {
public:
  explicit Net(uint32_t family) : m_family(family) {
    auto shapes = family_shapes(family);
    for (size_t i = 0; i < shapes.size(); i += 2) {
      size_t out = shapes[i][0];
      size_t in = 1;
      for (size_t d = 1; d < shapes[i].size(); ++d) in *= shapes[i][d];
      m_in.push_back(int(in));
      m_out.push_back(int(out));
    }
  }

  // Number of parameter blocks (weights and biases alternate).
  size_t blocks() const { return m_in.size() * 2; }
  // Size of parameter block b.
  size_t block_size(size_t b) const { return b % 2 == 0 ? size_t(m_in[b / 2]) * m_out[b / 2] : size_t(m_out[b / 2]); }

  // He-uniform initialisation from the seed; biases start at zero.
  void init(std::vector<Param>& params, uint64_t seed) const {
    Rng rng{seed};
    params.resize(blocks());
    for (size_t b = 0; b < blocks(); ++b) {
      Param& p = params[b];
      p.v.assign(block_size(b), 0.0f);
      p.m.assign(block_size(b), 0.0f);
      p.s.assign(block_size(b), 0.0f);
      if (b % 2 == 0) {
        float lim = std::sqrt(6.0f / float(m_in[b / 2]));
        for (float& w : p.v) w = (2.0f * rng.uniform() - 1.0f) * lim;
      }
    }
  }

  // Forward (and, when grads is non-null, backward) on `n` images; returns
  // the summed cross-entropy loss and writes the predicted classes.
  double run(const std::vector<Param>& params, const float* x, const uint8_t* labels, int n, float grad_scale,
             std::vector<std::vector<float>>* grads, uint8_t* pred) const {
    if (m_family == k_cnn) {
      double loss = 0;
      for (int i = 0; i < n; ++i)
        loss += cnn_one(params, x + size_t(i) * k_pixels, labels ? labels[i] : 0, grad_scale, grads, pred ? pred + i : nullptr);
      return loss;
    }
    return dense_chunk(params, x, labels, n, grad_scale, grads, pred);
  }

private:
  // Softmax + cross-entropy on a row of logits; turns it into dLogits * scale.
  static double softmax_xent(float* logits, int label, float scale, bool want_grad, uint8_t* pred) {
    float mx = logits[0];
    int arg = 0;
    for (int c = 1; c < k_classes; ++c)
      if (logits[c] > mx) mx = logits[c], arg = c;
    if (pred) *pred = uint8_t(arg);
    double sum = 0;
    float e[k_classes];
    for (int c = 0; c < k_classes; ++c) sum += e[c] = std::exp(logits[c] - mx);
    double loss = -(double(logits[label] - mx) - std::log(sum));
    if (want_grad)
      for (int c = 0; c < k_classes; ++c) logits[c] = (float(e[c] / sum) - (c == label ? 1.0f : 0.0f)) * scale;
    return loss;
  }

  // Softmax regression and MLP on a chunk of rows at once.
  double dense_chunk(const std::vector<Param>& p, const float* x, const uint8_t* labels, int n, float scale,
                     std::vector<std::vector<float>>* g, uint8_t* pred) const {
    size_t layers = m_in.size();
    std::vector<std::vector<float>> act(layers + 1);
    act[0].assign(x, x + size_t(n) * k_pixels);
    for (size_t l = 0; l < layers; ++l) {
      act[l + 1].assign(size_t(n) * m_out[l], 0.0f);
      dense_forward(act[l].data(), n, m_in[l], p[2 * l].v.data(), p[2 * l + 1].v.data(), m_out[l], act[l + 1].data());
      if (l + 1 < layers) relu(act[l + 1].data(), act[l + 1].size());
    }
    double loss = 0;
    std::vector<float> d = act[layers];
    for (int r = 0; r < n; ++r)
      loss += softmax_xent(d.data() + size_t(r) * k_classes, labels ? labels[r] : 0, scale, g != nullptr, pred ? pred + r : nullptr);
    if (!g) return loss;
    for (size_t l = layers; l-- > 0;) {
      std::vector<float> dx;
      if (l > 0) dx.assign(size_t(n) * m_in[l], 0.0f);
      dense_backward(act[l].data(), n, m_in[l], p[2 * l].v.data(), m_out[l], d.data(), (*g)[2 * l].data(),
                     (*g)[2 * l + 1].data(), l > 0 ? dx.data() : nullptr);
      if (l > 0) {
        relu_backward(act[l].data(), dx.data(), dx.size());
        d.swap(dx);
      }
    }
    return loss;
  }

  // The CNN on one image: conv5x5(1->8) relu pool, conv5x5(8->16) relu pool,
  // fc 256->64 relu, fc 64->10.
  double cnn_one(const std::vector<Param>& p, const float* x, int label, float scale, std::vector<std::vector<float>>* g,
                 uint8_t* pred) const {
    float cols1[576 * 25], a1[576 * 8], p1[144 * 8], cols2[64 * 200], a2[64 * 16], p2[256], h[64], logits[k_classes];
    int arg1[144 * 8], arg2[256];
    im2col(x, 28, 1, 5, cols1);
    dense_forward(cols1, 576, 25, p[0].v.data(), p[1].v.data(), 8, a1);
    relu(a1, 576 * 8);
    maxpool(a1, 24, 8, p1, arg1);
    im2col(p1, 12, 8, 5, cols2);
    dense_forward(cols2, 64, 200, p[2].v.data(), p[3].v.data(), 16, a2);
    relu(a2, 64 * 16);
    maxpool(a2, 8, 16, p2, arg2);
    dense_forward(p2, 1, 256, p[4].v.data(), p[5].v.data(), 64, h);
    relu(h, 64);
    dense_forward(h, 1, 64, p[6].v.data(), p[7].v.data(), 10, logits);
    double loss = softmax_xent(logits, label, scale, g != nullptr, pred);
    if (!g) return loss;
    float dh[64], dp2[256], da2[64 * 16] = {}, dcols2[64 * 200], dp1[144 * 8] = {}, da1[576 * 8] = {};
    dense_backward(h, 1, 64, p[6].v.data(), 10, logits, (*g)[6].data(), (*g)[7].data(), dh);
    relu_backward(h, dh, 64);
    dense_backward(p2, 1, 256, p[4].v.data(), 64, dh, (*g)[4].data(), (*g)[5].data(), dp2);
    for (int i = 0; i < 256; ++i) da2[arg2[i]] += dp2[i];
    relu_backward(a2, da2, 64 * 16);
    dense_backward(cols2, 64, 200, p[2].v.data(), 16, da2, (*g)[2].data(), (*g)[3].data(), dcols2);
    col2im(dcols2, 12, 8, 5, dp1);
    for (int i = 0; i < 144 * 8; ++i) da1[arg1[i]] += dp1[i];
    relu_backward(a1, da1, 576 * 8);
    dense_backward(cols1, 576, 25, p[0].v.data(), 8, da1, (*g)[0].data(), (*g)[1].data(), nullptr);
    return loss;
  }

  uint32_t m_family;      // Family
  std::vector<int> m_in;  // inputs per layer (conv: k*k*cin)
  std::vector<int> m_out; // outputs per layer
};

// Applies f(chunk) for chunk in [0, chunks) on up to `threads` threads.
template <class F> void parallel_chunks(int chunks, int threads, F f) {
  int t = std::max(1, std::min(threads, chunks));
  if (t == 1) {
    for (int c = 0; c < chunks; ++c) f(c);
    return;
  }
  std::vector<std::thread> pool;
  for (int w = 1; w < t; ++w)
    pool.emplace_back([&, w] {
      for (int c = w; c < chunks; c += t) f(c);
    });
  for (int c = 0; c < chunks; c += t) f(c);
  for (auto& th : pool) th.join();
}

// Pixels scaled to [0, 1].
std::vector<float> to_float(const ImageSet& s) {
  std::vector<float> v(s.pixels.size());
  for (size_t i = 0; i < v.size(); ++i) v[i] = float(s.pixels[i]) * (1.0f / 255.0f);
  return v;
}

// Accuracy of the network on a set, evaluated in chunks on the threads.
double evaluate(const Net& net, const std::vector<Param>& params, const std::vector<float>& x,
                const std::vector<uint8_t>& labels, int threads) {
  int n = int(labels.size());
  const int per = 64;
  int chunks = (n + per - 1) / per;
  std::vector<uint8_t> pred(static_cast<size_t>(n));
  parallel_chunks(chunks, threads, [&](int c) {
    int lo = c * per, cnt = std::min(per, n - lo);
    net.run(params, x.data() + size_t(lo) * k_pixels, labels.data() + lo, cnt, 0.0f, nullptr, pred.data() + lo);
  });
  size_t ok = 0;
  for (int i = 0; i < n; ++i) ok += pred[size_t(i)] == labels[size_t(i)];
  return double(ok) / n;
}

// Converts trained parameters (transposed weights) to the file layout.
Model to_model(uint32_t family, const std::vector<Param>& params) {
  Model m;
  m.family = family;
  auto shapes = family_shapes(family);
  for (size_t b = 0; b < params.size(); ++b) {
    Tensor t;
    t.dims = shapes[b];
    if (b % 2 == 0) {
      size_t out = t.dims[0], in = t.size() / out;
      t.f.resize(t.size());
      for (size_t o = 0; o < out; ++o)
        for (size_t i = 0; i < in; ++i) t.f[o * in + i] = params[b].v[i * out + o];
    } else {
      t.f = params[b].v;
    }
    m.tensors.push_back(std::move(t));
  }
  return m;
}

const char* k_usage =
    "usage: fmnist-train --family softmax|mlp|cnn --train-images F --train-labels F\n"
    "                    [--test-images F --test-labels F] [--epochs N] [--batch N] [--lr X]\n"
    "                    [--seed S] [--threads T] --out MODEL [--metrics FILE] [--quiet]\n";

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
    if (a == "--family") {
      if (!parse_family(v, o.family)) fail(k_exit_usage, a, "unknown family '" + v + "' (expected softmax, mlp or cnn)");
    } else if (a == "--train-images") o.train_images = v;
    else if (a == "--train-labels") o.train_labels = v;
    else if (a == "--test-images") o.test_images = v;
    else if (a == "--test-labels") o.test_labels = v;
    else if (a == "--out") o.out = v;
    else if (a == "--metrics") o.metrics = v;
    else if (a == "--epochs") o.epochs = int(parse_int(a, v, 0, 1000)); // 0: the default
    else if (a == "--batch") o.batch = int(parse_int(a, v, 1, 4096));
    else if (a == "--seed") o.seed = uint64_t(parse_int(a, v, 0, 2147483647));
    else if (a == "--threads") o.threads = int(parse_int(a, v, 1, 256));
    else if (a == "--lr") {
      char* end = nullptr;
      o.lr = std::strtod(v.c_str(), &end);
      if (v.empty() || *end || !(o.lr > 0 && o.lr < 10)) fail(k_exit_usage, a, "bad value '" + v + "' (expected a number in (0, 10))");
    } else fail(k_exit_usage, a, "unknown flag");
  }
  if (o.train_images.empty() || o.train_labels.empty() || o.out.empty())
    fail(k_exit_usage, "arguments", "--train-images, --train-labels and --out are required");
  if (o.test_images.empty() != o.test_labels.empty())
    fail(k_exit_usage, "arguments", "--test-images and --test-labels go together");
  // Defaults per family, tuned for the full 60k set on 2 cores.
  if (o.epochs <= 0) o.epochs = o.family == k_softmax ? 5 : o.family == k_mlp ? 5 : 6;
  if (o.batch < 0) o.batch = o.family == k_cnn ? 32 : 64;
  if (o.lr < 0) o.lr = o.family == k_mlp ? 0.001 : o.family == k_softmax ? 0.002 : 0.003;
  return o;
}

int train_main(int argc, char** argv) {
  Options o = parse(argc, argv);
  ImageSet train = load_images(o.train_images);
  std::vector<uint8_t> train_y = load_labels(o.train_labels);
  check_pair(train, train_y, o.train_labels);
  ImageSet test;
  std::vector<uint8_t> test_y;
  if (!o.test_images.empty()) {
    test = load_images(o.test_images);
    test_y = load_labels(o.test_labels);
    check_pair(test, test_y, o.test_labels);
  }
  std::vector<float> x = to_float(train), tx = to_float(test);
  Net net(o.family);
  std::vector<Param> params;
  net.init(params, o.seed);
  std::vector<std::vector<std::vector<float>>> grads(k_chunks);
  for (auto& g : grads) {
    g.resize(params.size());
    for (size_t b = 0; b < params.size(); ++b) g[b].assign(params[b].v.size(), 0.0f);
  }
  size_t n = train.count;
  std::vector<uint32_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = uint32_t(i);
  Rng shuffle{o.seed ^ 0x5eedf00dULL};
  std::vector<float> bx(size_t(o.batch) * k_pixels);
  std::vector<uint8_t> by(size_t(o.batch));
  const float b1 = 0.9f, b2 = 0.999f, eps = 1e-8f;
  long step = 0;
  long total_steps = long(o.epochs) * long((n + size_t(o.batch) - 1) / size_t(o.batch));
  double last_loss = 0;
  double t0 = now_s();
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[shuffle.below(i)]);
    double epoch_loss = 0;
    for (size_t start = 0; start < n; start += size_t(o.batch)) {
      int bs = int(std::min(size_t(o.batch), n - start));
      for (int j = 0; j < bs; ++j) {
        uint32_t idx = order[start + size_t(j)];
        std::copy(x.begin() + long(idx) * k_pixels, x.begin() + long(idx + 1) * k_pixels, bx.begin() + long(j) * k_pixels);
        by[size_t(j)] = train_y[idx];
      }
      std::vector<double> losses(k_chunks, 0.0);
      int per = (bs + k_chunks - 1) / k_chunks;
      parallel_chunks(k_chunks, o.threads, [&](int c) {
        for (auto& g : grads[size_t(c)]) std::fill(g.begin(), g.end(), 0.0f);
        int lo = c * per, cnt = std::min(per, bs - lo);
        if (cnt <= 0) return;
        losses[size_t(c)] = net.run(params, bx.data() + size_t(lo) * k_pixels, by.data() + lo, cnt, 1.0f / float(bs),
                                    &grads[size_t(c)], nullptr);
      });
      for (double l : losses) epoch_loss += l;
      ++step;
      // Adam with a learning rate decaying linearly to 10% of its start.
      float lr = float(o.lr * (1.0 - 0.9 * double(step - 1) / double(total_steps)));
      float c1 = 1.0f / (1.0f - std::pow(b1, float(step))), c2 = 1.0f / (1.0f - std::pow(b2, float(step)));
      for (size_t b = 0; b < params.size(); ++b) {
        Param& p = params[b];
        float* g0 = grads[0][b].data();
        for (int c = 1; c < k_chunks; ++c) axpy(g0, 1.0f, grads[size_t(c)][b].data(), int(p.v.size()));
        for (size_t k = 0; k < p.v.size(); ++k) {
          float gk = g0[k];
          p.m[k] = b1 * p.m[k] + (1 - b1) * gk;
          p.s[k] = b2 * p.s[k] + (1 - b2) * gk * gk;
          p.v[k] -= lr * (p.m[k] * c1) / (std::sqrt(p.s[k] * c2) + eps);
        }
      }
    }
    last_loss = epoch_loss / double(n);
    if (!o.quiet) std::cerr << "epoch " << epoch + 1 << "/" << o.epochs << ": train loss " << last_loss << " ("
                            << json_num(now_s() - t0) << " s)\n";
  }
  double train_time = now_s() - t0;
  double acc = test.count ? evaluate(net, params, tx, test_y, o.threads) : NAN;
  Model model = to_model(o.family, params);
  std::string bytes = serialize_model(model);
  write_file(o.out, bytes);
  std::string js = "{\n";
  js += "  \"family\": " + json_str(family_name(o.family)) + ",\n";
  js += "  \"epochs\": " + std::to_string(o.epochs) + ",\n";
  js += "  \"batch\": " + std::to_string(o.batch) + ",\n";
  js += "  \"lr\": " + json_num(o.lr) + ",\n";
  js += "  \"seed\": " + std::to_string(o.seed) + ",\n";
  js += "  \"threads\": " + std::to_string(o.threads) + ",\n";
  js += "  \"train_images\": " + std::to_string(train.count) + ",\n";
  js += "  \"test_images\": " + std::to_string(test.count) + ",\n";
  js += "  \"train_time_s\": " + json_num(train_time) + ",\n";
  js += "  \"final_train_loss\": " + json_num(last_loss) + ",\n";
  js += "  \"test_accuracy\": " + json_num(acc) + ",\n";
  js += "  \"param_count\": " + std::to_string(param_count(model)) + ",\n";
  js += "  \"model_size_bytes\": " + std::to_string(bytes.size()) + "\n}\n";
  if (!o.metrics.empty()) write_file(o.metrics, js);
  if (!o.quiet)
    std::cerr << family_name(o.family) << ": test accuracy " << json_num(acc) << ", " << json_num(train_time)
              << " s, model " << bytes.size() << " bytes -> " << o.out << "\n";
  return 0;
}

} // namespace
} // namespace fmnist

int main(int argc, char** argv) {
  try {
    return fmnist::train_main(argc, argv);
  } catch (const fmnist::Failure& f) {
    std::cerr << "fmnist-train: error: " << f.where << ": " << f.what << "\n";
    if (f.code == fmnist::k_exit_usage) std::cerr << fmnist::k_usage;
    return f.code;
  } catch (const std::bad_alloc&) {
    std::cerr << "fmnist-train: error: memory: out of memory\n";
    return fmnist::k_exit_failed;
  }
}
