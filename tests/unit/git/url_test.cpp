#include <catch2/catch.hpp>

#include "lib/git/url.hpp"
#include "lib/util/error.hpp"
#include "tests/unit/testutil.hpp"

using namespace request;

TEST_CASE("git url: local paths and scheme URLs are told apart") {
  CHECK(git::is_local_path("/srv/repos/a.git"));
  CHECK(git::is_local_path("../a"));
  CHECK(git::is_local_path("./odd:name"));
  CHECK_FALSE(git::is_local_path("file:///srv/a.git"));
  CHECK_FALSE(git::is_local_path("https://example.org/a.git"));
  CHECK_FALSE(git::is_local_path("git@example.org:org/a.git"));
}

TEST_CASE("git url: normalize makes local paths absolute and checks they exist") {
  test::TempDir tmp;
  std::filesystem::create_directories(tmp / "a.git");
  CHECK(git::normalize_url("a.git/", tmp.path()) == (tmp / "a.git").string());
  CHECK(git::normalize_url("./x/../a.git", tmp.path()) == (tmp / "a.git").string());
  CHECK(git::normalize_url("https://h/a.git/", tmp.path()) == "https://h/a.git");
  try {
    git::normalize_url("missing.git", tmp.path());
    FAIL("no error for a missing folder");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::not_found);
    CHECK(e.where() == "'missing.git'");
  }
}

TEST_CASE("git url: same_url treats file:// and paths alike") {
  CHECK(git::same_url("file:///srv/a.git", "/srv/a.git"));
  CHECK(git::same_url("/srv/a.git/", "/srv/./a.git"));
  CHECK(git::same_url("https://h/a.git/", "https://h/a.git"));
  CHECK_FALSE(git::same_url("/srv/a.git", "/srv/a"));
  CHECK_FALSE(git::same_url("https://h/a.git", "https://other/a.git"));
}

TEST_CASE("git url: basename drops .git and the path") {
  CHECK(git::url_basename("https://h/org/bench.git") == "bench");
  CHECK(git::url_basename("git@h:org/bench.git/") == "bench");
  CHECK(git::url_basename("/srv/plain") == "plain");
  CHECK(git::url_basename("file:///srv/x.git") == "x");
}

TEST_CASE("git url: relative dependency URLs resolve against the parent, as submodules") {
  CHECK(git::resolve_relative_url("https://h/org/a.git", "../b.git") == "https://h/org/b.git");
  CHECK(git::resolve_relative_url("https://h/org/a.git/", "./sub") == "https://h/org/a.git/sub");
  CHECK(git::resolve_relative_url("file:///srv/a.git", "../b.git") == "file:///srv/b.git");
  CHECK(git::resolve_relative_url("/srv/a.git", "../c/b.git") == "/srv/c/b.git");
  CHECK(git::resolve_relative_url("git@h:org/a.git", "../b.git") == "git@h:org/b.git");
  CHECK(git::resolve_relative_url("/srv/a.git", "https://x/y.git") == "https://x/y.git");
}
