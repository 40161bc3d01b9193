#include "lib/env/version_range.hpp"

#include <array>
#include <utility>

#include "lib/util/error.hpp"

namespace request::env {

namespace {

constexpr std::array<std::pair<std::string_view, VersionOp>, 8> k_ops = {{
    {">=", VersionOp::ge},
    {"<=", VersionOp::le},
    {"==", VersionOp::eq},
    {"!=", VersionOp::ne},
    {"~=", VersionOp::compatible},
    {">", VersionOp::gt},
    {"<", VersionOp::lt},
    {"=", VersionOp::eq},
}};

bool is_operator_only(std::string_view tok) {
  for (const auto& [text, op] : k_ops)
    if (tok == text) return true;
  return false;
}

std::vector<std::string> tokens(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    if (c == ' ' || c == ',' || c == '\t') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  // ">= 11" is written as two tokens: glue an operator to what follows.
  std::vector<std::string> glued;
  for (size_t i = 0; i < out.size(); ++i) {
    if (is_operator_only(out[i]) && i + 1 < out.size()) {
      glued.push_back(out[i] + out[i + 1]);
      ++i;
    } else {
      glued.push_back(out[i]);
    }
  }
  return glued;
}

VersionConstraint parse_term(const std::string& tok, std::string_view range_text) {
  VersionConstraint c;
  c.text = tok;
  std::string_view rest = tok;
  for (const auto& [text, op] : k_ops) {
    if (rest.starts_with(text)) {
      c.op = op;
      rest.remove_prefix(text.size());
      break;
    }
  }
  // "==12.*" and "!=3.9.*" mean the same as "==12" and "!=3.9".
  if (rest.ends_with(".*") && (c.op == VersionOp::eq || c.op == VersionOp::ne)) rest.remove_suffix(2);
  auto v = Version::parse(rest);
  if (!v)
    throw Error(ExitCode::usage, "version range '" + std::string(range_text) + "'",
                "'" + tok + "' is not a version constraint",
                "use operators >= > <= < == != ~= before a version, e.g. '>=11 <15'");
  c.version = std::move(*v);
  return c;
}

// ~=1.4.5 means >=1.4.5 and ==1.4.*; ~=12 means ==12.*.
bool compatible(const Version& v, const Version& base) {
  const auto& parts = base.parts();
  if (parts.size() < 2) return has_prefix(v, base);
  if (compare(v, base) < 0) return false;
  const auto& pv = v.parts();
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    VersionPart zero;
    const VersionPart& have = i < pv.size() ? pv[i] : zero;
    if (!(have == parts[i])) return false;
  }
  return true;
}

}  // namespace

bool VersionConstraint::satisfied_by(const Version& v) const {
  switch (op) {
    case VersionOp::eq: return has_prefix(v, version);
    case VersionOp::ne: return !has_prefix(v, version);
    case VersionOp::lt: return compare(v, version) < 0;
    case VersionOp::le: return compare(v, version) <= 0;
    case VersionOp::gt: return compare(v, version) > 0;
    case VersionOp::ge: return compare(v, version) >= 0;
    case VersionOp::compatible: return compatible(v, version);
  }
  return false;
}

VersionRange VersionRange::parse(std::string_view text) {
  VersionRange r;
  for (const auto& tok : tokens(text)) {
    if (tok == "*") continue;
    r.m_terms.push_back(parse_term(tok, text));
  }
  return r;
}

bool VersionRange::contains(const Version& v) const { return first_failed(v) == nullptr; }

const VersionConstraint* VersionRange::first_failed(const Version& v) const {
  for (const auto& t : m_terms)
    if (!t.satisfied_by(v)) return &t;
  return nullptr;
}

std::string VersionRange::str() const {
  if (m_terms.empty()) return "*";
  std::string s;
  for (const auto& t : m_terms) {
    if (!s.empty()) s += ' ';
    s += t.text;
  }
  return s;
}

}  // namespace request::env
