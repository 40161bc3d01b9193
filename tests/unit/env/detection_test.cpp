#include <sys/stat.h>
#include <unistd.h>

#include <chrono>

#include <catch2/catch.hpp>

#include "lib/env/detection.hpp"
#include "lib/env/detector.hpp"
#include "lib/env/fingerprint.hpp"
#include "lib/env/process.hpp"
#include "lib/util/error.hpp"
#include "tests/unit/testutil.hpp"

using namespace request::env;
namespace fs = std::filesystem;

namespace {

// A fake tool: a shell script printing `output` for --version.
std::string fake_tool(const fs::path& file, const std::string& body) {
  request::test::write_text(file, "#!/bin/sh\n" + body + "\n");
  ::chmod(file.c_str(), 0755);
  return file.string();
}

Detector detector(const std::string& json) { return parse_detector(nlohmann::json::parse(json), "test:soft:x"); }

}  // namespace

TEST_CASE("capture runs commands concurrently, with exit codes and timeouts", "[env][process]") {
  auto start = std::chrono::steady_clock::now();
  auto rs = capture_all({{{"sh", "-c", "echo out; echo err >&2; exit 3"}, true},
                         {{"sh", "-c", "echo only-out; echo hidden >&2"}, false},
                         {{"sh", "-c", "sleep 0.3; echo late"}, true},
                         {{"/nonexistent/tool"}, true}},
                        5000);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  CHECK(rs[0].exit_code == 3);
  CHECK(rs[0].output == "out\nerr\n");
  CHECK(rs[1].ok());
  CHECK(rs[1].output == "only-out\n");
  CHECK(rs[2].output == "late\n");
  CHECK_FALSE(rs[3].started);
  CHECK(rs[3].failure_text(1).find("/nonexistent/tool") != std::string::npos);
  CHECK(ms < 3000);
  auto slow = capture({{"sh", "-c", "sleep 10"}, true}, 200);
  CHECK(slow.timed_out);
  CHECK(slow.failure_text(200) == "timed out after 200 ms");
  auto in = capture({{"sh", "-c", "cat; echo done"}, true}, 2000);  // stdin is /dev/null: no hang
  CHECK(in.output == "done\n");
}

TEST_CASE("extract_version takes the first capture group of the first matching line", "[env][detection]") {
  CHECK(extract_version("Debian clang version 14.0.6\nTarget: x86_64", "clang version ([0-9][^ ]*)") == "14.0.6");
  CHECK(extract_version("junk\n1.11.1\n", "^([0-9.]+)$") == "1.11.1");
  CHECK(extract_version("GNU Make 4.3", "[0-9]+\\.[0-9]+") == "4.3");
  CHECK(extract_version("nothing here", "([0-9]+)").empty());
}

TEST_CASE("detector definitions are checked field by field", "[env][detector]") {
  CHECK_THROWS_AS(detector(R"J({"name":"x","executables":["x"]})J"), request::Error);
  CHECK_THROWS_AS(detector(R"J({"name":"x","version":{"command":["{exe}"],"regex":"("}, "executables":["x"]})J"),
                  request::Error);
  try {
    detector(R"J({"name":"x","executables":"x","version":{"command":["{exe}"],"regex":"(.*)"}})J");
    FAIL("no error");
  } catch (const request::Error& e) {
    CHECK(e.code() == request::ExitCode::invalid_data);
    CHECK(e.line().find("test:soft:x") != std::string::npos);
    CHECK(e.line().find("'executables'") != std::string::npos);
  }
  nlohmann::json parent = nlohmann::json::parse(R"J({"template":true,"params":{"a":"1","b":"2"},"env":{"X":"1"}})J");
  nlohmann::json child = nlohmann::json::parse(R"J({"extends":"p","params":{"b":"3"},"name":"c"})J");
  nlohmann::json m = merge_detector_meta(parent, child);
  CHECK(m["params"] == nlohmann::json::parse(R"J({"a":"1","b":"3"})J"));
  CHECK_FALSE(m.contains("template"));
  CHECK(m["name"] == "c");
}

TEST_CASE("fake tools: found in listed folders, versions parsed, several coexist", "[env][detection]") {
  request::test::TempDir tmp;
  fake_tool(tmp / "a/mycc", "echo 'mycc version 9.1.0 (fake)'");
  fake_tool(tmp / "b/mycc", "echo 'mycc version 11.2.1 (fake)'");
  fake_tool(tmp / "b/mycc-13", "echo 'mycc version 13.0.0 (fake)'");
  fs::create_symlink(tmp / "b/mycc", tmp / "b/mycc-11");  // same file: reported once
  request::test::write_text(tmp / "b/mycc-14", "not executable");
  Detector d = detector(R"J({"name":"mycc","executables":["mycc"],"executable_patterns":["mycc-[0-9]+"],
      "provides":["compiler","mycc"],"version":{"command":["{exe}","--version"],"regex":"version ([0-9.]+)"},
      "env":{"MYCC":"{path}","MYCC_VERSION":"{version}"}})J");
  ExecutableFinder finder({(tmp / "a").string(), (tmp / "b").string(), (tmp / "a").string()});
  auto found = finder.find(d);
  REQUIRE(found.size() == 3);
  CHECK(found[0] == (tmp / "a/mycc").string());
  CHECK(found[1] == (tmp / "b/mycc").string());
  CHECK(found[2] == (tmp / "b/mycc-13").string());
  std::vector<DetectionTarget> targets;
  for (const auto& f : found) targets.push_back({&d, f, {}});
  DetectionBatch batch = run_detection(targets);
  REQUIRE(batch.found.size() == 3);
  CHECK(batch.found[0].version.text() == "9.1.0");
  CHECK(batch.found[1].version.text() == "11.2.1");
  CHECK(batch.found[2].version.text() == "13.0.0");
  CHECK(batch.found[1].env.at("MYCC") == (tmp / "b/mycc").string());
  CHECK(batch.found[1].env.at("MYCC_VERSION") == "11.2.1");
  CHECK(batch.found[1].path_dirs == std::vector<std::string>{(tmp / "b").string()});
  CHECK(batch.found[1].alias == "mycc-11.2.1");
  CHECK(batch.found[1].fingerprint.path == fs::canonical(tmp / "b/mycc").string());
}

