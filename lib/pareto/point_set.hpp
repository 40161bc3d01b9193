#pragma once
// Points for the Pareto algorithms: n points of d coordinates, row-major, every
// coordinate to be minimised (callers negate objectives to be maximised).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace request::pareto {

// Whether an objective is better low or high.
enum class Direction { min, max };

// "min" or "max".
const char* direction_name(Direction d);

// An objective as given on the command line: NAME[:min|max].
struct Objective {
  std::string name;
  Direction direction = Direction::min;
  bool direction_given = false;  // false when the suffix was absent
};

// Parse NAME[:min|max]; a name may itself contain ':' (only a final ":min" or
// ":max" is a direction). Throws Error(usage) on an empty name.
Objective parse_objective(std::string_view text);

// n points in d dimensions, minimisation in every coordinate, no NaN.
struct PointSet {
  size_t dim = 0;
  std::vector<double> values;  // row-major, size() * dim

  PointSet() = default;
  PointSet(size_t d, std::vector<double> v) : dim(d), values(std::move(v)) {}
  size_t size() const { return dim == 0 ? 0 : values.size() / dim; }
  const double* operator[](size_t i) const { return values.data() + i * dim; }
  double* operator[](size_t i) { return values.data() + i * dim; }
};

// True when a is at least as good as b everywhere and strictly better somewhere.
inline bool dominates(const double* a, const double* b, size_t dim) {
  bool better = false;
  for (size_t i = 0; i < dim; ++i) {
    if (a[i] > b[i]) return false;
    if (a[i] < b[i]) better = true;
  }
  return better;
}

}  // namespace request::pareto
