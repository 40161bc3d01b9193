#pragma once
// Finding the program to run, and the parent's environment as a map.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace request::exec {

// argv0 itself when it contains '/', else the first executable regular file
// named argv0 in the ':'-separated `path_var`; nullopt when none is found.
std::optional<std::filesystem::path> find_program(const std::string& argv0, const std::string& path_var);

// The parent process's environment (environ) as a map.
std::map<std::string, std::string> current_environment();

}  // namespace request::exec
