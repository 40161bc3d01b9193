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
// date (Beume et al. 2009), the staircase a bit tree over x ranks. O(n log n).
double hypervolume_3d(const PointSet& points, const std::vector<double>& ref);
// Four objectives (HV4D style): sweep the 4th coordinate, adding each point's
// exclusive 3-D contribution to the running 3-D volume. O(n^2). hypervolume()
// uses it for 4 objectives and as the base case for 5 and more, where it
// sweeps the last coordinate likewise, each contribution a box less the
// hypervolume of its limit set. Throws Error(usage) unless points.dim is 4.
double hypervolume_4d(const PointSet& points, const std::vector<double>& ref);
// Plain WFG (While, Bradstreet, Barone 2012) over a std::map 3-D sweep: the
// earlier implementation, kept as an independent reference for tests.
double hypervolume_wfg(const PointSet& points, const std::vector<double>& ref);
// Inclusion-exclusion over all subsets: O(2^n d), for tests on small sets.
double hypervolume_inclusion_exclusion(const PointSet& points, const std::vector<double>& ref);

}  // namespace request::pareto
