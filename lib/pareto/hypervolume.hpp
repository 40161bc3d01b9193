#pragma once
// Exact hypervolume: the measure of the region dominated by the points and
// bounded by a reference point (minimisation). Points that are not strictly
// better than the reference in every coordinate add nothing.
#include <vector>

#include "lib/pareto/point_set.hpp"

namespace request::pareto {

// Dispatch by dimension. Throws Error(usage) when ref has the wrong size.
double hypervolume(const PointSet& points, const std::vector<double>& ref);

// Two objectives: sort and sum rectangles. O(n log n).
double hypervolume_2d(const PointSet& points, const std::vector<double>& ref);
// Three objectives: sweep in z over a 2-D staircase with its area kept up to
// date (Beume et al. 2009). O(n log n).
double hypervolume_3d(const PointSet& points, const std::vector<double>& ref);
// Four and more: WFG (While, Bradstreet, Barone 2012), points sorted on the
// last coordinate so each limit set drops a dimension; 3-D sweep at the base.
double hypervolume_wfg(const PointSet& points, const std::vector<double>& ref);
// Inclusion-exclusion over all subsets: O(2^n d), for tests on small sets.
double hypervolume_inclusion_exclusion(const PointSet& points, const std::vector<double>& ref);

}  // namespace request::pareto
