// Uncertainty-aware dominance: better only beyond the confidence intervals.
#include <catch2/catch.hpp>

#include <random>

#include "lib/pareto/frontier.hpp"
#include "lib/pareto/ranks.hpp"
#include "lib/pareto/uncertain.hpp"

using namespace request::pareto;

TEST_CASE("zero-width intervals give ordinary dominance", "[pareto][uncertain]") {
  std::mt19937_64 rng(9);
  std::uniform_int_distribution<int> small(0, 3);
  for (size_t d = 2; d <= 4; ++d) {
    PointSet p;
    p.dim = d;
    for (size_t i = 0; i < 80 * d; ++i) p.values.push_back(small(rng));
    IntervalSet s{p, p};
    CHECK(nondominated_uncertain(s) == nondominated(p));
    CHECK(ranks_uncertain(s) == nondominated_ranks(p));
  }
}

TEST_CASE("overlapping intervals do not dominate", "[pareto][uncertain]") {
  // a = 10 [9, 11], b = 10.5 [10, 11]: b is worse at the median, but within noise.
  IntervalSet s{PointSet(2, {9, 1, 10, 1}), PointSet(2, {11, 1, 11, 1})};
  CHECK(nondominated_uncertain(s) == std::vector<uint8_t>{1, 1});
  // c = [12, 13] is beyond a's interval: dominated.
  IntervalSet t{PointSet(2, {9, 1, 12, 1}), PointSet(2, {11, 1, 13, 1})};
  CHECK(interval_dominates(t, 0, 1));
  CHECK_FALSE(interval_dominates(t, 1, 0));
  CHECK(nondominated_uncertain(t) == std::vector<uint8_t>{1, 0});
  // Touching intervals: a.hi == c.lo in every objective is not "better".
  IntervalSet u{PointSet(2, {1, 1, 2, 2}), PointSet(2, {2, 2, 3, 3})};
  CHECK_FALSE(interval_dominates(u, 0, 1));
  CHECK(ranks_uncertain(u) == std::vector<uint32_t>{1, 1});
}

TEST_CASE("uncertain ranks peel chains", "[pareto][uncertain]") {
  IntervalSet s{PointSet(1, {0, 2, 4, 4.5}), PointSet(1, {1, 3, 5, 5})};
  CHECK(ranks_uncertain(s) == std::vector<uint32_t>{1, 2, 3, 3});
}
