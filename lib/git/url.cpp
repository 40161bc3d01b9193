#include "lib/git/url.hpp"

#include "lib/util/error.hpp"
#include "lib/util/strings.hpp"

namespace fs = std::filesystem;

namespace request::git {

namespace {

constexpr std::string_view k_file_scheme = "file://";

std::string strip_trailing_slashes(std::string s) {
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

// A comparable form: local paths and file:// URLs as a normal absolute path.
std::string comparable(const std::string& url) {
  std::string s = url;
  if (util::starts_with(s, k_file_scheme)) s = s.substr(k_file_scheme.size());
  if (is_local_path(s)) return strip_trailing_slashes(fs::path(s).lexically_normal().generic_string());
  return strip_trailing_slashes(s);
}

}  // namespace

bool is_local_path(const std::string& url) {
  if (url.find("://") != std::string::npos) return false;
  size_t colon = url.find(':');
  if (colon == std::string::npos) return true;
  // scp-like "host:path" has its colon before any slash; "./a:b" or "/a:b" is a path.
  size_t slash = url.find('/');
  return slash != std::string::npos && slash < colon;
}

std::string normalize_url(const std::string& url, const fs::path& base) {
  if (!is_local_path(url)) return strip_trailing_slashes(url);
  fs::path p = fs::path(url).is_absolute() ? fs::path(url) : base / url;
  p = p.lexically_normal();
  std::error_code ec;
  if (!fs::exists(p, ec)) throw Error(ExitCode::not_found, "'" + url + "'", "no such repository folder");
  return strip_trailing_slashes(p.generic_string());
}

bool same_url(const std::string& a, const std::string& b) { return comparable(a) == comparable(b); }

std::string url_basename(const std::string& url) {
  std::string s = strip_trailing_slashes(url);
  size_t cut = s.find_last_of("/:");
  std::string last = cut == std::string::npos ? s : s.substr(cut + 1);
  if (last.size() > 4 && last.ends_with(".git")) last.resize(last.size() - 4);
  return last;
}

std::string resolve_relative_url(const std::string& parent_url, const std::string& url) {
  if (!util::starts_with(url, "./") && !util::starts_with(url, "../")) return url;
  std::string parent = strip_trailing_slashes(parent_url);
  std::string prefix;
  if (size_t sep = parent.find("://"); sep != std::string::npos) {
    size_t path_start = parent.find('/', sep + 3);
    if (path_start == std::string::npos) path_start = parent.size();
    prefix = parent.substr(0, path_start);
    parent = parent.substr(path_start);
  } else if (!is_local_path(parent)) {
    size_t colon = parent.find(':');
    prefix = parent.substr(0, colon + 1);
    parent = parent.substr(colon + 1);
  }
  // Relative to the parent repository itself, as submodule URLs are.
  fs::path joined = (fs::path(parent) / url).lexically_normal();
  std::string path = strip_trailing_slashes(joined.generic_string());
  if (!prefix.empty() && !path.empty() && path[0] != '/' && prefix.back() != ':') path = "/" + path;
  return prefix + path;
}

}  // namespace request::git
