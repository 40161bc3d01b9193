// Text, CSV, JSON and Markdown writers of a Pareto report.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "lib/report/svg_plot.hpp"
#include "lib/report/text_table.hpp"
#include "lib/report/writers.hpp"

using namespace request::report;

namespace {

ParetoReport sample() {
  ParetoReport r;
  r.objectives = {{"latency", "min", "ms"}, {"acc", "max", ""}};
  ParetoGroup g;
  g.ids = {"slow,good", "fast", "bad \"one\""};
  g.values = {20, 0.9, 5, 0.7, 30, 0.5};
  g.frontier = {1, 1, 0};
  g.ranks = {1, 1, 0};
  g.excluded = {{"nolat", "missing value for 'latency'"}};
  g.hypervolume = 12.5;
  r.groups.push_back(g);
  return r;
}

}  // namespace

TEST_CASE("json has the CLI.md shape", "[report]") {
  ParetoReport r = sample();
  auto j = nlohmann::json::parse(write_json(r));
  CHECK(j["objectives"][0]["name"] == "latency");
  CHECK(j["objectives"][0]["unit"] == "ms");
  CHECK(j["objectives"][1]["direction"] == "max");
  REQUIRE(j["points"].size() == 3);
  CHECK(j["points"][0]["id"] == "slow,good");
  CHECK(j["points"][0]["values"]["acc"] == 0.9);
  CHECK(j["points"][0]["rank"] == 1);
  CHECK(j["points"][2]["rank"].is_null());
  CHECK(j["points"][2]["frontier"] == false);
  CHECK(j["points"][2]["id"] == "bad \"one\"");
  CHECK(j["frontier"] == nlohmann::json({"slow,good", "fast"}));
  CHECK(j["excluded"][0]["reason"] == "missing value for 'latency'");
  CHECK(j["hypervolume"] == 12.5);
  r.groups[0].hypervolume.reset();
  r.ranks = true;
  r.groups[0].ranks = {1, 1, 2};
  j = nlohmann::json::parse(write_json(r));
  CHECK(j["hypervolume"].is_null());
  CHECK(j["points"][2]["rank"] == 2);
}

TEST_CASE("json with groups", "[report]") {
  ParetoReport r = sample();
  r.group_by = "platform";
  r.groups[0].name = "pi";
  ParetoGroup empty;
  empty.name = "xeon";
  r.groups.push_back(empty);
  auto j = nlohmann::json::parse(write_json(r));
  CHECK(j["group_by"] == "platform");
  CHECK(j["groups"][0]["group"] == "pi");
  CHECK(j["groups"][0]["points"].size() == 3);
  CHECK(j["groups"][1]["points"].empty());
  CHECK(j["groups"][1]["frontier"].empty());
}

TEST_CASE("csv quotes fields and lists every point", "[report]") {
  CHECK(write_csv(sample()) ==
        "id,latency,acc,rank,frontier\n"
        "\"slow,good\",20,0.9,1,true\n"
        "fast,5,0.7,1,true\n"
        "\"bad \"\"one\"\"\",30,0.5,,false\n");
  ParetoReport r = sample();
  r.frontier_only = true;
  CHECK(write_csv(r).find("bad") == std::string::npos);
}

TEST_CASE("text table marks and orders the frontier", "[report]") {
  std::string t = write_text(sample(), false);
  CHECK(t ==
        "   id         latency [ms] (min)  acc (max)\n"
        "*  fast                        5        0.7\n"
        "*  slow,good                  20        0.9\n"
        "   bad \"one\"                  30        0.5\n"
        "3 points, 2 on the frontier, 1 excluded\n"
        "excluded: nolat: missing value for 'latency'\n"
        "hypervolume: 12.5\n");
  CHECK(write_text(sample(), true).find("\x1b[1m*  fast") != std::string::npos);
}

TEST_CASE("markdown table", "[report]") {
  std::string m = write_markdown(sample());
  CHECK(m.find("| id | latency [ms] (min) | acc (max) | frontier |\n|---|---:|---:|:---:|\n") == 0);
  CHECK(m.find("| **fast** | 5 | 0.7 | yes |") != std::string::npos);
  CHECK(m.find("| bad \"one\" | 30 | 0.5 | |") != std::string::npos);
  CHECK(m.find("Hypervolume: 12.5") != std::string::npos);
}

TEST_CASE("aligned_table pads by code points", "[report]") {
  CHECK(aligned_table({"a", "bb"}, {{"µs", "1"}, {"x", "100"}}, {false, true}) == "a    bb\nµs    1\nx   100\n");
}

TEST_CASE("svg plot: axes, labels, frontier step line", "[report][svg]") {
  size_t skipped = 0;
  ParetoReport r = sample();
  std::string svg = scatter_svg(r, {}, skipped);
  CHECK(skipped == 0);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.find("latency (ms), lower is better") != std::string::npos);
  CHECK(svg.find("acc, higher is better") != std::string::npos);
  CHECK(svg.find("<path class=\"frontier\"") != std::string::npos);
  CHECK(svg.find("bad &quot;one&quot;") != std::string::npos);
  CHECK(std::count(svg.begin(), svg.end(), '\n') > 10);
  // Log axes leave out non-positive values.
  r.groups[0].values[2] = 0;
  PlotOptions o;
  o.log_x = true;
  svg = scatter_svg(r, o, skipped);
  CHECK(skipped == 1);
  CHECK(svg.find("log scale") != std::string::npos);
}

TEST_CASE("axis ticks", "[report][svg]") {
  CHECK(axis_ticks(0, 10, false) == std::vector<double>{0, 2, 4, 6, 8, 10});
  CHECK(axis_ticks(0.01, 100, true) == std::vector<double>{0.01, 0.1, 1, 10, 100});
  CHECK(axis_ticks(-1, 1, false).front() == Approx(-1));
}
