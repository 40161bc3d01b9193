#include "lib/stats/summary.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "lib/stats/median_ci.hpp"
#include "lib/util/error.hpp"

namespace request::stats {

double median(std::vector<double> values) {
  if (values.empty()) throw Error(ExitCode::failed, "stats", "median of no samples");
  const size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<long>(mid), values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  const double lower = *std::max_element(values.begin(), values.begin() + static_cast<long>(mid));
  return lower + (upper - lower) / 2;
}

Summary summarize(const std::vector<double>& samples) {
  if (samples.empty()) throw Error(ExitCode::failed, "stats", "no samples to summarize");
  for (size_t i = 0; i < samples.size(); ++i) {
    if (!std::isfinite(samples[i])) {
      throw Error(ExitCode::failed, "stats", fmt::format("sample {} is not a finite number: '{}'", i + 1, samples[i]));
    }
  }
  Summary s;
  s.n = samples.size();
  std::vector<double> sorted = samples;
  std::sort(sorted.begin(), sorted.end());
  s.min = sorted.front();
  s.max = sorted.back();
  s.mean = std::accumulate(sorted.begin(), sorted.end(), 0.0) / static_cast<double>(s.n);
  s.median = median(sorted);
  if (s.n > 1) {
    double ss = 0;
    for (double x : sorted) ss += (x - s.mean) * (x - s.mean);
    s.stddev = std::sqrt(ss / static_cast<double>(s.n - 1));
  }
  std::vector<double> deviations;
  deviations.reserve(s.n);
  for (double x : sorted) deviations.push_back(std::fabs(x - s.median));
  s.mad = median(deviations);
  s.scaled_mad = k_mad_scale * s.mad;
  s.cv = s.mean != 0 ? s.stddev / std::fabs(s.mean) : 0;

  const OrderInterval ci = median_interval(s.n, k_ci_level);
  s.ci_low = sorted[ci.lower - 1];
  s.ci_high = sorted[ci.upper - 1];
  s.ci_coverage = ci.coverage;

  const double fence = k_outlier_mads * s.scaled_mad;
  const auto is_outlier = [&](double x) { return std::fabs(x - s.median) > fence; };
  s.outliers = static_cast<size_t>(std::count_if(samples.begin(), samples.end(), is_outlier));
  s.first_is_outlier = s.n >= 3 && is_outlier(samples.front());

  if (s.cv > k_max_cv) {
    s.warnings.push_back(fmt::format("coefficient of variation {:.1f}% exceeds {:.0f}%", s.cv * 100, k_max_cv * 100));
  }
  if (s.first_is_outlier) {
    s.warnings.push_back(fmt::format("first repetition is an outlier ({:g}, median {:g}): consider more warmup",
                                     samples.front(), s.median));
  }
  if (ci.coverage < k_ci_level) {
    s.warnings.push_back(fmt::format("too few samples for a 95% confidence interval of the median (n = {}, "
                                     "[min, max] covers {:.1f}%; 6 or more needed)",
                                     s.n, ci.coverage * 100));
  }
  return s;
}

util::Json to_json(const Summary& s) {
  util::Json j;
  j["n"] = s.n;
  j["min"] = s.min;
  j["max"] = s.max;
  j["mean"] = s.mean;
  j["median"] = s.median;
  j["stddev"] = s.stddev;
  j["mad"] = s.mad;
  j["cv"] = s.cv;
  j["ci95"] = {s.ci_low, s.ci_high};
  j["ci95_coverage"] = s.ci_coverage;
  j["ci_method"] = "order statistics (binomial)";
  j["outliers"] = s.outliers;
  j["warnings"] = s.warnings;
  return j;
}

}  // namespace request::stats
