#pragma once
// Uncertainty-aware dominance. Every coordinate is an interval [lo, hi] (a 95%
// confidence interval, minimisation). a dominates b only when a is better
// beyond the intervals: a.hi <= b.lo in every coordinate and a.hi < b.lo in at
// least one. With zero-width intervals this is ordinary strict dominance. The
// relation is transitive (a.hi <= b.lo <= b.hi <= c.lo), so fronts are well defined.
#include <cstdint>
#include <vector>

#include "lib/pareto/point_set.hpp"

namespace request::pareto {

// Interval points: lo and hi have the same shape; lo <= hi.
struct IntervalSet {
  PointSet lo;
  PointSet hi;
  size_t size() const { return lo.size(); }
};

// True when a is better than b beyond both intervals (see above).
bool interval_dominates(const IntervalSet& s, size_t a, size_t b);

// 1 for points no other point dominates beyond the intervals. O(n^2 d).
std::vector<uint8_t> nondominated_uncertain(const IntervalSet& s);
// 1-based ranks under the same rule (peeling). O(n^2 d) per front.
std::vector<uint32_t> ranks_uncertain(const IntervalSet& s);

}  // namespace request::pareto
