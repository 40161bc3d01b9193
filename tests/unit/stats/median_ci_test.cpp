// Ranks and exact coverage of the order-statistic interval of the median,
// checked against binomial sums computed by hand.
#include "lib/stats/median_ci.hpp"

#include <catch2/catch.hpp>

using namespace request::stats;

TEST_CASE("median ci: small n fall short of 95%", "[stats]") {
  for (size_t n = 1; n <= 5; ++n) {
    const OrderInterval ci = median_interval(n, 0.95);
    CHECK(ci.lower == 1);
    CHECK(ci.upper == n);
    CHECK(ci.coverage < 0.95);
  }
  CHECK(median_interval(1, 0.95).coverage == 0);
  CHECK(median_interval(5, 0.95).coverage == Approx(1 - 2.0 / 32));
}

TEST_CASE("median ci: known ranks", "[stats]") {
  OrderInterval ci = median_interval(6, 0.95);
  CHECK((ci.lower == 1 && ci.upper == 6));
  CHECK(ci.coverage == Approx(1 - 2.0 / 64));
  ci = median_interval(10, 0.95);
  CHECK((ci.lower == 2 && ci.upper == 9));
  CHECK(ci.coverage == Approx(1 - 22.0 / 1024));
  // P(B <= 5) for n = 20: (1 + 20 + 190 + 1140 + 4845 + 15504) / 2^20 = 21700 / 1048576.
  ci = median_interval(20, 0.95);
  CHECK((ci.lower == 6 && ci.upper == 15));
  CHECK(ci.coverage == Approx(1 - 2 * 21700.0 / 1048576));
  // n = 100: the textbook [x(40), x(61)], coverage 0.9648.
  ci = median_interval(100, 0.95);
  CHECK((ci.lower == 40 && ci.upper == 61));
  CHECK(ci.coverage == Approx(0.9648).epsilon(1e-3));
}

TEST_CASE("median ci: large n does not underflow", "[stats]") {
  const OrderInterval ci = median_interval(100000, 0.95);
  // Normal approximation: j about n/2 - 1.96 * sqrt(n)/2 = 50000 - 310.
  CHECK(ci.lower > 49680);
  CHECK(ci.lower < 49700);
  CHECK(ci.upper == 100000 - ci.lower + 1);
  CHECK(ci.coverage >= 0.95);
  CHECK(ci.coverage < 0.951);
}
