#include <catch2/catch.hpp>

#include "lib/git/credentials.hpp"

using namespace request;

TEST_CASE("git credentials: the store file is matched by scheme and host") {
  std::string store =
      "https://alice:s%40cret@example.org\n"
      "https://bob:pw2@git.example.org:8443/ignored/path\n"
      "http://carol:pw3@example.org\n";
  auto a = git::find_stored_credential(store, "https://example.org/org/repo.git");
  REQUIRE(a);
  CHECK(a->username == "alice");
  CHECK(a->password == "s@cret");
  auto b = git::find_stored_credential(store, "https://git.example.org:8443/x.git");
  REQUIRE(b);
  CHECK(b->username == "bob");
  CHECK(git::find_stored_credential(store, "http://example.org/r.git")->username == "carol");
  CHECK_FALSE(git::find_stored_credential(store, "https://git.example.org/x.git"));  // other port
  CHECK_FALSE(git::find_stored_credential(store, "https://nowhere.org/x.git"));
  // A user in the URL must match the stored one.
  CHECK_FALSE(git::find_stored_credential(store, "https://dave@example.org/r.git"));
  CHECK(git::find_stored_credential(store, "https://ALICE@Example.org/r.git") == std::nullopt);
  CHECK(git::find_stored_credential(store, "https://alice@Example.org/r.git")->password == "s@cret");
}

TEST_CASE("git credentials: malformed lines are skipped") {
  std::string store = "garbage\n\nhttps://nouser.example.org\r\nhttps://u:p@ok.example.org\r\n";
  CHECK_FALSE(git::find_stored_credential(store, "https://nouser.example.org/x"));
  auto c = git::find_stored_credential(store, "https://ok.example.org/x");
  REQUIRE(c);
  CHECK(c->password == "p");
  CHECK_FALSE(git::find_stored_credential(store, "/local/path"));
}
