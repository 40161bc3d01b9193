#pragma once
// A two-objective scatter plot as standalone SVG: every point a dot (frontier
// points filled and labelled on hover), the frontier drawn as a step line that
// bounds the dominated region, axes labelled with objective names, units and
// direction, linear or logarithmic.
#include <string>

#include "lib/report/pareto_report.hpp"

namespace request::report {

struct PlotOptions {
  bool log_x = false;
  bool log_y = false;
  std::string title;
};

// Plot objectives 0 (x) and 1 (y) of every group. Points that cannot be drawn
// on a log axis (<= 0) are left out and counted in `skipped`.
std::string scatter_svg(const ParetoReport& report, const PlotOptions& options, size_t& skipped);

// Tick positions for [lo, hi]: 1-2-5 steps (linear) or powers of ten (log).
std::vector<double> axis_ticks(double lo, double hi, bool log_scale);

}  // namespace request::report
