#pragma once
// Small text helpers: split, join, edit distance, wildcard matching.
#include <string>
#include <string_view>
#include <vector>

namespace request::util {

std::vector<std::string> split(std::string_view text, char sep, bool skip_empty = true);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
// Levenshtein distance, for "did you mean" hints.
size_t edit_distance(std::string_view a, std::string_view b);
// Shell-style match with '*' and '?'.
bool wildcard_match(std::string_view pattern, std::string_view text);
bool has_wildcards(std::string_view text);
bool starts_with(std::string_view text, std::string_view prefix);

}  // namespace request::util
