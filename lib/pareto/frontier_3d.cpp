// Three objectives: sort by (x, y, z); sweep keeping the 2-D staircase of the
// (y, z) pairs seen (y increasing, z strictly decreasing). The staircase is a
// RankSet over the points' (y, z) order: no node allocation per point.
#include <algorithm>
#include <numeric>

#include "lib/pareto/frontier.hpp"
#include "lib/pareto/rank_set.hpp"

namespace request::pareto {

namespace {

struct P3 {
  double x, y, z;
  uint32_t index;
  uint32_t rank;  // position in (y, z) order
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
  for (uint32_t i : keep) v.push_back({points[i][0], points[i][1], points[i][2], i, 0});
  const size_t m = v.size();
  std::vector<uint32_t> by_yz(m);
  std::iota(by_yz.begin(), by_yz.end(), 0u);
  std::sort(by_yz.begin(), by_yz.end(),
            [&](uint32_t a, uint32_t b) {
              // Ties in (y, z) by x, so an earlier point of equal (y, z) ranks lower.
              if (v[a].y != v[b].y) return v[a].y < v[b].y;
              return v[a].z != v[b].z ? v[a].z < v[b].z : v[a].x < v[b].x;
            });
  std::vector<double> zs(m);
  for (size_t r = 0; r < m; ++r) {
    v[by_yz[r]].rank = static_cast<uint32_t>(r);
    zs[r] = v[by_yz[r]].z;
  }
  std::sort(v.begin(), v.end(), lex_less);
  RankSet stair(m);
  for (size_t i = 0; i < m;) {
    size_t j = i + 1;
    while (j < m && v[j].x == v[i].x && v[j].y == v[i].y && v[j].z == v[i].z) ++j;
    const size_t r = v[i].rank;
    const double z = v[i].z;
    // The staircase point just before r in (y, z) order has the smallest z
    // among those with y at most ours.
    size_t left = r == 0 ? RankSet::k_none : stair.prev(r - 1);
    bool dominated = left != RankSet::k_none && zs[left] <= z;
    if (!dominated) {
      for (size_t k = i; k < j; ++k) out[v[k].index] = 1;
      size_t q = stair.next(r + 1);
      while (q != RankSet::k_none && zs[q] >= z) {
        stair.erase(q);
        q = stair.next(q + 1);
      }
      stair.insert(r);
    }
    i = j;
  }
  return out;
}

}  // namespace request::pareto
