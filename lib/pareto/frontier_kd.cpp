// Any dimension: sort-filter. Points are ordered by (sum, lexicographic); a
// point can only be dominated by one before it, so each is compared with the
// frontier found so far, whose members are kept contiguous for the cache.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "lib/pareto/frontier.hpp"

namespace request::pareto {

std::vector<uint8_t> nondominated_kd(const PointSet& points) {
  const size_t n = points.size();
  const size_t d = points.dim;
  std::vector<uint8_t> out(n, 0);
  if (n == 0) return out;
  std::vector<uint32_t> keep = pivot_filter(points);
  // The sum orders dominators first unless a point mixes +inf and -inf.
  std::vector<double> key(n, 0.0);
  bool finite_sums = true;
  for (uint32_t i : keep) {
    double s = 0;
    for (size_t k = 0; k < d; ++k) s += points[i][k];
    if (std::isnan(s)) finite_sums = false;
    key[i] = s;
  }
  auto lex = [&](uint32_t a, uint32_t b) {
    return std::lexicographical_compare(points[a], points[a] + d, points[b], points[b] + d);
  };
  if (finite_sums)
    std::sort(keep.begin(), keep.end(), [&](uint32_t a, uint32_t b) {
      if (key[a] != key[b]) return key[a] < key[b];
      return lex(a, b);
    });
  else
    std::sort(keep.begin(), keep.end(), lex);
  std::vector<double> front;  // coordinates of the frontier so far, contiguous
  for (uint32_t i : keep) {
    const double* p = points[i];
    bool dominated = false;
    const size_t m = front.size() / d;
    for (size_t f = 0; f < m; ++f) {
      if (dominates(front.data() + f * d, p, d)) {
        dominated = true;
        // Move the dominating point forward: strong points are tried first.
        if (f > 0)
          std::swap_ranges(front.begin() + static_cast<std::ptrdiff_t>(f * d),
                           front.begin() + static_cast<std::ptrdiff_t>((f + 1) * d),
                           front.begin() + static_cast<std::ptrdiff_t>((f - 1) * d));
        break;
      }
    }
    if (dominated) continue;
    out[i] = 1;
    front.insert(front.end(), p, p + d);
  }
  return out;
}

}  // namespace request::pareto
