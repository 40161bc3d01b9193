// Statistics on samples whose values were computed by hand (see comments).
#include "lib/stats/summary.hpp"

#include <cmath>
#include <limits>

#include <catch2/catch.hpp>

#include "lib/util/error.hpp"

using namespace request::stats;

TEST_CASE("stats: a sample with one wild value", "[stats]") {
  // sorted 10 11 11 12 12 13 50; mean 119/7 = 17; squares about the mean
  // 49 36 36 25 25 16 1089 = 1276, /6 -> stddev sqrt(212.667) = 14.5831.
  // |x - 12| sorted 0 0 1 1 1 2 38 -> MAD 1; fence 3 * 1.4826 = 4.4478 -> only 50.
  const Summary s = summarize({10, 12, 11, 13, 50, 12, 11});
  CHECK(s.n == 7);
  CHECK(s.min == 10);
  CHECK(s.max == 50);
  CHECK(s.mean == Approx(17.0));
  CHECK(s.median == 12);
  CHECK(s.stddev == Approx(14.583095).epsilon(1e-6));
  CHECK(s.mad == 1);
  CHECK(s.scaled_mad == Approx(1.4826));
  CHECK(s.outliers == 1);
  CHECK_FALSE(s.first_is_outlier);
  CHECK(s.cv == Approx(14.583095 / 17).epsilon(1e-6));
  // n = 7: [x(1), x(7)] covers 1 - 2/128; [x(2), x(6)] only 1 - 16/128.
  CHECK(s.ci_low == 10);
  CHECK(s.ci_high == 50);
  CHECK(s.ci_coverage == Approx(0.984375));
  REQUIRE(s.warnings.size() == 1);
  CHECK(s.warnings[0] == "coefficient of variation 85.8% exceeds 5%");
}

TEST_CASE("stats: a slow first repetition is flagged", "[stats]") {
  // sorted 10 10 10 11 11 11 12 12 12 100: median 11, |x - 11| median 1.
  // n = 10: [x(2), x(9)] = [10, 12] covers 1 - 2 * 11/1024.
  const Summary s = summarize({100, 10, 11, 12, 10, 11, 12, 11, 10, 12});
  CHECK(s.median == 11);
  CHECK(s.mean == Approx(19.9));
  CHECK(s.mad == 1);
  CHECK(s.outliers == 1);
  CHECK(s.first_is_outlier);
  CHECK(s.ci_low == 10);
  CHECK(s.ci_high == 12);
  CHECK(s.ci_coverage == Approx(1 - 22.0 / 1024));
  REQUIRE(s.warnings.size() == 2);
  CHECK(s.warnings[1] == "first repetition is an outlier (100, median 11): consider more warmup");
}

TEST_CASE("stats: a stable sample has no warnings", "[stats]") {
  // mean 1.00, squares 4+1+0+0+1+4 = 10e-4, /5 -> stddev sqrt(2e-4) = 0.0141421 (cv 1.4%).
  // |x - 1| sorted 0 0 .01 .01 .02 .02 -> MAD .01.
  const Summary s = summarize({1.00, 1.01, 0.99, 1.00, 1.02, 0.98});
  CHECK(s.median == Approx(1.0));
  CHECK(s.mean == Approx(1.0));
  CHECK(s.stddev == Approx(0.0141421).epsilon(1e-5));
  CHECK(s.mad == Approx(0.01));
  CHECK(s.outliers == 0);
  CHECK(s.ci_low == Approx(0.98));
  CHECK(s.ci_high == Approx(1.02));
  CHECK(s.ci_coverage == Approx(0.96875));
  CHECK(s.warnings.empty());
}

TEST_CASE("stats: fewer than 6 samples cannot give a 95% interval", "[stats]") {
  const Summary two = summarize({5, 3});
  CHECK(two.median == 4);
  CHECK(two.ci_low == 3);
  CHECK(two.ci_high == 5);
  CHECK(two.ci_coverage == Approx(0.5));
  REQUIRE_FALSE(two.warnings.empty());
  CHECK(two.warnings.back() ==
        "too few samples for a 95% confidence interval of the median (n = 2, [min, max] covers 50.0%; 6 or more needed)");

  const Summary one = summarize({7});
  CHECK(one.stddev == 0);
  CHECK(one.mad == 0);
  CHECK(one.ci_low == 7);
  CHECK(one.ci_high == 7);
  CHECK(one.ci_coverage == 0);
  CHECK_FALSE(one.first_is_outlier);
  CHECK(one.warnings.size() == 1);
}

TEST_CASE("stats: identical samples have zero spread and no outliers", "[stats]") {
  const Summary s = summarize({2, 2, 2, 2, 2, 2});
  CHECK(s.stddev == 0);
  CHECK(s.mad == 0);
  CHECK(s.cv == 0);
  CHECK(s.outliers == 0);
  CHECK(s.warnings.empty());
}

TEST_CASE("stats: with MAD 0 any differing value is beyond 3 scaled MADs", "[stats]") {
  const Summary s = summarize({1, 1, 1, 1, 1, 1, 2});
  CHECK(s.mad == 0);
  CHECK(s.outliers == 1);
}

TEST_CASE("stats: median of even and odd counts", "[stats]") {
  CHECK(median({3, 1, 2}) == 2);
  CHECK(median({4, 1, 3, 2}) == 2.5);
  CHECK(median({-1, 1}) == 0);
}

TEST_CASE("stats: bad input is an error, not a crash", "[stats]") {
  CHECK_THROWS_AS(summarize({}), request::Error);
  CHECK_THROWS_WITH(summarize({1, std::nan(""), 2}), Catch::Contains("sample 2 is not a finite number"));
  CHECK_THROWS_AS(summarize({1, std::numeric_limits<double>::infinity()}), request::Error);
  CHECK_THROWS_AS(median({}), request::Error);
}

TEST_CASE("stats: JSON form", "[stats]") {
  const auto j = to_json(summarize({1.00, 1.01, 0.99, 1.00, 1.02, 0.98}));
  CHECK(j["n"] == 6);
  CHECK(j["ci95"].size() == 2);
  CHECK(j["ci95"][0].get<double>() == Approx(0.98));
  CHECK(j["ci_method"] == "order statistics (binomial)");
  CHECK(j["outliers"] == 0);
  CHECK(j["warnings"].is_array());
  CHECK(j.contains("stddev"));
  CHECK(j.contains("mad"));
}
