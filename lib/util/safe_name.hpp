#pragma once
// Names that become paths inside a repository, and checks that a path stays inside.
#include <filesystem>
#include <string>
#include <string_view>

namespace request::util {

inline constexpr size_t k_max_name_length = 128;

// Empty when `name` is a valid alias/module name ([a-z0-9][a-z0-9._-]*, at most
// 128 characters, not "." or ".."); otherwise why it is not.
std::string name_problem(std::string_view name);
// Throws Error(invalid_data) naming `what` ("alias", "module", "repository name").
void require_safe_name(std::string_view name, std::string_view what);

// True when a 16-hex-digit uid.
bool is_uid(std::string_view text);
// A fresh random 16-hex-digit uid.
std::string new_uid();

// Throws Error(invalid_data) unless `path` (which need not exist yet) resolves,
// following existing symlinks, to a location inside `root`.
void require_inside(const std::filesystem::path& root, const std::filesystem::path& path);

}  // namespace request::util
