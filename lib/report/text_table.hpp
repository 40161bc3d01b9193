#pragma once
// Aligned plain-text tables: columns as wide as their widest cell, numbers
// right-aligned, two spaces between columns, no trailing blanks.
#include <string>
#include <vector>

namespace request::report {

// `right[i]` right-aligns column i. Widths count UTF-8 code points.
std::string aligned_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                          const std::vector<bool>& right = {});

// Number of UTF-8 code points in s (display width for our purposes).
size_t display_width(const std::string& s);

}  // namespace request::report
