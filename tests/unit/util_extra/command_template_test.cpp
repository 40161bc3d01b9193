#include <catch2/catch.hpp>

#include "lib/util/command_template.hpp"
#include "lib/util/error.hpp"

using namespace request;

TEST_CASE("variables expand in both forms and $$ is a dollar", "[util][template]") {
  util::Variables v{{"CXX", "g++"}, {"opt", "3"}, {"OUT", "/b"}};
  CHECK(util::expand_variables("$CXX -O$opt -o ${OUT}/x $$HOME", v, "w") == "g++ -O3 -o /b/x $HOME");
  CHECK(util::expand_variables("${opt}x", v, "w") == "3x");
}

TEST_CASE("an unknown variable names itself and the place", "[util][template]") {
  util::Variables v;
  try {
    util::expand_variables("run $NOPE", v, "program:p");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::invalid_data);
    CHECK(e.where() == "program:p");
    CHECK_THAT(e.message(), Catch::Contains("$NOPE"));
  }
  CHECK_THROWS_AS(util::expand_variables("a ${B", v, "w"), Error);
  CHECK_THROWS_AS(util::expand_variables("a $ b", v, "w"), Error);
}

TEST_CASE("commands split like a shell without running one", "[util][template]") {
  using V = std::vector<std::string>;
  CHECK(util::split_command("a  b\tc", "w") == V{"a", "b", "c"});
  CHECK(util::split_command("echo 'a b' \"c \\\"d\\\"\" e\\ f", "w") == V{"echo", "a b", "c \"d\"", "e f"});
  CHECK(util::split_command("x''y", "w") == V{"xy"});
  CHECK_THROWS_AS(util::split_command("echo 'a", "w"), Error);
  CHECK_THROWS_AS(util::split_command("echo \"a", "w"), Error);
  CHECK_THROWS_AS(util::split_command("   ", "w"), Error);
}

TEST_CASE("shell quoting round-trips through split_command", "[util][template]") {
  std::vector<std::string> argv{"prog", "plain", "with space", "it's", "", "$x"};
  CHECK(util::split_command(util::shell_join(argv), "w") == argv);
  CHECK(util::shell_quote("a/b-c.d=1") == "a/b-c.d=1");
}
