#include <catch2/catch.hpp>

#include "lib/env/version.hpp"
#include "lib/env/version_range.hpp"
#include "lib/util/error.hpp"

using request::env::Version;
using request::env::VersionRange;

namespace {

Version v(const char* text) {
  auto p = Version::parse(text);
  REQUIRE(p);
  return *p;
}

int cmp(const char* a, const char* b) { return request::env::compare(v(a), v(b)); }

}  // namespace

TEST_CASE("versions split into numeric and text parts", "[env][version]") {
  CHECK(v("12.2.0").parts_json() == nlohmann::json::parse("[12,2,0]"));
  CHECK(v("3.12.0rc1").parts_json() == nlohmann::json::parse(R"([3,12,0,"rc",1])"));
  CHECK(v("v1.15.0").parts_json() == nlohmann::json::parse("[1,15,0]"));
  CHECK(v("1.2.3-beta+4").parts_json() == nlohmann::json::parse(R"([1,2,3,"beta",4])"));
  CHECK_FALSE(Version::parse(""));
  CHECK_FALSE(Version::parse("abc"));
  CHECK_FALSE(Version::parse("1.2 3"));
  // Too large for a number: kept as text, still parses.
  CHECK(Version::parse("1.123456789012345678901234567890"));
}

TEST_CASE("versions compare part by part", "[env][version]") {
  CHECK(cmp("12.2.0", "12.10.0") < 0);
  CHECK(cmp("9", "10") < 0);
  CHECK(cmp("11", "11.0.0") == 0);
  CHECK(cmp("11.0.1", "11") > 0);
  CHECK(cmp("1.0rc1", "1.0") < 0);
  CHECK(cmp("1.0rc1", "1.0rc2") < 0);
  CHECK(cmp("1.0alpha", "1.0beta") < 0);
  CHECK(cmp("1.0.1", "1.0rc1") > 0);
  CHECK(request::env::has_prefix(v("12.2.0"), v("12")));
  CHECK(request::env::has_prefix(v("12.2.0"), v("12.2.0")));
  CHECK_FALSE(request::env::has_prefix(v("12.2.0"), v("12.3")));
  CHECK_FALSE(request::env::has_prefix(v("1.20"), v("1.2")));
}

TEST_CASE("version ranges: every operator", "[env][range]") {
  auto in = [](const char* range, const char* version) { return VersionRange::parse(range).contains(v(version)); };
  CHECK(in(">=11 <15", "12.2.0"));
  CHECK_FALSE(in(">=11 <15", "15.0.0"));
  CHECK_FALSE(in(">=11 <15", "10.3"));
  CHECK(in(">=11,<15", "14.9"));
  CHECK(in(">= 11 , < 15", "11"));
  CHECK(in(">11", "11.0.1"));
  CHECK_FALSE(in(">11", "11.0.0"));
  CHECK(in("<=3.11", "3.11.0"));
  CHECK_FALSE(in("<=3.11", "3.11.2"));
  CHECK(in("==12", "12.2.0"));
  CHECK(in("==12.*", "12.2.0"));
  CHECK(in("12.2", "12.2.7"));
  CHECK_FALSE(in("==12", "13.0"));
  CHECK(in("!=3.9", "3.10.1"));
  CHECK_FALSE(in("!=3.9.*", "3.9.2"));
  CHECK(in("~=1.4.5", "1.4.9"));
  CHECK_FALSE(in("~=1.4.5", "1.5.0"));
  CHECK_FALSE(in("~=1.4.5", "1.4.4"));
  CHECK(in("~=2.2", "2.9"));
  CHECK_FALSE(in("~=2.2", "3.0"));
  CHECK(in("~=12", "12.9"));
  CHECK_FALSE(in("~=12", "13"));
  CHECK(in("", "1"));
  CHECK(in("*", "0.1"));
  CHECK(VersionRange::parse(">= 11 <15").str() == ">=11 <15");
  const auto r = VersionRange::parse(">=11 <15");
  REQUIRE(r.first_failed(v("15.1")));
  CHECK(r.first_failed(v("15.1"))->text == "<15");
}

TEST_CASE("bad version ranges are usage errors naming the term", "[env][range]") {
  try {
    VersionRange::parse(">=11 <<15");
    FAIL("no error");
  } catch (const request::Error& e) {
    CHECK(e.code() == request::ExitCode::usage);
    CHECK(e.line().find("'<<15'") != std::string::npos);
  }
  CHECK_THROWS_AS(VersionRange::parse(">=abc"), request::Error);
  CHECK_THROWS_AS(VersionRange::parse(">="), request::Error);
}