TEST_CASE("a tool that fails, times out or prints no version is a failure with a reason", "[env][detection]") {
  request::test::TempDir tmp;
  Detector d = detector(R"J({"name":"t","executables":["t"],"version":{"command":["{exe}"],"regex":"v([0-9.]+)",
      "timeout_ms":300}})J");
  std::string bad = fake_tool(tmp / "1/t", "echo 'broken' >&2; exit 4");
  std::string mute = fake_tool(tmp / "2/t", "echo 'no numbers'");
  std::string slow = fake_tool(tmp / "3/t", "sleep 5; echo v1");
  DetectionBatch batch = run_detection({{&d, bad, {}}, {&d, mute, {}}, {&d, slow, {}}});
  CHECK(batch.found.empty());
  REQUIRE(batch.failures.size() == 3);
  CHECK(batch.failures[0].reason == "version command failed: exit code 4: broken");
  CHECK(batch.failures[1].reason == "version regex 'v([0-9.]+)' does not match the output 'no numbers'");
  CHECK(batch.failures[2].reason == "version command failed: timed out after 300 ms");
}

TEST_CASE("queries, params and a fingerprint file feed the detection", "[env][detection]") {
  request::test::TempDir tmp;
  request::test::write_text(tmp / "pc/foo.pc", "Name: foo\n");
  std::string tool = fake_tool(tmp / "bin/pkgx", "case \"$1\" in --modversion) echo 2.5.1;; --cflags) echo '-I/x  ';; "
                                                 "--dir) echo '" + (tmp / "pc").string() + "';; esac");
  Detector d = detector(R"J({"name":"foo","executables":["pkgx"],"params":{"package":"foo","prefix":"FOO"},
      "version":{"command":["{exe}","--modversion","{param.package}"],"regex":"^([0-9.]+)$"},
      "queries":{"cflags":["{exe}","--cflags"],"dir":["{exe}","--dir"]},
      "fingerprint":"{query.dir}/{param.package}.pc","path_dirs":[],
      "env":{"{param.prefix}_CFLAGS":"{query.cflags}"}})J");
  DetectionBatch batch = run_detection({{&d, tool, {}}});
  REQUIRE(batch.found.size() == 1);
  const Detection& det = batch.found[0];
  CHECK(det.version.text() == "2.5.1");
  CHECK(det.env.at("FOO_CFLAGS") == "-I/x");
  CHECK(det.path_dirs.empty());
  CHECK(det.fingerprint.file == (tmp / "pc/foo.pc").string());
  Detector unknown = detector(R"J({"name":"u","executables":["u"],"version":{"command":["{exe}","{nope}"],"regex":"(.*)"}})J");
  DetectionBatch b2 = run_detection({{&unknown, tool, {}}});
  REQUIRE(b2.failures.size() == 1);
  CHECK(b2.failures[0].reason.find("unknown placeholder '{nope}'") != std::string::npos);
}

TEST_CASE("fingerprints notice a changed and a vanished file", "[env][fingerprint]") {
  request::test::TempDir tmp;
  std::string tool = fake_tool(tmp / "t", "echo v1");
  auto fp = take_fingerprint(tool);
  REQUIRE(fp);
  CHECK(fp->sha256.size() == 64);
  CHECK(check_fingerprint(*fp) == Freshness::fresh);
  auto round = Fingerprint::from_json(fp->to_json());
  REQUIRE(round);
  CHECK(round->file == fp->file);
  CHECK(round->mtime_ns == fp->mtime_ns);
  fake_tool(tmp / "t", "echo v2 with a longer body");
  CHECK(check_fingerprint(*fp) == Freshness::changed);
  fs::remove(tmp / "t");
  CHECK(check_fingerprint(*fp) == Freshness::vanished);
  CHECK_FALSE(take_fingerprint(tmp / "t"));
}
