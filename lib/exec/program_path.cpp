#include "lib/exec/program_path.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include "lib/util/strings.hpp"

extern char** environ;

namespace request::exec {

namespace {

bool is_executable_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

}  // namespace

std::optional<std::filesystem::path> find_program(const std::string& argv0, const std::string& path_var) {
  if (argv0.empty()) return std::nullopt;
  if (argv0.find('/') != std::string::npos) return std::filesystem::path(argv0);
  // An empty PATH element means the current directory (POSIX); keep empties.
  for (const std::string& dir : util::split(path_var, ':', false)) {
    std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + argv0;
    if (is_executable_file(candidate)) return std::filesystem::path(candidate);
  }
  return std::nullopt;
}

std::map<std::string, std::string> current_environment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string kv(*e);
    const auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) continue;
    env.emplace(kv.substr(0, eq), kv.substr(eq + 1));
  }
  return env;
}

}  // namespace request::exec
