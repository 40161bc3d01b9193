#include "lib/report/svg_plot.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <fmt/format.h>

namespace request::report {

namespace {

constexpr double k_width = 720, k_height = 520;
constexpr double k_left = 90, k_right = 30, k_top = 50, k_bottom = 70;
const char* const k_palette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};

std::string xml(std::string_view s) {
  std::string r;
  for (char c : s) {
    switch (c) {
      case '<': r += "&lt;"; break;
      case '>': r += "&gt;"; break;
      case '&': r += "&amp;"; break;
      case '"': r += "&quot;"; break;
      default: r += c;
    }
  }
  return r;
}

std::string axis_label(const ObjectiveInfo& o, bool log_scale) {
  std::string s = o.name;
  if (!o.unit.empty()) s += " (" + o.unit + ")";
  s += o.direction == "max" ? ", higher is better" : ", lower is better";
  if (log_scale) s += ", log scale";
  return s;
}

struct Scale {
  double lo = 0, hi = 1;
  bool log = false;
  double px0 = 0, px1 = 1;  // pixel positions of lo and hi
  double t(double v) const { return log ? std::log10(v) : v; }
  double operator()(double v) const {
    double a = t(lo), b = t(hi);
    double f = b > a ? (t(v) - a) / (b - a) : 0.5;
    return px0 + f * (px1 - px0);
  }
};

void fit(Scale& s, double lo, double hi) {
  if (!(lo <= hi)) lo = hi = s.log ? 1 : 0;
  if (s.log) {
    if (lo == hi) lo /= 2, hi *= 2;
    double a = std::floor(std::log10(lo)), b = std::ceil(std::log10(hi));
    if (a == b) b = a + 1;
    s.lo = std::pow(10, a), s.hi = std::pow(10, b);
    return;
  }
  if (lo == hi) {
    double pad = lo == 0 ? 1 : std::fabs(lo) * 0.1;
    lo -= pad, hi += pad;
  }
  double pad = (hi - lo) * 0.05;
  s.lo = lo - pad, s.hi = hi + pad;
}

}  // namespace

std::vector<double> axis_ticks(double lo, double hi, bool log_scale) {
  std::vector<double> out;
  if (!(hi > lo)) return {lo};
  if (log_scale) {
    for (double e = std::ceil(std::log10(lo) - 1e-9); e <= std::floor(std::log10(hi) + 1e-9); ++e)
      out.push_back(std::pow(10, e));
    return out;
  }
  double raw = (hi - lo) / 6;
  double mag = std::pow(10, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * mag >= raw) {
      step = m * mag;
      break;
    }
  for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push_back(std::fabs(v) < step * 1e-9 ? 0.0 : v);
  return out;
}

