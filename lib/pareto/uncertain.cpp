#include "lib/pareto/uncertain.hpp"

namespace request::pareto {

bool interval_dominates(const IntervalSet& s, size_t a, size_t b) {
  const double* ahi = s.hi[a];
  const double* blo = s.lo[b];
  bool better = false;
  for (size_t k = 0; k < s.lo.dim; ++k) {
    if (ahi[k] > blo[k]) return false;
    if (ahi[k] < blo[k]) better = true;
  }
  return better;
}

std::vector<uint8_t> nondominated_uncertain(const IntervalSet& s) {
  std::vector<uint32_t> r = ranks_uncertain(s);
  std::vector<uint8_t> out(r.size());
  for (size_t i = 0; i < r.size(); ++i) out[i] = r[i] == 1;
  return out;
}

std::vector<uint32_t> ranks_uncertain(const IntervalSet& s) {
  const size_t n = s.size();
  std::vector<uint32_t> rank(n, 0);
  size_t done = 0;
  for (uint32_t r = 1; done < n; ++r) {
    std::vector<size_t> front;
    for (size_t i = 0; i < n; ++i) {
      if (rank[i]) continue;
      bool dominated = false;
      for (size_t j = 0; j < n && !dominated; ++j)
        if (!rank[j] && j != i && interval_dominates(s, j, i)) dominated = true;
      if (!dominated) front.push_back(i);
    }
    for (size_t i : front) rank[i] = r;
    done += front.size();
  }
  return rank;
}

}  // namespace request::pareto
