// Three objectives: sort by (x, y, z); sweep keeping the 2-D staircase of the
// (y, z) pairs seen (y increasing, z strictly decreasing).
#include <algorithm>
#include <map>

#include "lib/pareto/frontier.hpp"

namespace request::pareto {

namespace {

struct P3 {
  double x, y, z;
  uint32_t index;
};

bool lex_less(const P3& a, const P3& b) {
  if (a.x != b.x) return a.x < b.x;
  if (a.y != b.y) return a.y < b.y;
  return a.z < b.z;
}

}  // namespace

std::vector<uint8_t> nondominated_3d(const PointSet& points) {
  const size_t n = points.size();
  std::vector<uint8_t> out(n, 0);
  if (n == 0) return out;
  std::vector<uint32_t> keep = pivot_filter(points);
  std::vector<P3> v;
  v.reserve(keep.size());
  for (uint32_t i : keep) v.push_back({points[i][0], points[i][1], points[i][2], i});
  std::sort(v.begin(), v.end(), lex_less);
  std::map<double, double> stair;  // y -> z
  for (size_t i = 0; i < v.size();) {
    size_t j = i + 1;
    while (j < v.size() && v[j].x == v[i].x && v[j].y == v[i].y && v[j].z == v[i].z) ++j;
    const double y = v[i].y, z = v[i].z;
    auto it = stair.upper_bound(y);
    bool dominated = it != stair.begin() && std::prev(it)->second <= z;
    if (!dominated) {
      for (size_t k = i; k < j; ++k) out[v[k].index] = 1;
      auto r = stair.lower_bound(y);
      while (r != stair.end() && r->second >= z) r = stair.erase(r);
      stair.emplace_hint(r, y, z);
    }
    i = j;
  }
  return out;
}

}  // namespace request::pareto
