#pragma once
// Samples to a summary: location, spread, a 95% confidence interval of the
// median by order statistics, MAD outliers and warnings (docs/measurement.md).
#include <cstddef>
#include <string>
#include <vector>

#include "lib/util/json_io.hpp"

namespace request::stats {

// Consistency constant: 1.4826 * MAD estimates sigma for normal data.
inline constexpr double k_mad_scale = 1.4826;
// A sample farther than this many scaled MADs from the median is an outlier.
inline constexpr double k_outlier_mads = 3.0;
// Coefficient of variation above which a warning is given.
inline constexpr double k_max_cv = 0.05;
// Confidence level of the median interval.
inline constexpr double k_ci_level = 0.95;

// Everything request reports about one metric's samples.
struct Summary {
  size_t n = 0;
  double min = 0;
  double max = 0;
  double mean = 0;
  double median = 0;
  double stddev = 0;       // sample standard deviation (n - 1); 0 when n == 1
  double mad = 0;          // median absolute deviation from the median
  double scaled_mad = 0;   // k_mad_scale * mad
  double cv = 0;           // stddev / |mean|; 0 when mean == 0
  double ci_low = 0;       // median interval [x(j), x(n-j+1)] by order statistics
  double ci_high = 0;
  double ci_coverage = 0;  // its exact binomial coverage (>= 0.95 when n >= 6)
  size_t outliers = 0;     // samples beyond k_outlier_mads scaled MADs of the median
  bool first_is_outlier = false;  // samples[0] is one of them (n >= 3)
  std::vector<std::string> warnings;  // human sentences, lowercase
};

// Summarizes samples in the order they were taken (the first one matters).
// Throws Error(failed) for an empty sample or a non-finite value.
Summary summarize(const std::vector<double>& samples);

// Median of values (sorted or not); the mean of the middle two for even n.
double median(std::vector<double> values);

// {min, max, mean, median, stddev, mad, ci95: [low, high], ci95_coverage,
//  ci_method, outliers, cv, n, warnings}.
util::Json to_json(const Summary& s);

}  // namespace request::stats
