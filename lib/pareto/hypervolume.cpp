#include "lib/pareto/hypervolume.hpp"

#include <algorithm>
#include <bit>
#include <map>
#include <numeric>

#include "lib/pareto/frontier.hpp"
#include "lib/pareto/rank_set.hpp"
#include "lib/util/error.hpp"

namespace request::pareto {

namespace {

// Points strictly better than ref in every coordinate.
PointSet inside(const PointSet& points, const std::vector<double>& ref) {
  PointSet out;
  out.dim = points.dim;
  out.values.reserve(points.values.size());
  for (size_t i = 0; i < points.size(); ++i) {
    const double* p = points[i];
    bool in = true;
    for (size_t k = 0; k < points.dim && in; ++k) in = p[k] < ref[k];
    if (in) out.values.insert(out.values.end(), p, p + points.dim);
  }
  return out;
}

void require_ref(const PointSet& points, const std::vector<double>& ref) {
  if (ref.size() != points.dim)
    throw Error(ExitCode::usage, "--hypervolume", "reference point has " + std::to_string(ref.size()) +
                                                      " coordinates, expected " + std::to_string(points.dim),
                "give one value per objective, in --objective order");
}

// Points already inside ref.
double hv2d_inside(const PointSet& s, const double* ref) {
  std::vector<std::pair<double, double>> v(s.size());
  for (size_t i = 0; i < v.size(); ++i) v[i] = {s[i][0], s[i][1]};
  std::sort(v.begin(), v.end());
  double area = 0, last_y = ref[1];
  for (const auto& [x, y] : v) {
    if (y >= last_y) continue;
    area += (ref[0] - x) * (last_y - y);
    last_y = y;
  }
  return area;
}

double hv3d_map_inside(const PointSet& s, const double* ref) {
  const size_t n = s.size();
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return s[a][2] < s[b][2]; });
  std::map<double, double> stair;  // x -> y; x increasing, y strictly decreasing
  double area = 0, volume = 0;
  double prev_z = n ? s[order[0]][2] : 0;
  for (uint32_t i : order) {
    const double x = s[i][0], y = s[i][1], z = s[i][2];
    volume += area * (z - prev_z);
    prev_z = z;
    auto it = stair.upper_bound(x);
    double top = ref[1];
    if (it != stair.begin()) {
      auto left = std::prev(it);
      if (left->second <= y) continue;  // dominated in (x, y)
      top = left->second;
    }
    double cur_x = x;
    auto r = stair.lower_bound(x);
    while (r != stair.end() && r->second >= y) {
      area += (r->first - cur_x) * (top - y);
      top = r->second;
      cur_x = r->first;
      r = stair.erase(r);
    }
    double next_x = r == stair.end() ? ref[0] : r->first;
    area += (next_x - cur_x) * (top - y);
    stair.emplace_hint(r, x, y);
  }
  volume += area * (ref[2] - prev_z);
  return volume;
}

double wfg_inside(PointSet s, const double* ref) {  // the plain WFG, kept as a reference
  const size_t d = s.dim;
  const size_t n = s.size();
  if (n == 0) return 0;
  if (d == 1) {
    double best = ref[0];
    for (size_t i = 0; i < n; ++i) best = std::min(best, s[i][0]);
    return ref[0] - best;
  }
  if (d == 2) return hv2d_inside(s, ref);
  if (d == 3) return hv3d_map_inside(s, ref);
  // Sort on the last coordinate, worst first: every later point limited by an
  // earlier one takes the earlier one's last coordinate, so it drops out.
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return s[a][d - 1] > s[b][d - 1]; });
  PointSet sorted;
  sorted.dim = d;
  sorted.values.reserve(s.values.size());
  for (uint32_t i : order) sorted.values.insert(sorted.values.end(), s[i], s[i] + d);
  double total = 0;
  PointSet limit;
  limit.dim = d - 1;
  for (size_t k = 0; k < n; ++k) {
    const double* p = sorted[k];
    double box = 1;
    for (size_t j = 0; j + 1 < d; ++j) box *= ref[j] - p[j];
    limit.values.clear();
    for (size_t q = k + 1; q < n; ++q)
      for (size_t j = 0; j + 1 < d; ++j) limit.values.push_back(std::max(sorted[q][j], p[j]));
    double covered = 0;
    if (!limit.values.empty()) {
      std::vector<uint8_t> nd = nondominated(limit);
      PointSet reduced;
      reduced.dim = d - 1;
      for (size_t q = 0; q < nd.size(); ++q)
        if (nd[q]) reduced.values.insert(reduced.values.end(), limit[q], limit[q] + d - 1);
      // Equal points count once.
      covered = wfg_inside(std::move(reduced), ref);
    }
    total += (ref[d - 1] - p[d - 1]) * (box - covered);
  }
  return total;
}

