#pragma once
// Version ranges: constraints joined by AND (spaces or commas), e.g. ">=11 <15",
// ">=3.8,!=3.9.*", "~=1.4.5", "==12". Documented in docs/environments.md.
#include <string>
#include <string_view>
#include <vector>

#include "lib/env/version.hpp"

namespace request::env {

// Comparison operators of a constraint.
enum class VersionOp { eq, ne, lt, le, gt, ge, compatible };

// One "op version" term.
struct VersionConstraint {
  VersionOp op = VersionOp::eq;
  Version version;
  std::string text;  // as written, e.g. ">=11"

  bool satisfied_by(const Version& v) const;
};

class VersionRange {
public:
  // Empty text or "*" accepts every version. Throws Error(usage) naming the bad term.
  static VersionRange parse(std::string_view text);

  bool contains(const Version& v) const;
  // The first constraint `v` fails, or nullptr when contained.
  const VersionConstraint* first_failed(const Version& v) const;
  bool accepts_any() const { return m_terms.empty(); }
  // Normalised text: terms joined by a space; "*" when empty.
  std::string str() const;

private:
  std::vector<VersionConstraint> m_terms;
};

}  // namespace request::env
