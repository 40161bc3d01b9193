#include <catch2/catch.hpp>

#include <thread>

#include "lib/util/error.hpp"
#include "lib/util/sha256.hpp"
#include "modules/dataset/file_check.hpp"
#include "tests/unit/testutil.hpp"

using namespace request;
using nlohmann::json;

namespace {
store::Entry dataset_entry(const std::filesystem::path& dir, json files, std::string package = {}) {
  store::Entry e;
  e.repo = "r";
  e.module = "dataset";
  e.alias = "d";
  e.path = dir;
  e.meta = {{"uid", "0123456789abcdef"}, {"alias", "d"}, {"tags", json::array()}, {"files", files}};
  if (!package.empty()) e.meta["package"] = package;
  return e;
}

int code_of(const store::Entry& e, dataset::HashCache& cache) {
  try {
    dataset::verify_files(e, cache);
  } catch (const Error& err) {
    return static_cast<int>(err.code());
  }
  return 0;
}
}  // namespace

TEST_CASE("declared files verify, and a changed byte is a hash mismatch", "[dataset]") {
  test::TempDir dir;
  test::write_text(dir / "d/a.txt", "hello");
  auto e = dataset_entry(dir / "d", json::array({{{"path", "a.txt"}, {"sha256", util::sha256_hex("hello")}, {"size", 5}}}));
  dataset::HashCache cache(dir / "cache/hashes.json");
  CHECK(code_of(e, cache) == 0);
  CHECK(cache.hashed() == 1);
  cache.save();

  // A second cache reads the saved hash instead of the file.
  dataset::HashCache again(dir / "cache/hashes.json");
  CHECK(code_of(e, again) == 0);
  CHECK(again.hashed() == 0);

  // Same size, different content, new mtime: re-hashed and refused.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  test::write_text(dir / "d/a.txt", "jello");
  dataset::HashCache third(dir / "cache/hashes.json");
  CHECK(code_of(e, third) == 4);
  CHECK(third.hashed() == 1);
}

TEST_CASE("size mismatch, missing file and unsafe paths", "[dataset]") {
  test::TempDir dir;
  test::write_text(dir / "d/a.txt", "hello");
  dataset::HashCache cache;
  auto wrong_size = dataset_entry(dir / "d", json::array({{{"path", "a.txt"}, {"sha256", util::sha256_hex("hello")}, {"size", 6}}}));
  CHECK(code_of(wrong_size, cache) == 4);

  auto missing = dataset_entry(dir / "d", json::array({{{"path", "/nonexistent/x.gz"}, {"sha256", std::string(64, '0')}}}),
                               "dataset-fashion-mnist");
  try {
    dataset::verify_files(missing, cache);
    FAIL("expected an error");
  } catch (const Error& err) {
    CHECK(err.code() == ExitCode::not_found);
    CHECK_THAT(err.hint(), Catch::Contains("dataset-fashion-mnist"));
  }

  missing.meta["package"] = {{"manager", "apt"}, {"name", "dataset-fashion-mnist"}};
  try {
    dataset::verify_files(missing, cache);
    FAIL("expected an error");
  } catch (const Error& err) {
    CHECK_THAT(err.hint(), Catch::Contains("apt-get install dataset-fashion-mnist"));
  }

  auto escape = dataset_entry(dir / "d", json::array({{{"path", "../outside"}, {"sha256", std::string(64, '0')}}}));
  CHECK(code_of(escape, cache) == 4);
}
