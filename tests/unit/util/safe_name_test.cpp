#include "lib/util/safe_name.hpp"

#include <set>

#include <catch2/catch.hpp>

#include "lib/util/error.hpp"
#include "lib/util/strings.hpp"
#include "tests/unit/testutil.hpp"

namespace fs = std::filesystem;
using namespace request;

TEST_CASE("names: valid aliases pass", "[util][names]") {
  for (const char* ok : {"a", "0", "matmul", "resnet-50", "v1.2_x", "a-b.c_d"}) CHECK(util::name_problem(ok).empty());
  CHECK(util::name_problem(std::string(128, 'a')).empty());
}

TEST_CASE("names: every unsafe family is refused with its reason", "[util][names]") {
  CHECK(util::name_problem("") == "is empty");
  CHECK(util::name_problem("..") == "is a relative path component");
  CHECK(util::name_problem(".") == "is a relative path component");
  CHECK(util::name_problem("a..b") == "contains '..'");
  CHECK(util::name_problem("a/b") == "contains '/'");
  CHECK(util::name_problem("/etc") == "contains '/'");
  CHECK(util::name_problem(".hidden") == "starts with '.'");
  CHECK(util::name_problem("Upper") == "contains upper case (names are lower case)");
  CHECK(util::name_problem("a\tb") == "contains a control character");
  CHECK(util::name_problem(std::string("a\0b", 3)) == "contains a control character");
  CHECK(util::name_problem("a\x7f") == "contains a control character");
  CHECK(util::name_problem(std::string(129, 'a')) == "is longer than 128 characters");
  CHECK(util::name_problem("-x") == "must start with a letter or digit");
  CHECK(util::name_problem("a b") == "contains ' ' (allowed: a-z 0-9 . _ -)");
  CHECK(util::name_problem("caf\xc3\xa9") == "contains a non-ASCII character");
  try {
    util::require_safe_name("Bad", "alias");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::invalid_data);
    CHECK(e.line() == "alias 'Bad': unsafe name: contains upper case (names are lower case) (hint: names match "
                      "[a-z0-9][a-z0-9._-]*)");
  }
}

TEST_CASE("uids: 16 lower-case hex digits, fresh each time", "[util][names]") {
  CHECK(util::is_uid("0123456789abcdef"));
  CHECK_FALSE(util::is_uid("0123456789ABCDEF"));
  CHECK_FALSE(util::is_uid("0123456789abcde"));
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string u = util::new_uid();
    CHECK(util::is_uid(u));
    seen.insert(u);
  }
  CHECK(seen.size() == 1000);
}

TEST_CASE("require_inside: paths and symlinks that leave the root are refused", "[util][names]") {
  test::TempDir tmp;
  fs::create_directories(tmp / "root" / "mod");
  fs::create_directories(tmp / "outside");
  fs::create_symlink(tmp / "outside", tmp / "root" / "escape");
  fs::create_symlink(tmp / "root" / "mod", tmp / "root" / "inner");
  CHECK_NOTHROW(util::require_inside(tmp / "root", tmp / "root" / "mod" / "new"));
  CHECK_NOTHROW(util::require_inside(tmp / "root", tmp / "root" / "inner" / "x"));
  CHECK_THROWS_AS(util::require_inside(tmp / "root", tmp / "root" / "escape" / "x"), Error);
  CHECK_THROWS_AS(util::require_inside(tmp / "root", tmp / "root" / ".." / "outside"), Error);
  CHECK_THROWS_AS(util::require_inside(tmp / "root", tmp / "rootx"), Error);
}

TEST_CASE("strings: split, join, distance, wildcards", "[util][strings]") {
  CHECK(util::split("a,,b", ',') == std::vector<std::string>{"a", "b"});
  CHECK(util::split("a,,b", ',', false) == std::vector<std::string>{"a", "", "b"});
  CHECK(util::join({"a", "b"}, ", ") == "a, b");
  CHECK(util::edit_distance("find", "fnd") == 1);
  CHECK(util::edit_distance("", "abc") == 3);
  CHECK(util::wildcard_match("e*", "e12"));
  CHECK(util::wildcard_match("e?2", "e12"));
  CHECK(util::wildcard_match("*", ""));
  CHECK_FALSE(util::wildcard_match("e?", "e12"));
  CHECK_FALSE(util::wildcard_match("a*b", "acbx"));
  CHECK(util::has_wildcards("a*"));
  CHECK_FALSE(util::has_wildcards("abc"));
}