std::string scatter_svg(const ParetoReport& report, const PlotOptions& o, size_t& skipped) {
  const size_t d = report.objectives.size();
  skipped = 0;
  auto drawable = [&](double x, double y) {
    return std::isfinite(x) && std::isfinite(y) && (!o.log_x || x > 0) && (!o.log_y || y > 0);
  };
  double xlo = std::numeric_limits<double>::infinity(), xhi = -xlo, ylo = xlo, yhi = -xlo;
  for (const auto& g : report.groups)
    for (size_t i = 0; i < g.size(); ++i) {
      double x = g.values[i * d], y = g.values[i * d + 1];
      if (!drawable(x, y)) {
        ++skipped;
        continue;
      }
      xlo = std::min(xlo, x), xhi = std::max(xhi, x), ylo = std::min(ylo, y), yhi = std::max(yhi, y);
    }
  Scale sx, sy;
  sx.log = o.log_x, sy.log = o.log_y;
  fit(sx, xlo, xhi);
  fit(sy, ylo, yhi);
  sx.px0 = k_left, sx.px1 = k_width - k_right;
  sy.px0 = k_height - k_bottom, sy.px1 = k_top;

  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
      "font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n",
      k_width, k_height, k_width, k_height);
  if (!o.title.empty())
    s += fmt::format("<text x=\"{}\" y=\"28\" text-anchor=\"middle\" font-size=\"15\">{}</text>\n", k_width / 2, xml(o.title));
  // Axes, grid and tick labels.
  s += fmt::format("<g stroke=\"#333\" fill=\"none\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></g>\n", k_left,
                   k_top, k_width - k_left - k_right, k_height - k_top - k_bottom);
  for (double t : axis_ticks(sx.lo, sx.hi, sx.log)) {
    double px = sx(t);
    s += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#ddd\"/>"
                     "<text x=\"{0:.1f}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
                     px, k_top, k_height - k_bottom, k_height - k_bottom + 16, format_number(t));
  }
  for (double t : axis_ticks(sy.lo, sy.hi, sy.log)) {
    double py = sy(t);
    s += fmt::format("<line x1=\"{1}\" y1=\"{0:.1f}\" x2=\"{2}\" y2=\"{0:.1f}\" stroke=\"#ddd\"/>"
                     "<text x=\"{3}\" y=\"{0:.1f}\" text-anchor=\"end\" dominant-baseline=\"middle\">{4}</text>\n",
                     py, k_left, k_width - k_right, k_left - 6, format_number(t));
  }
  s += fmt::format("<text class=\"x-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                   (k_left + k_width - k_right) / 2, k_height - 24, xml(axis_label(report.objectives[0], o.log_x)));
  s += fmt::format("<text class=\"y-label\" x=\"{0}\" y=\"{1}\" text-anchor=\"middle\" transform=\"rotate(-90 {0} {1})\">{2}</text>\n",
                   24, (k_top + k_height - k_bottom) / 2, xml(axis_label(report.objectives[1], o.log_y)));

  const bool xmax = report.objectives[0].direction == "max", ymax = report.objectives[1].direction == "max";
  for (size_t gi = 0; gi < report.groups.size(); ++gi) {
    const auto& g = report.groups[gi];
    const char* colour = k_palette[gi % std::size(k_palette)];
    // Step line through the frontier, in the "minimise both" orientation.
    std::vector<size_t> f;
    for (size_t i = 0; i < g.size(); ++i)
      if (g.frontier[i] && drawable(g.values[i * d], g.values[i * d + 1])) f.push_back(i);
    auto ox = [&](size_t i) { return xmax ? -g.values[i * d] : g.values[i * d]; };
    auto oy = [&](size_t i) { return ymax ? -g.values[i * d + 1] : g.values[i * d + 1]; };
    std::sort(f.begin(), f.end(), [&](size_t a, size_t b) { return ox(a) < ox(b) || (ox(a) == ox(b) && oy(a) < oy(b)); });
    if (!f.empty()) {
      double worst_y = ymax ? sy.lo : sy.hi, worst_x = xmax ? sx.lo : sx.hi;
      std::string path = fmt::format("M{:.1f},{:.1f}", sx(g.values[f[0] * d]), sy(worst_y));
      for (size_t k = 0; k < f.size(); ++k) {
        double x = g.values[f[k] * d], y = g.values[f[k] * d + 1];
        path += fmt::format(" L{:.1f},{:.1f}", sx(x), sy(y));
        double next_x = k + 1 < f.size() ? g.values[f[k + 1] * d] : worst_x;
        path += fmt::format(" L{:.1f},{:.1f}", sx(next_x), sy(y));
      }
      s += fmt::format("<path class=\"frontier\" d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\"/>\n", path, colour);
    }
    s += fmt::format("<g class=\"points\" fill=\"{}\">\n", colour);
    for (size_t i = 0; i < g.size(); ++i) {
      double x = g.values[i * d], y = g.values[i * d + 1];
      if (!drawable(x, y)) continue;
      s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\"{}><title>{}</title></circle>\n", sx(x), sy(y),
                       g.frontier[i] ? 4 : 2.5, g.frontier[i] ? "" : " fill-opacity=\"0.35\"", xml(g.ids[i]));
    }
    s += "</g>\n";
    if (!report.group_by.empty())
      s += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"{}\" text-anchor=\"end\">{}</text>\n", k_width - k_right - 6,
                       k_top + 16 + 16 * static_cast<double>(gi), colour, xml(g.name));
  }
  s += "</svg>\n";
  return s;
}

}  // namespace request::report