// 3-D: sweep in z over the (x, y) staircase, its ranks kept in a RankSet keyed
// by (x, y) order, so no node is allocated. O(n log n).
double hv3d_inside(const PointSet& s, const double* ref) {
  const size_t n = s.size();
  if (n == 0) return 0;
  std::vector<uint32_t> by_xy(n);
  std::iota(by_xy.begin(), by_xy.end(), 0u);
  std::sort(by_xy.begin(), by_xy.end(), [&](uint32_t a, uint32_t b) {
    return s[a][0] != s[b][0] ? s[a][0] < s[b][0] : s[a][1] < s[b][1];
  });
  std::vector<double> xs(n), ys(n);
  std::vector<uint32_t> rank(n);
  for (size_t r = 0; r < n; ++r) {
    xs[r] = s[by_xy[r]][0];
    ys[r] = s[by_xy[r]][1];
    rank[by_xy[r]] = static_cast<uint32_t>(r);
  }
  std::vector<uint32_t> by_z(n);
  std::iota(by_z.begin(), by_z.end(), 0u);
  std::sort(by_z.begin(), by_z.end(), [&](uint32_t a, uint32_t b) { return s[a][2] < s[b][2]; });
  RankSet stair(n);
  double area = 0, volume = 0, prev_z = s[by_z[0]][2];
  for (uint32_t i : by_z) {
    const double z = s[i][2];
    volume += area * (z - prev_z);
    prev_z = z;
    const size_t r = rank[i];
    const double x = xs[r], y = ys[r];
    double top = ref[1];
    size_t left = r == 0 ? RankSet::k_none : stair.prev(r - 1);
    if (left != RankSet::k_none) {
      if (ys[left] <= y) continue;  // dominated in (x, y)
      top = ys[left];
    }
    double cur_x = x;
    size_t q = stair.next(r + 1);
    while (q != RankSet::k_none && ys[q] >= y) {
      area += (xs[q] - cur_x) * (top - y);
      top = ys[q];
      cur_x = xs[q];
      stair.erase(q);
      q = stair.next(q + 1);
    }
    const double next_x = q == RankSet::k_none ? ref[0] : xs[q];
    area += (next_x - cur_x) * (top - y);
    stair.insert(r);
  }
  volume += area * (ref[2] - prev_z);
  return volume;
}

struct P3 {
  double x, y, z;
};

// Exclusive 3-D contribution of p to `live` (sorted by z, none weakly
// dominating another), or -1 when a live point weakly dominates p. Sweeps z
// upwards from p.z over the (x, y) staircase clipped to p's box; `stair` is
// scratch space. O(m) staircase updates for m live points.
double contribution_3d(const P3& p, const std::vector<P3>& live, const double* ref, std::vector<std::pair<double, double>>& stair) {
  const double box = (ref[0] - p.x) * (ref[1] - p.y);
  stair.clear();
  double covered = 0, volume = 0, z_cur = p.z;
  for (const P3& q : live) {
    const double qx = std::max(q.x, p.x), qy = std::max(q.y, p.y), qz = std::max(q.z, p.z);
    if (qz > z_cur) {
      volume += (box - covered) * (qz - z_cur);
      z_cur = qz;
    }
    if (qx == p.x && qy == p.y) return z_cur == p.z ? -1 : volume;  // the rest of the box is covered
    // The staircase point covering x = qx: one at qx itself (x is strictly
    // increasing, so at most one), else the last one before qx.
    auto first = std::lower_bound(stair.begin(), stair.end(), qx,
                                  [](const std::pair<double, double>& e, double v) { return e.first < v; });
    double top = ref[1];
    if (first != stair.end() && first->first == qx) {
      if (first->second <= qy) continue;
      top = first->second;
    } else if (first != stair.begin()) {
      if (std::prev(first)->second <= qy) continue;
      top = std::prev(first)->second;
    }
    auto last = first;
    double cur_x = qx;
    while (last != stair.end() && last->second >= qy) {
      covered += (last->first - cur_x) * (top - qy);
      top = last->second;
      cur_x = last->first;
      ++last;
    }
    const double next_x = last == stair.end() ? ref[0] : last->first;
    covered += (next_x - cur_x) * (top - qy);
    if (first == last) {
      stair.insert(first, {qx, qy});
    } else {
      *first = {qx, qy};
      stair.erase(first + 1, last);
    }
  }
  return volume + (box - covered) * (ref[2] - z_cur);
}

// 4-D (HV4D style): sweep the 4th coordinate upwards, keeping the 3-D volume of
// the points seen up to date by adding each point's exclusive 3-D
// contribution and dropping the points it covers. O(n^2).
double hv4d_inside(const PointSet& s, const double* ref) {
  const size_t n = s.size();
  if (n == 0) return 0;
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return s[a][3] < s[b][3]; });
  std::vector<P3> live;
  std::vector<std::pair<double, double>> stair;
  double volume3 = 0, total = 0, prev_w = s[order[0]][3];
  for (uint32_t i : order) {
    const double* v = s[i];
    total += volume3 * (v[3] - prev_w);
    prev_w = v[3];
    const P3 p{v[0], v[1], v[2]};
    const double c = contribution_3d(p, live, ref, stair);
    if (c < 0) continue;
    volume3 += c;
    std::erase_if(live, [&](const P3& q) { return q.x >= p.x && q.y >= p.y && q.z >= p.z; });
    auto at = std::upper_bound(live.begin(), live.end(), p.z, [](double z, const P3& q) { return z < q.z; });
    live.insert(at, p);
  }
  return total + volume3 * (ref[3] - prev_w);
}

