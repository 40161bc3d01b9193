#include "lib/exec/rapl.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include "lib/exec/unique_fd.hpp"
#include "lib/util/error.hpp"

namespace fs = std::filesystem;

namespace request::exec {

namespace {

// Reads a small sysfs file; an error text on failure.
std::string read_small(const fs::path& path, std::string& text) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) return fmt::format("cannot read '{}': {}", path.string(), errno_text(errno));
  char buf[128];
  ssize_t n;
  do {
    n = ::read(fd.get(), buf, sizeof buf);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return fmt::format("cannot read '{}': {}", path.string(), errno_text(errno));
  text.assign(buf, static_cast<size_t>(n));
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return {};
}

std::string read_counter(const fs::path& path, uint64_t& value) {
  std::string text;
  if (std::string e = read_small(path, text); !e.empty()) return e;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || p != text.data() + text.size() || text.empty()) {
    return fmt::format("'{}' is not a counter: '{}'", path.string(), text);
  }
  return {};
}

// "intel-rapl:0" yes; "intel-rapl:0:1" (a subzone, already inside its package) no.
bool is_top_level_zone(const std::string& name) {
  const std::string prefix = "intel-rapl:";
  if (name.rfind(prefix, 0) != 0 || name.size() == prefix.size()) return false;
  return std::all_of(name.begin() + static_cast<long>(prefix.size()), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

uint64_t counter_delta(uint64_t before, uint64_t after, uint64_t max_range) {
  if (after >= before) return after - before;
  return max_range - before + after;
}

RaplReader::RaplReader(const fs::path& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    m_reason = fmt::format("no powercap interface: '{}' does not exist", root.string());
    return;
  }
  std::vector<RaplZone> packages, platform;
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(root, ec)) {
    if (is_top_level_zone(e.path().filename().string())) dirs.push_back(e.path());
  }
  std::sort(dirs.begin(), dirs.end());
  for (const auto& dir : dirs) {
    RaplZone zone;
    zone.energy_file = dir / "energy_uj";
    if (std::string e = read_small(dir / "name", zone.name); !e.empty()) zone.name = dir.filename().string();
    uint64_t now = 0;
    if (std::string e = read_counter(zone.energy_file, now); !e.empty()) {
      m_reason = e;
      return;
    }
    if (std::string e = read_counter(dir / "max_energy_range_uj", zone.max_energy_uj); !e.empty()) {
      m_reason = e;
      return;
    }
    (zone.name == "psys" ? platform : packages).push_back(std::move(zone));
  }
  m_zones = packages.empty() ? platform : packages;
  if (m_zones.empty()) m_reason = fmt::format("no RAPL zones (intel-rapl:N) under '{}'", root.string());
}

std::optional<RaplSnapshot> RaplReader::read() {
  if (!available()) return std::nullopt;
  RaplSnapshot snap(m_zones.size());
  for (size_t i = 0; i < m_zones.size(); ++i) {
    if (std::string e = read_counter(m_zones[i].energy_file, snap[i]); !e.empty()) {
      m_reason = e;
      return std::nullopt;
    }
  }
  return snap;
}

double RaplReader::joules(const RaplSnapshot& before, const RaplSnapshot& after) const {
  uint64_t total = 0;
  for (size_t i = 0; i < m_zones.size() && i < before.size() && i < after.size(); ++i) {
    total += counter_delta(before[i], after[i], m_zones[i].max_energy_uj);
  }
  return static_cast<double>(total) / 1e6;
}

}  // namespace request::exec
