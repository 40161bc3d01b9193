#include "lib/pareto/ranks.hpp"

#include <algorithm>
#include <numeric>

#include "lib/pareto/frontier.hpp"

namespace request::pareto {

namespace {

std::vector<uint32_t> ranks_2d(const PointSet& points) {
  const size_t n = points.size();
  const bool one = points.dim == 1;
  auto y = [&](uint32_t i) { return one ? 0.0 : points[i][1]; };
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return points[a][0] < points[b][0] || (points[a][0] == points[b][0] && y(a) < y(b));
  });
  std::vector<uint32_t> rank(n, 0);
  std::vector<double> front_min_y;  // smallest y of each front so far; non-decreasing
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && points[order[j]][0] == points[order[i]][0] && y(order[j]) == y(order[i])) ++j;
    // Every earlier point is distinct and dominates this one iff its y <= ours.
    double yi = y(order[i]);
    size_t k = static_cast<size_t>(std::upper_bound(front_min_y.begin(), front_min_y.end(), yi) - front_min_y.begin());
    if (k == front_min_y.size()) front_min_y.push_back(yi);
    else front_min_y[k] = yi;
    for (size_t t = i; t < j; ++t) rank[order[t]] = static_cast<uint32_t>(k + 1);
    i = j;
  }
  return rank;
}

std::vector<uint32_t> ranks_by_peeling(const PointSet& points) {
  const size_t n = points.size();
  std::vector<uint32_t> rank(n, 0);
  std::vector<uint32_t> left(n);
  std::iota(left.begin(), left.end(), 0u);
  uint32_t r = 0;
  while (!left.empty()) {
    ++r;
    PointSet sub;
    sub.dim = points.dim;
    sub.values.reserve(left.size() * points.dim);
    for (uint32_t i : left) sub.values.insert(sub.values.end(), points[i], points[i] + points.dim);
    std::vector<uint8_t> front = nondominated(sub);
    std::vector<uint32_t> next;
    for (size_t k = 0; k < left.size(); ++k) {
      if (front[k]) rank[left[k]] = r;
      else next.push_back(left[k]);
    }
    left.swap(next);
  }
  return rank;
}

}  // namespace

std::vector<uint32_t> nondominated_ranks(const PointSet& points) {
  if (points.dim == 0) return std::vector<uint32_t>(points.size(), 1);
  if (points.dim <= 2) return ranks_2d(points);
  return ranks_by_peeling(points);
}

std::vector<uint32_t> nondominated_ranks_naive(const PointSet& points) {
  const size_t n = points.size();
  std::vector<uint32_t> rank(n, 0);
  size_t done = 0;
  for (uint32_t r = 1; done < n; ++r) {
    std::vector<size_t> this_front;
    for (size_t i = 0; i < n; ++i) {
      if (rank[i]) continue;
      bool dominated = false;
      for (size_t j = 0; j < n && !dominated; ++j)
        if (!rank[j] && dominates(points[j], points[i], points.dim)) dominated = true;
      if (!dominated) this_front.push_back(i);
    }
    for (size_t i : this_front) rank[i] = r;
    done += this_front.size();
  }
  return rank;
}

}  // namespace request::pareto
