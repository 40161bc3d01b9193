#include "lib/pareto/frontier.hpp"

namespace request::pareto {

std::vector<uint8_t> nondominated(const PointSet& points) {
  switch (points.dim) {
    case 0: return std::vector<uint8_t>(points.size(), 1);
    case 1:
    case 2: return nondominated_2d(points);
    case 3: return nondominated_3d(points);
    default: return nondominated_kd(points);
  }
}

std::vector<uint8_t> nondominated_naive(const PointSet& points) {
  const size_t n = points.size();
  std::vector<uint8_t> out(n, 1);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n && out[i]; ++j)
      if (dominates(points[j], points[i], points.dim)) out[i] = 0;
  return out;
}

}  // namespace request::pareto
