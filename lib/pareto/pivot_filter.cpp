// A linear pre-pass: a couple of strong points dominate most of a typical
// (random or measured) set, so only the survivors need sorting.
#include <cmath>
#include <limits>

#include "lib/pareto/frontier.hpp"

namespace request::pareto {

std::vector<uint32_t> pivot_filter(const PointSet& points) {
  const size_t n = points.size();
  const size_t d = points.dim;
  std::vector<uint32_t> out;
  if (n == 0) return out;
  // Finite ranges per coordinate.
  std::vector<double> lo(d, std::numeric_limits<double>::infinity());
  std::vector<double> hi(d, -std::numeric_limits<double>::infinity());
  for (size_t i = 0; i < n; ++i) {
    const double* p = points[i];
    for (size_t k = 0; k < d; ++k) {
      if (!std::isfinite(p[k])) continue;
      lo[k] = std::min(lo[k], p[k]);
      hi[k] = std::max(hi[k], p[k]);
    }
  }
  std::vector<double> scale(d, 0.0);
  for (size_t k = 0; k < d; ++k)
    if (hi[k] > lo[k]) scale[k] = 1.0 / (hi[k] - lo[k]);
  // Pivots: smallest normalised sum, smallest normalised maximum.
  size_t best_sum = n, best_max = n;
  double best_sum_v = std::numeric_limits<double>::infinity(), best_max_v = best_sum_v;
  for (size_t i = 0; i < n; ++i) {
    const double* p = points[i];
    double sum = 0, mx = 0;
    bool finite = true;
    for (size_t k = 0; k < d; ++k) {
      if (!std::isfinite(p[k])) {
        finite = false;
        break;
      }
      double v = (p[k] - lo[k]) * scale[k];
      sum += v;
      mx = std::max(mx, v);
    }
    if (!finite) continue;
    if (sum < best_sum_v) best_sum_v = sum, best_sum = i;
    if (mx < best_max_v) best_max_v = mx, best_max = i;
  }
  out.reserve(n);
  if (best_sum == n) {
    for (size_t i = 0; i < n; ++i) out.push_back(static_cast<uint32_t>(i));
    return out;
  }
  const double* a = points[best_sum];
  const double* b = points[best_max];
  for (size_t i = 0; i < n; ++i) {
    const double* p = points[i];
    if (dominates(a, p, d) || dominates(b, p, d)) continue;
    out.push_back(static_cast<uint32_t>(i));
  }
  return out;
}

}  // namespace request::pareto
