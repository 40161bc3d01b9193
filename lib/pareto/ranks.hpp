#pragma once
// Non-dominated sorting: rank 1 is the frontier, rank 2 the frontier of the
// rest, and so on.
#include <cstdint>
#include <vector>

#include "lib/pareto/point_set.hpp"

namespace request::pareto {

// 1-based rank of every point. Two objectives: O(n log n) by one sweep with a
// binary search over the fronts; more: peel frontiers with nondominated().
std::vector<uint32_t> nondominated_ranks(const PointSet& points);

// The O(n^2 d) definition (peeling with pairwise checks), for tests.
std::vector<uint32_t> nondominated_ranks_naive(const PointSet& points);

}  // namespace request::pareto
