// Self-checking matrix multiply for `request run core:program:matmul`.
// C = A * B with a blocked loop nest; the result is verified against a naive
// reference (maximum relative error) and metrics are written as JSON.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

int usage() {
  std::fprintf(stderr, "usage: matmul --n N --block B --metrics FILE\n");
  return 2;
}

void fill(std::vector<double>& m, int n, int seed) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) m[static_cast<size_t>(i) * n + j] = ((i * 7 + j * 3 + seed) % 17) / 17.0 - 0.5;
}

void blocked(const std::vector<double>& a, const std::vector<double>& b, std::vector<double>& c, int n, int bs) {
  std::fill(c.begin(), c.end(), 0.0);
  for (int ii = 0; ii < n; ii += bs)
    for (int kk = 0; kk < n; kk += bs)
      for (int jj = 0; jj < n; jj += bs)
        for (int i = ii; i < std::min(ii + bs, n); ++i)
          for (int k = kk; k < std::min(kk + bs, n); ++k) {
            const double aik = a[static_cast<size_t>(i) * n + k];
            for (int j = jj; j < std::min(jj + bs, n); ++j)
              c[static_cast<size_t>(i) * n + j] += aik * b[static_cast<size_t>(k) * n + j];
          }
}

void naive(const std::vector<double>& a, const std::vector<double>& b, std::vector<double>& c, int n) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      double s = 0;
      for (int k = 0; k < n; ++k) s += a[static_cast<size_t>(i) * n + k] * b[static_cast<size_t>(k) * n + j];
      c[static_cast<size_t>(i) * n + j] = s;
    }
}

}  // namespace

int main(int argc, char** argv) {
  int n = 0;
  int bs = 0;
  const char* metrics = nullptr;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--n") == 0) n = std::atoi(argv[i + 1]);
    else if (std::strcmp(argv[i], "--block") == 0) bs = std::atoi(argv[i + 1]);
    else if (std::strcmp(argv[i], "--metrics") == 0) metrics = argv[i + 1];
    else return usage();
  }
  if (n <= 0 || bs <= 0 || metrics == nullptr) return usage();
  const size_t size = static_cast<size_t>(n) * n;
  std::vector<double> a(size), b(size), c(size), ref(size);
  fill(a, n, 1);
  fill(b, n, 5);

  auto t0 = std::chrono::steady_clock::now();
  blocked(a, b, c, n, bs);
  auto t1 = std::chrono::steady_clock::now();
  naive(a, b, ref, n);

  double max_err = 0;
  double checksum = 0;
  for (size_t i = 0; i < size; ++i) {
    max_err = std::max(max_err, std::fabs(c[i] - ref[i]) / std::max(1.0, std::fabs(ref[i])));
    checksum += c[i];
  }
  const double seconds = std::chrono::duration<double>(t1 - t0).count();
  const double gflops = 2.0 * n * n * static_cast<double>(n) / std::max(seconds, 1e-9) / 1e9;
  std::printf("checksum=%.12g max_rel_error=%.3g\n", checksum, max_err);
  FILE* f = std::fopen(metrics, "w");
  if (f == nullptr) {
    std::perror(metrics);
    return 1;
  }
  std::fprintf(f, "{\"gflops\": %.6g, \"kernel_time_s\": %.9g, \"max_rel_error\": %.6g}\n", gflops, seconds, max_err);
  std::fclose(f);
  if (max_err > 1e-9) {
    std::fprintf(stderr, "matmul: result differs from the naive reference (max relative error %g)\n", max_err);
    return 1;
  }
  return 0;
}
