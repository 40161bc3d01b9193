#pragma once
// What `request pareto` found, in a shape every writer (text, CSV, JSON,
// Markdown, SVG) reads: objectives, then per group the points with their
// values, rank and frontier flag, the excluded points with the reason, and
// the hypervolume when asked for.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace request::report {

// One objective as shown to the user.
struct ObjectiveInfo {
  std::string name;
  std::string direction;  // "min" or "max"
  std::string unit;       // empty when unknown
};

// A point left out of the analysis, and why.
struct Excluded {
  std::string id;
  std::string reason;
};

// The points of one group (all points when there is no --group-by).
struct ParetoGroup {
  std::string name;                 // the group's value; empty without --group-by
  std::vector<std::string_view> ids;  // views into storage owned by the caller
  std::vector<double> values;       // row-major, ids.size() * objectives, as measured
  std::vector<uint32_t> ranks;      // 1-based; 0 = not computed (only the frontier is known)
  std::vector<uint8_t> frontier;    // 1 = on the frontier
  std::vector<Excluded> excluded;
  std::optional<double> hypervolume;

  size_t size() const { return ids.size(); }
  size_t frontier_size() const;
};

struct ParetoReport {
  std::vector<ObjectiveInfo> objectives;
  std::string group_by;  // column or key; empty when not grouped
  bool ranks = false;    // --ranks: every rank computed
  bool frontier_only = false;  // print only frontier points
  bool uncertainty = false;    // dominance beyond confidence intervals
  std::vector<ParetoGroup> groups;
};

// Order in which human formats list a group's points: by rank (frontier
// first), then by the first objective, best first; input order breaks ties.
std::vector<size_t> display_order(const ParetoReport& report, const ParetoGroup& group);

// Shortest text that reads back as the same double ("0.1", "1e-07", "inf").
std::string format_number(double v);
// Append format_number(v) without a temporary string.
void append_number(std::string& out, double v);
// Append a JSON string literal (quoted, escaped) to out.
void append_json_string(std::string& out, std::string_view s);

}  // namespace request::report
