#pragma once
// Distribution-free confidence interval of a median from order statistics:
// the number of samples below the true median is Binomial(n, 1/2).
#include <cstddef>

namespace request::stats {

// 1-based ranks [lower, upper] = [j, n-j+1] of the narrowest symmetric order
// statistic interval with coverage >= level, and that exact coverage.
struct OrderInterval {
  size_t lower = 1;
  size_t upper = 1;
  double coverage = 0;
};

// For n where no interval reaches `level` (n < 6 for 0.95), the widest one,
// [x(1), x(n)], with its smaller coverage 1 - 2 * 0.5^n. Requires n >= 1.
OrderInterval median_interval(size_t n, double level);

}  // namespace request::stats
