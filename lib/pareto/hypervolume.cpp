#include "lib/pareto/hypervolume.hpp"

#include <algorithm>
#include <bit>
#include <map>
#include <numeric>

#include "lib/pareto/frontier.hpp"
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

double hv3d_inside(const PointSet& s, const double* ref) {
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

double wfg_inside(PointSet s, const double* ref) {
  const size_t d = s.dim;
  const size_t n = s.size();
  if (n == 0) return 0;
  if (d == 1) {
    double best = ref[0];
    for (size_t i = 0; i < n; ++i) best = std::min(best, s[i][0]);
    return ref[0] - best;
  }
  if (d == 2) return hv2d_inside(s, ref);
  if (d == 3) return hv3d_inside(s, ref);
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

}  // namespace

double hypervolume(const PointSet& points, const std::vector<double>& ref) {
  require_ref(points, ref);
  return wfg_inside(inside(points, ref), ref.data());
}

double hypervolume_2d(const PointSet& points, const std::vector<double>& ref) {
  require_ref(points, ref);
  return hv2d_inside(inside(points, ref), ref.data());
}

double hypervolume_3d(const PointSet& points, const std::vector<double>& ref) {
  require_ref(points, ref);
  return hv3d_inside(inside(points, ref), ref.data());
}

double hypervolume_wfg(const PointSet& points, const std::vector<double>& ref) { return hypervolume(points, ref); }

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
