#pragma once
// Writers of a ParetoReport: aligned text, CSV (RFC 4180), JSON (the shape of
// docs/CLI.md) and Markdown. Each returns the whole document as text.
#include <string>

#include "lib/report/pareto_report.hpp"

namespace request::report {

// Aligned columns, frontier points marked with '*', excluded points and the
// hypervolume listed below. `color` highlights the frontier (ANSI bold).
std::string write_text(const ParetoReport& report, bool color);
// Header then one row per point: [group,]id,objectives...,rank,frontier.
std::string write_csv(const ParetoReport& report);
// {"objectives", "points", "frontier", "excluded", "hypervolume"}; with
// --group-by, {"objectives", "group_by", "groups": [{"group", ...same...}]}.
std::string write_json(const ParetoReport& report);
// A GitHub-flavoured Markdown table per group, frontier points in bold.
std::string write_markdown(const ParetoReport& report);

// Quote a CSV field when it holds a comma, quote or line break.
void append_csv_field(std::string& out, std::string_view s);

}  // namespace request::report
