#pragma once
// Versions split into comparable parts: runs of digits compare as numbers, runs
// of letters as text ("12.2.0" -> 12 2 0; "3.12.0rc1" -> 3 12 0 "rc" 1).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace request::env {

// One component of a version.
struct VersionPart {
  bool numeric = true;
  std::uint64_t number = 0;
  std::string text;  // the letters when not numeric

  bool operator==(const VersionPart& other) const = default;
};

class Version {
public:
  Version() = default;
  // Nullopt unless `text` holds at least one digit before any letter (a leading
  // "v" is allowed). Separators are . - + _ ~ and the switch digit/letter.
  static std::optional<Version> parse(std::string_view text);

  // The text as detected, e.g. "12.2.0".
  const std::string& text() const { return m_text; }
  const std::vector<VersionPart>& parts() const { return m_parts; }
  // [12, 2, 0] or [3, 12, 0, "rc", 1]: numbers and strings.
  nlohmann::json parts_json() const;

private:
  std::string m_text;
  std::vector<VersionPart> m_parts;
};

// <0, 0, >0. Missing parts count as 0 against a number ("11" == "11.0.0") and as
// newer than a text part, so pre-releases sort first ("1.0rc1" < "1.0").
int compare(const Version& a, const Version& b);
// True when the leading parts of `v` equal all parts of `prefix` (missing = 0).
bool has_prefix(const Version& v, const Version& prefix);

}  // namespace request::env
