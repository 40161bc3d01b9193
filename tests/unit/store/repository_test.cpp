#include "lib/store/repository.hpp"

#include <functional>

#include <catch2/catch.hpp>

#include "lib/store/cid.hpp"
#include "lib/store/home.hpp"
#include "lib/store/query.hpp"
#include "lib/util/error.hpp"
#include "lib/util/json_io.hpp"
#include "lib/util/safe_name.hpp"
#include "tests/unit/testutil.hpp"

namespace fs = std::filesystem;
using namespace request;
using nlohmann::json;

namespace {
ExitCode code_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.code();
  }
  return ExitCode::ok;
}
}  // namespace

TEST_CASE("cid: [repo:]module:name", "[store][cid]") {
  auto c = store::parse_cid("program:matmul");
  CHECK_FALSE(c.repo);
  CHECK(c.module == "program");
  CHECK(c.name == "matmul");
  c = store::parse_cid("local:result:*");
  CHECK(*c.repo == "local");
  CHECK(c.has_wildcards());
  CHECK(c.str() == "local:result:*");
  CHECK(code_of([] { store::parse_cid("matmul"); }) == ExitCode::usage);
  CHECK(code_of([] { store::parse_cid("a:b:c:d"); }) == ExitCode::usage);
  CHECK(code_of([] { store::parse_cid(":b"); }) == ExitCode::usage);
  CHECK(code_of([] { store::parse_cid("a:"); }) == ExitCode::usage);
}

TEST_CASE("query: tag filters and where clauses", "[store][query]") {
  store::Query q;
  store::parse_tag_filter("a,b,-c,-", q);
  CHECK(q.tags == std::vector<std::string>{"a", "b", "-"});
  CHECK(q.not_tags == std::vector<std::string>{"c"});
  auto w = store::parse_where("build.opt=3");
  CHECK(w.key == "build.opt");
  CHECK(w.value == 3);
  CHECK(store::parse_where("k=a=b").value == "a=b");
  CHECK(code_of([] { store::parse_where("novalue"); }) == ExitCode::usage);
  CHECK(code_of([] { store::parse_where("=3"); }) == ExitCode::usage);
}

TEST_CASE("did you mean: close names only", "[store][hint]") {
  CHECK(store::did_you_mean("helo", {"hello", "world"}) == "did you mean 'hello'?");
  CHECK(store::did_you_mean("zzzzzz", {"hello", "world"}).empty());
}

TEST_CASE("repository: create, load, rename, remove", "[store][repo]") {
  test::TempDir tmp;
  auto repo = store::Repository::init(tmp / "r", "r");
  CHECK(code_of([&] { store::Repository::init(tmp / "r", "r"); }) == ExitCode::failed);
  auto e = repo.create("program", "hello", {{"tags", {"a"}}, {"opt", 3}});
  CHECK(util::is_uid(e.uid));
  CHECK(e.meta["alias"] == "hello");
  CHECK(code_of([&] { repo.create("program", "hello", json::object()); }) == ExitCode::failed);
  CHECK(code_of([&] { repo.create("program", "Bad", json::object()); }) == ExitCode::invalid_data);
  CHECK(code_of([&] { repo.create("program", "x", {{"tags", 5}}); }) == ExitCode::invalid_data);
  CHECK(repo.aliases("program") == std::vector<std::string>{"hello"});
  auto moved = repo.rename("program", "hello", "hi");
  CHECK(moved.uid == e.uid);
  CHECK(moved.meta["alias"] == "hi");
  CHECK(moved.meta["opt"] == 3);
  repo.remove("program", "hi");
  CHECK(repo.aliases("program").empty());
  CHECK(code_of([&] { repo.remove("program", "hi"); }) == ExitCode::not_found);
  // Nothing but the module folder is left.
  CHECK(fs::is_empty(tmp / "r" / "program"));
}

TEST_CASE("repository: a YAML entry stays YAML when its meta is rewritten", "[store][repo]") {
  test::TempDir tmp;
  auto repo = store::Repository::init(tmp / "r", "r");
  test::write_text(tmp / "r" / "program" / "y" / "meta.yaml", "uid: '00000000000000aa'\nalias: y\ntags: [t]\nv: \"3\"\n");
  auto e = repo.load("program", "y");
  json meta = e.meta;
  meta["added"] = {{"k", 1}};
  repo.write_meta(e, meta);
  CHECK(fs::exists(tmp / "r" / "program" / "y" / "meta.yaml"));
  CHECK_FALSE(fs::exists(tmp / "r" / "program" / "y" / "meta.json"));
  auto again = repo.load("program", "y");
  CHECK(again.meta == meta);
  CHECK(again.meta["v"] == "3");
}

TEST_CASE("repository: leftovers are swept by age, live ones kept", "[store][repo]") {
  test::TempDir tmp;
  auto repo = store::Repository::init(tmp / "r", "r");
  repo.create("program", "a", json::object());
  fs::create_directories(tmp / "r" / "program" / ".tmp-young");
  fs::create_directories(tmp / "r" / "program" / ".trash-x-0123");
  repo.sweep_leftovers(3600);
  CHECK(fs::exists(tmp / "r" / "program" / ".tmp-young"));
  repo.sweep_leftovers(0);
  CHECK_FALSE(fs::exists(tmp / "r" / "program" / ".tmp-young"));
  CHECK_FALSE(fs::exists(tmp / "r" / "program" / ".trash-x-0123"));
  CHECK(fs::exists(tmp / "r" / "program" / "a" / "meta.json"));
}

TEST_CASE("repository: descriptor problems are invalid data", "[store][repo]") {
  test::TempDir tmp;
  fs::create_directories(tmp / "empty");
  CHECK(code_of([&] { store::Repository("x", tmp / "empty"); }) == ExitCode::invalid_data);
  CHECK(code_of([&] { store::Repository("x", tmp / "none"); }) == ExitCode::not_found);
  test::write_text(tmp / "bad" / "request-repo.json", "{\"name\": 3}");
  CHECK(code_of([&] { store::Repository("x", tmp / "bad"); }) == ExitCode::invalid_data);
}