double hv_inside(const PointSet& s, const double* ref);

// 5-D and more: the same sweep one dimension up; each point's exclusive
// (d-1)-D contribution is its box less the hypervolume of the seen points
// clipped to that box (the WFG limit set), computed by hv_inside.
double hv_sweep_inside(const PointSet& s, const double* ref) {
  const size_t n = s.size(), d = s.dim, e = d - 1;
  if (n == 0) return 0;
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return s[a][e] < s[b][e]; });
  PointSet live, limit;
  live.dim = limit.dim = e;
  double volume = 0, total = 0, prev_w = s[order[0]][e];
  for (uint32_t i : order) {
    const double* p = s[i];
    total += volume * (p[e] - prev_w);
    prev_w = p[e];
    limit.values.clear();
    bool covered = false;
    for (size_t q = 0; q < live.size() && !covered; ++q) {
      bool same = true;
      for (size_t j = 0; j < e; ++j) {
        const double c = std::max(live[q][j], p[j]);
        same = same && c == p[j];
        limit.values.push_back(c);
      }
      covered = same;
    }
    if (covered) continue;
    double box = 1;
    for (size_t j = 0; j < e; ++j) box *= ref[j] - p[j];
    volume += box - hv_inside(limit, ref);
    // Drop the seen points p covers, then add p.
    size_t kept = 0;
    for (size_t q = 0; q < live.size(); ++q) {
      bool dominated = true;
      for (size_t j = 0; j < e && dominated; ++j) dominated = live[q][j] >= p[j];
      if (!dominated) {
        if (kept != q) std::copy(live[q], live[q] + e, live[kept]);
        ++kept;
      }
    }
    live.values.resize(kept * e);
    live.values.insert(live.values.end(), p, p + e);
  }
  return total + volume * (ref[e] - prev_w);
}

// Points already inside ref, any dimension.
double hv_inside(const PointSet& s, const double* ref) {
  if (s.size() == 0) return 0;
  switch (s.dim) {
    case 1: {
      double best = ref[0];
      for (size_t i = 0; i < s.size(); ++i) best = std::min(best, s[i][0]);
      return ref[0] - best;
    }
    case 2: return hv2d_inside(s, ref);
    case 3: return hv3d_inside(s, ref);
    case 4: return hv4d_inside(s, ref);
    default: return hv_sweep_inside(s, ref);
  }
}

}  // namespace

double hypervolume(const PointSet& points, const std::vector<double>& ref) {
  require_ref(points, ref);
  return hv_inside(inside(points, ref), ref.data());
}

double hypervolume_2d(const PointSet& points, const std::vector<double>& ref) {
  require_ref(points, ref);
  return hv2d_inside(inside(points, ref), ref.data());
}

double hypervolume_3d(const PointSet& points, const std::vector<double>& ref) {
  require_ref(points, ref);
  return hv3d_inside(inside(points, ref), ref.data());
}

double hypervolume_4d(const PointSet& points, const std::vector<double>& ref) {
  require_ref(points, ref);
  if (points.dim != 4) throw Error(ExitCode::usage, "hypervolume", "hypervolume_4d needs 4 objectives");
  return hv4d_inside(inside(points, ref), ref.data());
}

double hypervolume_wfg(const PointSet& points, const std::vector<double>& ref) {
  require_ref(points, ref);
  return wfg_inside(inside(points, ref), ref.data());
}

double hypervolume_inclusion_exclusion(const PointSet& points, const std::vector<double>& ref) {
  require_ref(points, ref);
  PointSet s = inside(points, ref);
  const size_t n = s.size(), d = s.dim;
  if (n > 20) throw Error(ExitCode::usage, "hypervolume", "inclusion-exclusion is limited to 20 points");
  double total = 0;
  std::vector<double> corner(d);
  for (uint32_t mask = 1; mask < (1u << n); ++mask) {
    std::fill(corner.begin(), corner.end(), -std::numeric_limits<double>::infinity());
    for (size_t i = 0; i < n; ++i)
      if (mask & (1u << i))
        for (size_t k = 0; k < d; ++k) corner[k] = std::max(corner[k], s[i][k]);
    double vol = 1;
    for (size_t k = 0; k < d; ++k) vol *= ref[k] - corner[k];
    total += (std::popcount(mask) % 2 ? 1 : -1) * vol;
  }
  return total;
}

}  // namespace request::pareto
