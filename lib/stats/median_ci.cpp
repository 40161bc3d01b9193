#include "lib/stats/median_ci.hpp"

#include <cmath>

namespace request::stats {

namespace {

// P(B = i) for B ~ Binomial(n, 1/2), in log space so large n does not underflow.
double binomial_half_pmf(size_t n, size_t i) {
  const double nn = static_cast<double>(n);
  const double ii = static_cast<double>(i);
  return std::exp(std::lgamma(nn + 1) - std::lgamma(ii + 1) - std::lgamma(nn - ii + 1) - nn * std::log(2.0));
}

}  // namespace

OrderInterval median_interval(size_t n, double level) {
  // coverage of [x(j), x(n-j+1)] = P(j <= B <= n-j) = 1 - 2 * P(B <= j-1).
  OrderInterval best{1, n, 1.0 - 2.0 * binomial_half_pmf(n, 0)};
  double tail = binomial_half_pmf(n, 0);  // P(B <= j-1) for j = 1
  for (size_t j = 2; 2 * j <= n + 1; ++j) {
    tail += binomial_half_pmf(n, j - 1);
    const double coverage = 1.0 - 2.0 * tail;
    if (coverage < level) break;
    best = {j, n - j + 1, coverage};
  }
  return best;
}

}  // namespace request::stats
