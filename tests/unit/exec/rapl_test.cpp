// RAPL energy over a fake powercap tree, and the real one when present.
#include "lib/exec/rapl.hpp"

#include <catch2/catch.hpp>

#include "tests/unit/testutil.hpp"

using namespace request::exec;
using request::test::TempDir;
using request::test::write_text;

namespace {

void zone(const TempDir& root, const std::string& dir, const std::string& name, const std::string& energy,
          const std::string& max_range) {
  write_text(root / dir / "name", name + "\n");
  write_text(root / dir / "energy_uj", energy + "\n");
  write_text(root / dir / "max_energy_range_uj", max_range + "\n");
}

}  // namespace

TEST_CASE("rapl: counters wrap at max_energy_range_uj", "[exec][rapl]") {
  CHECK(counter_delta(100, 350, 1000) == 250);
  CHECK(counter_delta(900, 50, 1000) == 150);
  CHECK(counter_delta(7, 7, 1000) == 0);
}

TEST_CASE("rapl: package zones are summed, subzones and psys are not", "[exec][rapl]") {
  TempDir root;
  zone(root, "intel-rapl:0", "package-0", "1000000", "262143328850");
  zone(root, "intel-rapl:0:0", "core", "5", "262143328850");
  zone(root, "intel-rapl:1", "package-1", "262143000000", "262143328850");
  zone(root, "intel-rapl:2", "psys", "42", "262143328850");
  RaplReader reader(root.path());
  REQUIRE(reader.available());
  REQUIRE(reader.zones().size() == 2);
  CHECK(reader.zones()[0].name == "package-0");
  CHECK(reader.zones()[1].name == "package-1");

  const auto before = reader.read();
  REQUIRE(before);
  CHECK(*before == RaplSnapshot{1000000, 262143000000});
  write_text(root / "intel-rapl:0" / "energy_uj", "3500000\n");  // +2.5 J
  write_text(root / "intel-rapl:1" / "energy_uj", "671150\n");    // wrapped: +1.0 J
  const auto after = reader.read();
  REQUIRE(after);
  CHECK(reader.joules(*before, *after) == Approx(3.5));
}

TEST_CASE("rapl: psys alone is used when there is no package zone", "[exec][rapl]") {
  TempDir root;
  zone(root, "intel-rapl:0", "psys", "10", "100");
  RaplReader reader(root.path());
  REQUIRE(reader.available());
  CHECK(reader.zones().at(0).name == "psys");
}

TEST_CASE("rapl: unavailable is reported with the reason, never as zero", "[exec][rapl]") {
  TempDir root;
  SECTION("no powercap directory") {
    RaplReader reader(root / "missing");
    CHECK_FALSE(reader.available());
    CHECK(reader.unavailable_reason().find("does not exist") != std::string::npos);
    CHECK_FALSE(reader.read());
  }
  SECTION("no RAPL zone") {
    write_text(root / "dtpm" / "name", "dtpm\n");
    RaplReader reader(root.path());
    CHECK_FALSE(reader.available());
    CHECK(reader.unavailable_reason().find("no RAPL zones") != std::string::npos);
  }
  SECTION("unreadable counter") {
    zone(root, "intel-rapl:0", "package-0", "1", "100");
    std::filesystem::remove(root / "intel-rapl:0" / "energy_uj");
    std::filesystem::create_directory(root / "intel-rapl:0" / "energy_uj");  // read() fails: EISDIR
    RaplReader reader(root.path());
    CHECK_FALSE(reader.available());
    CHECK(reader.unavailable_reason().find("cannot read") != std::string::npos);
    CHECK(reader.unavailable_reason().find("energy_uj") != std::string::npos);
    CHECK_FALSE(reader.read());
  }
  SECTION("garbage in the counter") {
    zone(root, "intel-rapl:0", "package-0", "12abc", "100");
    RaplReader reader(root.path());
    CHECK_FALSE(reader.available());
    CHECK(reader.unavailable_reason().find("is not a counter: '12abc'") != std::string::npos);
  }
  SECTION("a counter that becomes unreadable later") {
    zone(root, "intel-rapl:0", "package-0", "1", "100");
    RaplReader reader(root.path());
    REQUIRE(reader.available());
    write_text(root / "intel-rapl:0" / "energy_uj", "");
    CHECK_FALSE(reader.read());
    CHECK_FALSE(reader.available());
  }
}

TEST_CASE("rapl: this machine either reads counters or says why not", "[exec][rapl]") {
  RaplReader reader;
  if (reader.available()) {
    CHECK_FALSE(reader.zones().empty());
    CHECK(reader.read());
  } else {
    CHECK_FALSE(reader.unavailable_reason().empty());
    CHECK_FALSE(reader.read());
  }
}
