#include <catch2/catch.hpp>

#include "lib/schema/validator.hpp"
#include "lib/store/entry.hpp"
#include "modules/result/result_entry.hpp"
#include "tests/unit/testutil.hpp"

using namespace request;
using nlohmann::json;

namespace {
store::Entry program_entry(const test::TempDir& dir) {
  store::Entry e;
  e.repo = "local";
  e.module = "program";
  e.alias = "p";
  e.uid = "0123456789abcdef";
  e.path = dir / "p";
  test::write_text(e.path / "meta.json", "{}");
  e.meta = json::parse(R"json({"uid": "0123456789abcdef", "alias": "p", "tags": [], "run": "true",
    "metrics": {"acc": {"from": "stdout", "regex": "acc=(\\S+)", "unit": "%", "direction": "max"}}})json");
  return e;
}

result::ResultParts parts_for(const store::Entry& e) {
  result::ResultParts p;
  p.uid = "fedcba9876543210";
  p.alias = "p-fedcba9876543210";
  p.tags = {"nightly", "result"};
  p.program = e;
  p.program_ref = result::entry_ref(e);
  p.choices = {{"n", 4}};
  p.build = {{"key", std::string(64, 'a')}, {"cached", true}};
  p.energy_unavailable = "no RAPL zones";
  return p;
}
}  // namespace

TEST_CASE("an ok point becomes a valid result with summaries", "[result]") {
  test::TempDir dir;
  store::Entry e = program_entry(dir);
  auto spec = program::parse_program(e);
  program::PointOutcome pt;
  pt.command = "true";
  pt.exit_code = 0;
  pt.repetitions = 3;
  pt.samples = {{"wall_time_s", {0.1, 0.2, 0.3}}, {"max_rss_bytes", {10, 10, 10}}, {"acc", {90, 91, 92}}};
  json r = result::make_result(parts_for(e), spec, pt);
  CHECK(schema::validate_entry(r, "result").empty());
  CHECK_NOTHROW(store::require_valid_meta(r, "result", "test"));
  CHECK(r["schema"] == "request.result/1");
  CHECK(r["status"] == "ok");
  CHECK_FALSE(r.contains("reason"));
  CHECK(r["tags"] == json({"result", "p", "nightly"}));
  CHECK(r["program"]["cid"] == "local:program:p");
  CHECK(r["program"]["uid"] == "0123456789abcdef");
  CHECK(r["choices"]["n"] == 4);
  CHECK(r["metrics"]["wall_time_s"]["median"] == 0.2);
  CHECK(r["metrics"]["wall_time_s"]["direction"] == "min");
  CHECK(r["metrics"]["wall_time_s"]["samples"].size() == 3);
  CHECK(r["metrics"]["max_rss_bytes"]["unit"] == "bytes");
  CHECK(r["metrics"]["acc"]["direction"] == "max");
  CHECK(r["metrics"]["acc"]["unit"] == "%");
  CHECK(r["metrics"]["acc"]["ci95"].size() == 2);
  CHECK_FALSE(r["metrics"].contains("energy_j"));
  CHECK(r["run"]["energy"]["available"] == false);
  CHECK(r["run"]["energy"]["reason"] == "no RAPL zones");
  CHECK(r["run"]["repetitions"] == 3);
  CHECK(r["build"]["cached"] == true);
  CHECK_FALSE(r.contains("dataset"));
}

TEST_CASE("a failed point is still a valid result, with the reason and no metrics", "[result]") {
  test::TempDir dir;
  store::Entry e = program_entry(dir);
  auto spec = program::parse_program(e);
  program::PointOutcome pt;
  pt.status = "timeout";
  pt.reason = "repetition 1: timeout after 1s";
  pt.term_signal = 9;
  pt.samples = {{"wall_time_s", {0.1}}};
  json r = result::make_result(parts_for(e), spec, pt);
  CHECK(schema::validate_entry(r, "result").empty());
  CHECK(r["status"] == "timeout");
  CHECK(r["reason"] == "repetition 1: timeout after 1s");
  CHECK(r["metrics"].empty());
  CHECK(r["run"]["exit_code"].is_null());
  CHECK(r["run"]["signal"] == 9);
}
