// Frontier and ranks against an independent brute-force definition on random
// sets: 1 to 6 objectives, integer values with many ties and duplicates,
// floats, all-on-front and mostly-dominated shapes.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>

#include "lib/pareto/frontier.hpp"
#include "lib/pareto/ranks.hpp"
#include "lib/util/error.hpp"

using namespace request::pareto;

namespace {

// a dominates b: no worse anywhere, better somewhere (minimisation).
bool ref_dominates(const PointSet& s, size_t a, size_t b) {
  bool better = false;
  for (size_t k = 0; k < s.dim; ++k) {
    if (s[a][k] > s[b][k]) return false;
    if (s[a][k] < s[b][k]) better = true;
  }
  return better;
}

std::vector<uint8_t> ref_front(const PointSet& s) {
  std::vector<uint8_t> out(s.size(), 1);
  for (size_t i = 0; i < s.size(); ++i)
    for (size_t j = 0; j < s.size(); ++j)
      if (ref_dominates(s, j, i)) out[i] = 0;
  return out;
}

// Rank = 1 + the longest chain of dominators (the definition of peeling).
std::vector<uint32_t> ref_ranks(const PointSet& s) {
  std::vector<uint32_t> r(s.size(), 0);
  bool changed = true;
  for (auto& x : r) x = 1;
  while (changed) {
    changed = false;
    for (size_t i = 0; i < s.size(); ++i)
      for (size_t j = 0; j < s.size(); ++j)
        if (ref_dominates(s, j, i) && r[i] < r[j] + 1) r[i] = r[j] + 1, changed = true;
  }
  return r;
}

enum class Shape { integers, floats, on_front, mostly_dominated };

PointSet make(Shape shape, size_t n, size_t d, std::mt19937_64& rng) {
  PointSet s;
  s.dim = d;
  std::uniform_int_distribution<int> small(0, 4);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (size_t i = 0; i < n; ++i) {
    if (shape == Shape::integers) {
      for (size_t k = 0; k < d; ++k) s.values.push_back(small(rng));
    } else if (shape == Shape::floats) {
      for (size_t k = 0; k < d; ++k) s.values.push_back(unit(rng) * 200 - 100);
    } else if (shape == Shape::on_front) {
      // Integer coordinates with a fixed sum: no point dominates another.
      int left = 40;
      for (size_t k = 0; k + 1 < d; ++k) {
        int v = std::uniform_int_distribution<int>(0, left)(rng);
        s.values.push_back(v);
        left -= v;
      }
      s.values.push_back(left);
    } else {
      bool strong = i % 50 == 0;
      for (size_t k = 0; k < d; ++k) s.values.push_back(strong ? unit(rng) * 0.1 : 0.5 + unit(rng));
    }
  }
  return s;
}

}  // namespace

TEST_CASE("frontier matches brute force on random sets", "[pareto]") {
  std::mt19937_64 rng(20260);
  for (Shape shape : {Shape::integers, Shape::floats, Shape::on_front, Shape::mostly_dominated}) {
    for (size_t d = 1; d <= 6; ++d) {
      for (size_t n : {0, 1, 2, 3, 7, 40, 300}) {
        if (shape == Shape::on_front && d == 1) continue;
        for (int rep = 0; rep < 3; ++rep) {
          PointSet s = make(shape, n, d, rng);
          INFO("shape " << static_cast<int>(shape) << " d " << d << " n " << n << " rep " << rep);
          auto want = ref_front(s);
          CHECK(nondominated(s) == want);
          CHECK(nondominated_kd(s) == want);
          CHECK(nondominated_naive(s) == want);
          if (d == 2) CHECK(nondominated_2d(s) == want);
          if (d == 3) CHECK(nondominated_3d(s) == want);
          if (shape == Shape::on_front) CHECK(std::count(want.begin(), want.end(), 1) == static_cast<long>(n));
        }
      }
    }
  }
}

TEST_CASE("ranks match brute force on random sets", "[pareto]") {
  std::mt19937_64 rng(7);
  for (Shape shape : {Shape::integers, Shape::floats, Shape::mostly_dominated}) {
    for (size_t d = 1; d <= 5; ++d) {
      for (size_t n : {0, 1, 5, 60, 250}) {
        PointSet s = make(shape, n, d, rng);
        INFO("shape " << static_cast<int>(shape) << " d " << d << " n " << n);
        auto want = ref_ranks(s);
        CHECK(nondominated_ranks(s) == want);
        CHECK(nondominated_ranks_naive(s) == want);
      }
    }
  }
}

TEST_CASE("dominance is strict: equal points are both kept", "[pareto]") {
  PointSet s(2, {1, 1, 1, 1, 2, 2, 1, 2});
  CHECK(nondominated(s) == std::vector<uint8_t>{1, 1, 0, 0});
  CHECK(nondominated_ranks(s) == std::vector<uint32_t>{1, 1, 3, 2});
  PointSet t(3, {0, 0, 0, 0, 0, 0, 0, 0, 1});
  CHECK(nondominated(t) == std::vector<uint8_t>{1, 1, 0});
  PointSet k(4, {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6});
  CHECK(nondominated(k) == std::vector<uint8_t>{1, 1, 0});
}

TEST_CASE("zeros, negative values and infinities are ordinary values", "[pareto]") {
  const double inf = std::numeric_limits<double>::infinity();
  // CK compared ratios and broke on zeros and negatives; we compare values.
  PointSet s(2, {0, -5, -3, 0, 0, 0, -3, -5, inf, -inf, -inf, inf});
  auto want = ref_front(s);
  CHECK(nondominated(s) == want);
  CHECK(want == std::vector<uint8_t>{0, 0, 0, 1, 1, 1});
  PointSet t(4, {0, -1, inf, 2, 0, -1, 3, 2, -inf, 9, 9, 9});
  CHECK(nondominated(t) == ref_front(t));
}

TEST_CASE("pivot filter only removes dominated points", "[pareto]") {
  std::mt19937_64 rng(3);
  for (size_t d = 2; d <= 5; ++d) {
    PointSet s = make(Shape::floats, 2000, d, rng);
    auto keep = pivot_filter(s);
    auto front = ref_front(s);
    std::vector<uint8_t> kept(s.size(), 0);
    for (auto i : keep) kept[i] = 1;
    for (size_t i = 0; i < s.size(); ++i)
      if (front[i]) CHECK(kept[i]);
    CHECK(keep.size() < s.size() / 2);  // uniform data: most points go
  }
}

TEST_CASE("objective parsing", "[pareto]") {
  CHECK(parse_objective("latency").name == "latency");
  CHECK_FALSE(parse_objective("latency").direction_given);
  auto o = parse_objective("accuracy_top1.min:max");
  CHECK(o.name == "accuracy_top1.min");
  CHECK(o.direction == Direction::max);
  CHECK(parse_objective("a:b:min").name == "a:b");
  CHECK_THROWS_AS(parse_objective(":min"), request::Error);
}
