#pragma once
// The non-dominated set (Pareto frontier) of a PointSet, minimising every
// coordinate. Dominance is strict; equal points do not dominate each other, so
// duplicates of a frontier point are all on the frontier.
#include <cstdint>
#include <vector>

#include "lib/pareto/point_set.hpp"

namespace request::pareto {

// 1 for points on the frontier, 0 for dominated ones; picks the algorithm by dimension.
std::vector<uint8_t> nondominated(const PointSet& points);

// Two objectives: pivot filter, sort, one sweep. O(n log n).
std::vector<uint8_t> nondominated_2d(const PointSet& points);
// Three objectives: pivot filter, sort, sweep over a 2-D staircase. O(n log n).
std::vector<uint8_t> nondominated_3d(const PointSet& points);
// Any dimension: pivot filter, then sort-filter (order by sum, compare with the
// frontier found so far). O(n * h * d) for h frontier points; O(n d) when a few
// points dominate most others.
std::vector<uint8_t> nondominated_kd(const PointSet& points);
// The O(n^2 d) definition, as a reference for tests and benchmarks.
std::vector<uint8_t> nondominated_naive(const PointSet& points);

// Indices of the points that no "pivot" (a point of small normalised sum or
// small largest normalised coordinate) dominates; every dominated point that
// survives is dominated by another survivor, so the frontier is unchanged.
std::vector<uint32_t> pivot_filter(const PointSet& points);

}  // namespace request::pareto
