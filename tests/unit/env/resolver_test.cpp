#include <catch2/catch.hpp>

#include "lib/env/resolver.hpp"
#include "lib/util/error.hpp"

using namespace request::env;

namespace {

Candidate cand(const std::string& id, const std::string& version, const std::string& path, size_t rank = 0) {
  Candidate c;
  c.id = id;
  c.version = *Version::parse(version);
  c.path = path;
  c.rank = rank;
  return c;
}

}  // namespace

TEST_CASE("the highest satisfying version wins, others are explained", "[env][resolver]") {
  std::vector<Candidate> cs = {cand("gcc-11", "11.4.0", "/usr/bin/gcc-11"), cand("gcc-13", "13.1.0", "/opt/bin/gcc"),
                               cand("gcc-15", "15.0.0", "/usr/bin/gcc-15")};
  Choice c = choose(VersionRange::parse(">=11 <15"), cs, {"/usr/bin"});
  REQUIRE(c.chosen);
  CHECK(cs[*c.chosen].id == "gcc-13");
  REQUIRE(c.rejected.size() == 2);
  CHECK(c.rejected[0].id == "gcc-15");
  CHECK(c.rejected[0].reason == "version 15.0.0 does not satisfy '<15'");
  CHECK(c.rejected[1].id == "gcc-11");
  CHECK(c.rejected[1].reason == "version 11.4.0 is lower than 13.1.0");
}

TEST_CASE("ties break by PATH order, then repository, then id", "[env][resolver]") {
  std::vector<Candidate> cs = {cand("b", "1.0", "/opt/x/tool"), cand("a", "1.0", "/usr/bin/tool"),
                               cand("c", "1.0", "/usr/local/bin/tool")};
  Choice c = choose(VersionRange::parse(""), cs, {"/usr/local/bin", "/usr/bin"});
  REQUIRE(c.chosen);
  CHECK(cs[*c.chosen].id == "c");
  // Not in PATH at all: repository rank, then id.
  std::vector<Candidate> off = {cand("z", "1.0", "/x/t", 1), cand("y", "1.0", "/x/t", 0), cand("a", "1.0", "/x/t", 1)};
  Choice d = choose(VersionRange::parse(""), off, {});
  CHECK(off[*d.chosen].id == "y");
  CHECK(d.rejected[0].id == "a");
  // The order of the input does not matter.
  std::vector<Candidate> rev(off.rbegin(), off.rend());
  CHECK(rev[*choose(VersionRange::parse(""), rev, {}).chosen].id == "y");
}

TEST_CASE("unusable candidates are never chosen", "[env][resolver]") {
  std::vector<Candidate> cs = {cand("new", "2.0", "/a/t"), cand("old", "1.0", "/a/t")};
  cs[0].unusable = "vanished: '/a/t' no longer exists";
  Choice c = choose(VersionRange::parse(""), cs, {});
  REQUIRE(c.chosen);
  CHECK(cs[*c.chosen].id == "old");
  CHECK(c.rejected[0].reason == "vanished: '/a/t' no longer exists");
  cs[1].unusable = "stale";
  CHECK_FALSE(choose(VersionRange::parse(""), cs, {}).chosen);
}

TEST_CASE("variables merge, and a conflict names both dependencies", "[env][resolver]") {
  std::vector<VariableSource> ok = {{"cc", "env:gcc", {{"CC", "/usr/bin/gcc"}}},
                                    {"cxx", "env:gxx", {{"CXX", "/usr/bin/g++"}, {"CC", "/usr/bin/gcc"}}}};
  auto merged = merge_variables(ok);
  CHECK(merged.size() == 2);
  CHECK(merged["CC"] == "/usr/bin/gcc");
  std::vector<VariableSource> bad = {{"cc", "env:gcc", {{"CC", "/usr/bin/gcc"}}},
                                     {"cc2", "env:clang", {{"CC", "/usr/bin/clang"}}}};
  try {
    merge_variables(bad);
    FAIL("no conflict");
  } catch (const request::Error& e) {
    CHECK(e.code() == request::ExitCode::unresolved);
    CHECK(e.line().find("'cc' (env:gcc)") != std::string::npos);
    CHECK(e.line().find("'cc2' (env:clang)") != std::string::npos);
  }
}
