// Pareto analyzer benchmark: frontier, ranks-free compute and hypervolume on
// generated data (uniform random; points on the simplex for fronts), CSV
// parsing, each reported as a median of several runs, in points per second,
// and as a ratio to std::sort of the same points measured in the same run.
//
//   pareto_bench [--quick]             all cases
//   pareto_bench --write-csv N D FILE  write N uniform random points in D objectives
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "lib/pareto/frontier.hpp"
#include "lib/pareto/hypervolume.hpp"
#include "lib/table/table.hpp"

using namespace request;
using Clock = std::chrono::steady_clock;

namespace {

int g_runs = 7;

double median_ms(const std::function<void()>& f) {
  std::vector<double> t;
  for (int i = 0; i < g_runs; ++i) {
    auto a = Clock::now();
    f();
    t.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

pareto::PointSet uniform(size_t n, size_t d, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  pareto::PointSet s;
  s.dim = d;
  s.values.resize(n * d);
  for (double& v : s.values) v = u(rng);
  return s;
}

// Uniform on the simplex (sum 1): every point non-dominated.
pareto::PointSet simplex(size_t n, size_t d, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::exponential_distribution<double> e(1.0);
  pareto::PointSet s;
  s.dim = d;
  s.values.resize(n * d);
  for (size_t i = 0; i < n; ++i) {
    double sum = 0;
    for (size_t k = 0; k < d; ++k) sum += s[i][k] = e(rng);
    for (size_t k = 0; k < d; ++k) s[i][k] /= sum;
  }
  return s;
}

// std::sort of the same points (lexicographic, as rows), the yardstick.
double sort_ms(const pareto::PointSet& s) {
  return median_ms([&] {
    std::vector<uint32_t> idx(s.size());
    for (size_t i = 0; i < idx.size(); ++i) idx[i] = static_cast<uint32_t>(i);
    std::sort(idx.begin(), idx.end(), [&](uint32_t a, uint32_t b) {
      return std::lexicographical_compare(s[a], s[a] + s.dim, s[b], s[b] + s.dim);
    });
  });
}

void frontier_case(const char* name, const pareto::PointSet& s, double target_ms) {
  size_t front = 0;
  double ms = median_ms([&] {
    auto f = pareto::nondominated(s);
    front = static_cast<size_t>(std::count(f.begin(), f.end(), 1));
  });
  double sort = sort_ms(s);
  fmt::print("frontier  {:<28} n={:<8} front={:<7} median {:8.2f} ms  {:7.2f} M points/s  {:5.2f}x std::sort  "
             "moocore {:g} ms  {}\n",
             name, s.size(), front, ms, s.size() / ms / 1e3, ms / sort, target_ms, ms <= target_ms ? "OK" : "SLOWER");
}

void hv_case(const char* name, const pareto::PointSet& s, double target_ms) {
  std::vector<double> ref(s.dim, 1.1);
  double hv = 0;
  double ms = median_ms([&] { hv = pareto::hypervolume(s, ref); });
  double sort = sort_ms(s);
  fmt::print("hypervol  {:<28} n={:<8} hv={:<9.6g} median {:8.2f} ms  {:7.2f} M points/s  {:5.2f}x std::sort  "
             "moocore {:g} ms (x1.2 = {:g})  {}\n",
             name, s.size(), hv, ms, s.size() / ms / 1e3, ms / sort, target_ms, target_ms * 1.2,
             ms <= target_ms * 1.2 ? "OK" : "SLOWER");
}

std::string csv_text(const pareto::PointSet& s) {
  std::string out = "id";
  for (size_t k = 0; k < s.dim; ++k) out += fmt::format(",f{}", k + 1);
  out += '\n';
  for (size_t i = 0; i < s.size(); ++i) {
    fmt::format_to(std::back_inserter(out), "p{}", i);
    for (size_t k = 0; k < s.dim; ++k) fmt::format_to(std::back_inserter(out), ",{}", s[i][k]);
    out += '\n';
  }
  return out;
}

void parse_case(size_t n, size_t d) {
  pareto::PointSet s = uniform(n, d, 42 + d);
  std::string text = csv_text(s);
  pareto::PointSet parsed;
  double parse = median_ms([&] {
    table::Table t = table::parse_csv(text, "bench.csv");
    parsed.dim = d;
    parsed.values.resize(t.row_count() * d);
    for (size_t r = 0; r < t.row_count(); ++r)
      for (size_t k = 0; k < d; ++k) parsed.values[r * d + k] = t.number(r, k + 1);
  });
  bool same = parsed.values == s.values;
  double compute = median_ms([&] { pareto::nondominated(parsed); });
  fmt::print("parse     {}-objective CSV {:>5.1f} MB       n={:<8} parse {:7.2f} ms  compute {:6.2f} ms  "
             "({:.0f}% parsing){}\n",
             d, text.size() / 1e6, n, parse, compute, 100 * parse / (parse + compute), same ? "" : "  VALUES DIFFER");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 5 && std::strcmp(argv[1], "--write-csv") == 0) {
    pareto::PointSet s = uniform(std::stoul(argv[2]), std::stoul(argv[3]), 1);
    std::string text = csv_text(s);
    std::FILE* f = std::fopen(argv[4], "wb");
    if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size()) return 1;
    return std::fclose(f) == 0 ? 0 : 1;
  }
  bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  if (quick) g_runs = 3;
  const size_t big = quick ? 100000 : 1000000;
  frontier_case("2 objectives, uniform", uniform(big, 2, 1), 69);
  frontier_case("3 objectives, uniform", uniform(big, 3, 2), 81);
  frontier_case("5 objectives, uniform", uniform(big / 10, 5, 3), 35);
  frontier_case("3 objectives, all on front", simplex(big / 10, 3, 4), 30);
  frontier_case("2 objectives, all on front", simplex(big, 2, 5), 69);
  hv_case("3 objectives, front", simplex(10000, 3, 6), 1.9);
  hv_case("4 objectives, front", simplex(2000, 4, 7), 3.9);
  hv_case("5 objectives, front", simplex(1000, 5, 8), 12);
  parse_case(big, 2);
  parse_case(big, 3);
  return 0;
}
