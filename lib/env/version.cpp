#include "lib/env/version.hpp"

#include <cctype>
#include <charconv>

namespace request::env {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

int compare_part(const VersionPart& a, const VersionPart& b) {
  if (a.numeric && b.numeric) return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
  if (a.numeric != b.numeric) return a.numeric ? 1 : -1;  // 1.0.1 > 1.0.rc1
  int c = a.text.compare(b.text);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// A part compared against a missing one.
int compare_to_missing(const VersionPart& p) {
  if (!p.numeric) return -1;  // 1.0rc1 < 1.0
  return p.number > 0 ? 1 : 0;
}

}  // namespace

std::optional<Version> Version::parse(std::string_view text) {
  Version v;
  v.m_text = std::string(text);
  size_t i = 0;
  if (!text.empty() && (text[0] == 'v' || text[0] == 'V') && text.size() > 1 && is_digit(text[1])) i = 1;
  while (i < text.size()) {
    char c = text[i];
    if (is_digit(c)) {
      size_t j = i;
      while (j < text.size() && is_digit(text[j])) ++j;
      VersionPart p;
      auto [ptr, ec] = std::from_chars(text.data() + i, text.data() + j, p.number);
      if (ec != std::errc() || ptr != text.data() + j) {
        p.numeric = false;  // too large for a number: compare as text
        p.text = std::string(text.substr(i, j - i));
      }
      v.m_parts.push_back(std::move(p));
      i = j;
    } else if (is_alpha(c)) {
      if (v.m_parts.empty()) return std::nullopt;
      size_t j = i;
      while (j < text.size() && is_alpha(text[j])) ++j;
      VersionPart p;
      p.numeric = false;
      for (size_t k = i; k < j; ++k) p.text += static_cast<char>(std::tolower(static_cast<unsigned char>(text[k])));
      v.m_parts.push_back(std::move(p));
      i = j;
    } else if (c == '.' || c == '-' || c == '+' || c == '_' || c == '~') {
      ++i;
    } else {
      return std::nullopt;
    }
  }
  if (v.m_parts.empty()) return std::nullopt;
  return v;
}

nlohmann::json Version::parts_json() const {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : m_parts) {
    if (p.numeric) out.push_back(p.number);
    else out.push_back(p.text);
  }
  return out;
}

int compare(const Version& a, const Version& b) {
  const auto& pa = a.parts();
  const auto& pb = b.parts();
  size_t n = std::max(pa.size(), pb.size());
  for (size_t i = 0; i < n; ++i) {
    int c;
    if (i < pa.size() && i < pb.size()) c = compare_part(pa[i], pb[i]);
    else if (i < pa.size()) c = compare_to_missing(pa[i]);
    else c = -compare_to_missing(pb[i]);
    if (c != 0) return c;
  }
  return 0;
}

bool has_prefix(const Version& v, const Version& prefix) {
  const auto& pv = v.parts();
  const auto& pp = prefix.parts();
  for (size_t i = 0; i < pp.size(); ++i) {
    if (i < pv.size()) {
      if (compare_part(pv[i], pp[i]) != 0) return false;
    } else if (compare_to_missing(pp[i]) != 0) {
      return false;
    }
  }
  return true;
}

}  // namespace request::env
