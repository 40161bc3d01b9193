#include <catch2/catch.hpp>

#include "lib/util/error.hpp"
#include "lib/util/sha256.hpp"
#include "tests/unit/testutil.hpp"

using namespace request;

TEST_CASE("sha256 of known vectors", "[util][sha256]") {
  CHECK(util::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(util::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  util::Sha256 h;
  h.update("a");
  h.update("bc");
  CHECK(h.hex_digest() == util::sha256_hex("abc"));
}

TEST_CASE("sha256 of a file streams it and names a missing one", "[util][sha256]") {
  test::TempDir dir;
  std::string big(200000, 'x');
  test::write_text(dir / "f", big);
  CHECK(util::sha256_file(dir / "f") == util::sha256_hex(big));
  try {
    util::sha256_file(dir / "missing");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::not_found);
    CHECK(e.where() == (dir / "missing").string());
  }
}
