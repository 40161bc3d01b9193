#pragma once
// Package energy from Intel/AMD RAPL counters in /sys/class/powercap: read
// before and after a repetition; "unavailable" with the reason, never a fake 0.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace request::exec {

// Where the kernel exposes powercap zones.
inline const std::filesystem::path k_powercap_root = "/sys/class/powercap";

// One counted zone: intel-rapl:N (a package, or the platform "psys").
struct RaplZone {
  std::string name;                    // contents of `name`, e.g. "package-0"
  std::filesystem::path energy_file;   // .../energy_uj
  uint64_t max_energy_uj = 0;          // max_energy_range_uj: the counter wraps after this
};

// Counter values of every zone at one instant, in the order of zones().
using RaplSnapshot = std::vector<uint64_t>;

// Finds the zones once; read() takes snapshots, joules() turns two into energy.
class RaplReader {
public:
  // Scans `root` for top-level zones intel-rapl:N. Packages are summed; a
  // "psys" zone is used alone when there is no package zone.
  explicit RaplReader(const std::filesystem::path& root = k_powercap_root);

  // True when every chosen zone was readable at construction.
  bool available() const { return m_reason.empty(); }
  // Why energy is unavailable, e.g. "cannot read '/sys/...energy_uj': Permission denied".
  const std::string& unavailable_reason() const { return m_reason; }
  const std::vector<RaplZone>& zones() const { return m_zones; }

  // Current counters; nullopt (and the reason updated) when a read fails.
  std::optional<RaplSnapshot> read();
  // Energy between two snapshots in joules, each counter unwrapped once.
  double joules(const RaplSnapshot& before, const RaplSnapshot& after) const;

private:
  std::vector<RaplZone> m_zones;
  std::string m_reason;
};

// after - before for a counter that wraps to 0 after max_range (at most one wrap).
uint64_t counter_delta(uint64_t before, uint64_t after, uint64_t max_range);

}  // namespace request::exec
