#include "lib/exec/fake_command_runner.hpp"

#include <catch2/catch.hpp>

using namespace request::exec;

TEST_CASE("fake runner: records specs and answers from its script", "[exec]") {
  FakeCommandRunner fake;
  CommandRunner& runner = fake;
  ProcessResult crash;
  crash.term_signal = 11;
  fake.push(crash);
  ProcessSpec spec;
  spec.argv = {"prog", "--size", "64"};
  CHECK(runner.run(spec).term_signal == 11);
  const ProcessResult ok = runner.run(spec);
  CHECK(ok.ok());
  CHECK(ok.wall_s == fake.m_default_wall_s);
  fake.m_respond = [](const ProcessSpec& s) {
    ProcessResult r;
    r.exit_code = static_cast<int>(s.argv.size());
    return r;
  };
  CHECK(runner.run(spec).exit_code == 3);
  REQUIRE(fake.m_calls.size() == 3);
  CHECK(fake.m_calls[0].argv == spec.argv);
}
