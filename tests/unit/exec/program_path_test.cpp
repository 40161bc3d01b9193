#include "lib/exec/program_path.hpp"

#include <cstdlib>

#include <catch2/catch.hpp>

#include "tests/unit/testutil.hpp"

using namespace request::exec;
namespace fs = std::filesystem;

TEST_CASE("program path: PATH search takes the first executable file", "[exec]") {
  request::test::TempDir tmp;
  request::test::write_text(tmp / "a" / "tool", "data, not executable\n");
  request::test::write_text(tmp / "b" / "tool", "#!/bin/sh\n");
  fs::permissions(tmp / "b" / "tool", fs::perms::owner_all);
  fs::create_directories(tmp / "c" / "tool");  // a directory is not a program
  const std::string path = (tmp / "a").string() + ":" + (tmp / "c").string() + ":" + (tmp / "b").string();
  CHECK(find_program("tool", path) == tmp / "b" / "tool");
  CHECK_FALSE(find_program("tool", (tmp / "a").string()));
  CHECK_FALSE(find_program("", path));
  CHECK(find_program("./x/y", "") == fs::path("./x/y"));
}

TEST_CASE("program path: the parent's environment as a map", "[exec]") {
  ::setenv("REQUEST_PROGRAM_PATH_TEST", "a=b", 1);
  const auto env = current_environment();
  CHECK(env.at("REQUEST_PROGRAM_PATH_TEST") == "a=b");
  ::unsetenv("REQUEST_PROGRAM_PATH_TEST");
}
