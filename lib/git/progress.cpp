#include "lib/git/progress.hpp"

#include <fmt/format.h>

namespace request::git {

std::string format_bytes(size_t bytes) {
  if (bytes < 1024) return fmt::format("{} B", bytes);
  double v = static_cast<double>(bytes) / 1024.0;
  const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
  size_t u = 0;
  while (v >= 1024.0 && u + 1 < std::size(units)) {
    v /= 1024.0;
    ++u;
  }
  return fmt::format("{:.1f} {}", v, units[u]);
}

std::string format_progress(const Progress& p) {
  const char* what = p.stage == Progress::Stage::receiving   ? "receiving objects"
                     : p.stage == Progress::Stage::resolving ? "resolving deltas"
                                                             : "checking out files";
  std::string line = what;
  line += ": ";
  if (p.total > 0) {
    size_t pct = p.current >= p.total ? 100 : p.current * 100 / p.total;
    line += fmt::format("{:3}% ({}/{})", pct, p.current, p.total);
  } else {
    line += std::to_string(p.current);
  }
  if (p.stage == Progress::Stage::receiving) line += ", " + format_bytes(p.bytes);
  return line;
}

}  // namespace request::git
