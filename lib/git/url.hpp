#pragma once
// Remote locations as users write them: scheme URLs (file://, https://, ssh://),
// scp-like "user@host:path", and plain local paths.
#include <filesystem>
#include <string>

namespace request::git {

// True for a plain local path (no "scheme://" and not scp-like "host:path").
bool is_local_path(const std::string& url);

// A local path made absolute against `base` and normalised; other URLs as given
// without trailing slashes. Throws Error(not_found) for a local path that does not exist.
std::string normalize_url(const std::string& url, const std::filesystem::path& base);

// Whether two normalised URLs name the same repository ("file:///x" = "/x",
// trailing slashes ignored).
bool same_url(const std::string& a, const std::string& b);

// The last path component without ".git": "https://h/org/bench.git" -> "bench".
std::string url_basename(const std::string& url);

// A dependency URL relative to its parent ("../b.git", "./b") resolved against
// the parent's URL, as git does for submodules; absolute URLs are returned as given.
std::string resolve_relative_url(const std::string& parent_url, const std::string& url);

}  // namespace request::git
