// Two objectives: sort by (x, y), sweep keeping the smallest y seen.
#include <algorithm>
#include <limits>

#include "lib/pareto/frontier.hpp"

namespace request::pareto {

namespace {

struct P2 {
  double x, y;
  uint32_t index;
};

}  // namespace

std::vector<uint8_t> nondominated_2d(const PointSet& points) {
  const size_t n = points.size();
  std::vector<uint8_t> out(n, 0);
  if (n == 0) return out;
  const bool one = points.dim == 1;
  std::vector<uint32_t> keep = pivot_filter(points);
  std::vector<P2> v;
  v.reserve(keep.size());
  for (uint32_t i : keep) v.push_back({points[i][0], one ? 0.0 : points[i][1], i});
  std::sort(v.begin(), v.end(), [](const P2& a, const P2& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  double best_y = std::numeric_limits<double>::infinity();
  bool any = false;
  for (size_t i = 0; i < v.size();) {
    size_t j = i + 1;
    while (j < v.size() && v[j].x == v[i].x && v[j].y == v[i].y) ++j;
    // Earlier distinct points have x' < x, or x' == x and y' < y.
    bool front = !any || v[i].y < best_y;
    if (front)
      for (size_t k = i; k < j; ++k) out[v[k].index] = 1;
    if (!any || v[i].y < best_y) best_y = v[i].y;
    any = true;
    i = j;
  }
  return out;
}

}  // namespace request::pareto
