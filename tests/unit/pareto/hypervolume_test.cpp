// Hypervolume against hand-computed cases and inclusion-exclusion.
#include <catch2/catch.hpp>

#include <random>

#include "lib/pareto/hypervolume.hpp"
#include "lib/util/error.hpp"

using namespace request::pareto;

TEST_CASE("hypervolume of hand-computed sets", "[pareto][hypervolume]") {
  // Two staircase points: 2x1 + 1x1.
  CHECK(hypervolume(PointSet(2, {1, 2, 2, 1}), {3, 3}) == 3.0);
  CHECK(hypervolume_2d(PointSet(2, {1, 2, 2, 1, 2, 2}), {3, 3}) == 3.0);
  // One box.
  CHECK(hypervolume(PointSet(3, {0, 0, 0}), {1, 2, 3}) == 6.0);
  // Two boxes 2*2*1 and 1*1*2 overlapping in [1,2]^3.
  CHECK(hypervolume_3d(PointSet(3, {0, 0, 1, 1, 1, 0}), {2, 2, 2}) == 5.0);
  // 4-D: boxes 2*2*2*1 = 8 and 1*1*1*2 = 2 overlapping in 1.
  CHECK(hypervolume(PointSet(4, {0, 0, 0, 1, 1, 1, 1, 0}), {2, 2, 2, 2}) == 9.0);
  // Points outside the reference add nothing; duplicates count once.
  CHECK(hypervolume(PointSet(2, {1, 1, 1, 1, 5, 0, 0, 5}), {2, 2}) == 1.0);
  CHECK(hypervolume(PointSet(2, {2, 0}), {2, 2}) == 0.0);
  CHECK(hypervolume(PointSet(5, {}), {1, 1, 1, 1, 1}) == 0.0);
  // Negative coordinates.
  CHECK(hypervolume(PointSet(2, {-2, -1}), {0, 0}) == 2.0);
  CHECK_THROWS_AS(hypervolume(PointSet(2, {1, 1}), {2, 2, 2}), request::Error);
}

TEST_CASE("hypervolume equals inclusion-exclusion on small random sets", "[pareto][hypervolume]") {
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<int> small(0, 5);
  std::uniform_real_distribution<double> unit(0, 1);
  for (size_t d = 1; d <= 6; ++d) {
    for (size_t n : {1, 2, 5, 9, 12}) {
      for (int rep = 0; rep < 6; ++rep) {
        PointSet s;
        s.dim = d;
        for (size_t i = 0; i < n * d; ++i) s.values.push_back(rep % 2 ? small(rng) : unit(rng) * 6);
        std::vector<double> ref(d, 5.5);
        INFO("d " << d << " n " << n << " rep " << rep);
        double want = hypervolume_inclusion_exclusion(s, ref);
        CHECK(hypervolume(s, ref) == Approx(want).epsilon(1e-12).margin(1e-12));
        if (d == 2) CHECK(hypervolume_2d(s, ref) == Approx(want).margin(1e-12));
        if (d == 3) CHECK(hypervolume_3d(s, ref) == Approx(want).margin(1e-12));
      }
    }
  }
}

TEST_CASE("3-D and WFG agree with slicing on larger fronts", "[pareto][hypervolume]") {
  // Points on the simplex: all non-dominated; compare 4-D WFG with an
  // independent computation by slicing the 4th coordinate into 3-D volumes.
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> unit(0, 1);
  PointSet s;
  s.dim = 4;
  const size_t n = 60;
  for (size_t i = 0; i < n; ++i) {
    double v[4], sum = 0;
    for (double& x : v) sum += x = unit(rng);
    for (double x : v) s.values.push_back(x / sum);
  }
  std::vector<double> ref(4, 1.0);
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return s[a][3] < s[b][3]; });
  double sliced = 0;
  PointSet prefix;
  prefix.dim = 3;
  for (size_t k = 0; k < n; ++k) {
    prefix.values.insert(prefix.values.end(), s[order[k]], s[order[k]] + 3);
    double next = k + 1 < n ? s[order[k + 1]][3] : 1.0;
    sliced += hypervolume_3d(prefix, {1, 1, 1}) * (next - s[order[k]][3]);
  }
  CHECK(hypervolume(s, ref) == Approx(sliced).epsilon(1e-10));
}

namespace {

// n points in d dimensions: integers in [0, 4] (many ties and duplicates),
// floats, or points on the simplex (all non-dominated).
PointSet random_set(std::mt19937_64& rng, size_t n, size_t d, int shape) {
  std::uniform_int_distribution<int> small(0, 4);
  std::uniform_real_distribution<double> unit(0, 1);
  PointSet s;
  s.dim = d;
  for (size_t i = 0; i < n; ++i) {
    std::vector<double> v(d);
    double sum = 0;
    for (double& x : v) sum += x = shape == 0 ? small(rng) : unit(rng) * 4;
    if (shape == 2)
      for (double& x : v) x = 4 * x / sum;
    // Some exact duplicates.
    if (i > 0 && unit(rng) < 0.1) v.assign(s[i - 1], s[i - 1] + d);
    s.values.insert(s.values.end(), v.begin(), v.end());
  }
  return s;
}

}  // namespace

TEST_CASE("new hypervolume algorithms agree with plain WFG on random sets", "[pareto][hypervolume]") {
  std::mt19937_64 rng(23);
  for (size_t d = 3; d <= 6; ++d) {
    for (size_t n : {1, 2, 3, 7, 20, 45}) {
      if (d == 6 && n > 20) continue;  // the reference is exponential
      for (int shape = 0; shape < 3; ++shape) {
        for (int rep = 0; rep < 4; ++rep) {
          PointSet s = random_set(rng, n, d, shape);
          std::vector<double> ref(d, 4.5);
          if (rep == 3) ref[0] = 2.5;  // some points outside the reference
          INFO("d " << d << " n " << n << " shape " << shape << " rep " << rep);
          const double want = hypervolume_wfg(s, ref);
          CHECK(hypervolume(s, ref) == Approx(want).epsilon(1e-10).margin(1e-10));
          if (d == 3) CHECK(hypervolume_3d(s, ref) == Approx(want).epsilon(1e-10).margin(1e-10));
          if (d == 4) CHECK(hypervolume_4d(s, ref) == Approx(want).epsilon(1e-10).margin(1e-10));
          if (n <= 12) CHECK(hypervolume(s, ref) == Approx(hypervolume_inclusion_exclusion(s, ref)).epsilon(1e-10).margin(1e-10));
        }
      }
    }
  }
}

TEST_CASE("3-D and 4-D hypervolume on larger sets with ties", "[pareto][hypervolume]") {
  std::mt19937_64 rng(31);
  for (int shape = 0; shape < 3; ++shape) {
    PointSet s3 = random_set(rng, 400, 3, shape);
    CHECK(hypervolume_3d(s3, {4.5, 4.5, 4.5}) == Approx(hypervolume_wfg(s3, {4.5, 4.5, 4.5})).epsilon(1e-10));
    PointSet s4 = random_set(rng, 150, 4, shape);
    CHECK(hypervolume_4d(s4, {4.5, 4.5, 4.5, 4.5}) ==
          Approx(hypervolume_wfg(s4, {4.5, 4.5, 4.5, 4.5})).epsilon(1e-10));
  }
  CHECK_THROWS_AS(hypervolume_4d(PointSet(3, {1, 1, 1}), {2, 2, 2}), request::Error);
}
