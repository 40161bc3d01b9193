#include <catch2/catch.hpp>

#include "modules/program/output_check.hpp"
#include "tests/unit/testutil.hpp"

using namespace request;

TEST_CASE("an exact check compares bytes", "[run]") {
  test::TempDir dir;
  test::write_text(dir / "scratch/out.txt", "1 2 3\n");
  test::write_text(dir / "ref/good.txt", "1 2 3\n");
  test::write_text(dir / "ref/bad.txt", "1 2 4\n");
  util::Variables vars = {{"SRC", (dir / "ref").string()}};
  program::CheckSpec c{"out.txt", "$SRC/good.txt", std::nullopt};
  CHECK(program::check_output(c, dir / "scratch", vars, "p").empty());
  c.reference = "$SRC/bad.txt";
  CHECK_THAT(program::check_output(c, dir / "scratch", vars, "p"), Catch::Contains("at byte 4"));
  c.output = "none.txt";
  CHECK_THAT(program::check_output(c, dir / "scratch", vars, "p"), Catch::Contains("wrote no output file"));
}

TEST_CASE("a check with a tolerance compares numbers", "[run]") {
  CHECK(program::compare_with_tolerance("1.0000001 x 2", "1 x 2.0", 1e-6).empty());
  CHECK_THAT(program::compare_with_tolerance("1.1 x", "1 x", 1e-6), Catch::Contains("value 1 is 1.1"));
  CHECK_THAT(program::compare_with_tolerance("1 y", "1 x", 1e-6), Catch::Contains("value 2 is 'y'"));
  CHECK_THAT(program::compare_with_tolerance("1", "1 2", 1e-6), Catch::Contains("1 values, reference has 2"));
  CHECK(program::compare_with_tolerance("1000.5", "1000", 1e-3).empty());  // relative to |reference|
}
