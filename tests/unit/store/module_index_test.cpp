// The find index must give exactly what reading the files gives, whatever
// happened to the files behind its back.
#include "lib/store/module_index.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include <catch2/catch.hpp>

#include "lib/store/repository.hpp"
#include "lib/util/atomic_file.hpp"
#include "tests/unit/testutil.hpp"

namespace fs = std::filesystem;
using namespace request;
using request::test::TempDir;
using request::test::write_text;

namespace {

// A meta.json whose uid is derived from the alias length (16 hex digits).
std::string meta_text(const std::string& alias, const std::string& tag) {
  std::string n = std::to_string(alias.size() % 100);
  std::string uid = std::string(16 - n.size(), '0') + n;
  return "{\"uid\": \"" + uid + "\", \"alias\": \"" + alias + "\", \"tags\": [\"" + tag + "\"]}\n";
}

// Overwrite a file in place (same inode), as an editor without atomic saves does.
void write_in_place(const fs::path& p, const std::string& text) {
  std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
  REQUIRE(f);
  f.seekp(0);
  f << text;
}

std::string summary(const store::ScanResult& r) {
  std::string s;
  for (const auto& e : r.entries) {
    s += e.alias + "=" + e.uid + ":" + e.meta_file + ":";
    for (const auto& t : e.tags) s += t + ",";
    s += ";";
  }
  return s + "|" + std::to_string(r.warnings.size());
}

void settle() { std::this_thread::sleep_for(std::chrono::milliseconds(120)); }

struct Fixture {
  TempDir tmp;
  store::Repository repo = store::Repository::init(tmp / "repo", "t");
  fs::path cache = tmp / "cache";
  fs::path mdir = tmp / "repo" / "program";

  void put(const std::string& alias, const std::string& tag) { write_text(mdir / alias / "meta.json", meta_text(alias, tag)); }
  store::ScanResult scan(store::IndexStats* st = nullptr) { return store::scan_module_indexed(cache, repo, "program", st); }
  void check(store::IndexStats* st = nullptr) { REQUIRE(summary(scan(st)) == summary(store::scan_module_files(repo, "program"))); }
};

}  // namespace

TEST_CASE("index: built once, then served after a stat of each meta file", "[store][index]") {
  Fixture f;
  for (int i = 0; i < 30; ++i) f.put("e" + std::to_string(i), i % 2 ? "odd" : "even");
  settle();
  store::IndexStats st;
  f.check(&st);
  CHECK_FALSE(st.index_loaded);
  CHECK(st.written);
  CHECK(fs::exists(store::module_index_path(f.cache, f.repo.root(), "program")));
  f.check(&st);
  CHECK(st.index_loaded);
  CHECK(st.dir_unchanged);
  CHECK(st.reused == 30);
  CHECK(st.reloaded == 0);
  CHECK_FALSE(st.written);
}

TEST_CASE("index: entries added, removed, renamed and edited behind its back", "[store][index]") {
  Fixture f;
  for (int i = 0; i < 10; ++i) f.put("e" + std::to_string(i), "old");
  settle();
  f.check();
  f.put("new1", "fresh");  // added
  f.check();
  fs::remove_all(f.mdir / "e3");  // removed
  f.check();
  fs::rename(f.mdir / "e4", f.mdir / "e4b");  // renamed
  f.check();
  write_in_place(f.mdir / "e5" / "meta.json", meta_text("e5", "new"));  // same size, same inode
  store::IndexStats st;
  f.check(&st);
  CHECK(st.reloaded >= 1);
  REQUIRE(summary(f.scan()).find("e5=") != std::string::npos);
  CHECK(summary(f.scan()).find("e5=0000000000000002:meta.json:new,") != std::string::npos);
  util::write_file_atomic(f.mdir / "e6" / "meta.json", meta_text("e6", "atomic"));  // replaced by rename
  f.check();
  fs::remove(f.mdir / "e7" / "meta.json");  // json swapped for yaml
  write_text(f.mdir / "e7" / "meta.yaml", "uid: '0000000000000007'\nalias: e7\ntags: [yaml]\n");
  f.check();
  CHECK(summary(f.scan()).find("e7=0000000000000007:meta.yaml:yaml,") != std::string::npos);
}

TEST_CASE("index: same-size edits right after the index was written are seen (racy-clean rule)", "[store][index]") {
  Fixture f;
  f.put("e1", "aaaa");
  for (int round = 0; round < 40; ++round) {
    f.check();  // (re)writes the index, with e1 changed moments ago
    write_in_place(f.mdir / "e1" / "meta.json", meta_text("e1", round % 2 ? "aaaa" : "bbbb"));
    auto r = f.scan();
    REQUIRE(r.entries.size() == 1);
    REQUIRE(r.entries[0].tags == std::vector<std::string>{round % 2 ? "aaaa" : "bbbb"});
  }
}

TEST_CASE("index: a folder gains its meta file later; malformed entries warn every time", "[store][index]") {
  Fixture f;
  f.put("a", "x");
  fs::create_directories(f.mdir / "pending");
  write_text(f.mdir / "broken" / "meta.json", "{\"uid\": ");
  settle();
  store::IndexStats st;
  auto r = f.scan(&st);
  CHECK(r.entries.size() == 1);
  CHECK(r.warnings.size() == 1);
  r = f.scan(&st);
  CHECK(r.warnings.size() == 1);  // not cached away
  CHECK_FALSE(st.written);       // and an unchanged broken entry does not rewrite the index
  f.put("pending", "late");
  f.check();
  CHECK(f.scan().entries.size() == 2);
}

TEST_CASE("index: damaged, foreign or unwritable index files never change the answer", "[store][index]") {
  Fixture f;
  for (int i = 0; i < 5; ++i) f.put("e" + std::to_string(i), "t");
  settle();
  f.check();
  fs::path idx = store::module_index_path(f.cache, f.repo.root(), "program");
  std::string good = util::read_file(idx);
  for (size_t cut : {size_t(0), size_t(10), good.size() / 2, good.size() - 1}) {
    write_text(idx, good.substr(0, cut));
    f.check();
  }
  // An index written for another repository folder is refused.
  std::string foreign = good;
  foreign.replace(foreign.find('\n') + 1, f.repo.root().string().size(), std::string(f.repo.root().string().size(), 'x'));
  write_text(idx, foreign);
  store::IndexStats st;
  f.check(&st);
  CHECK_FALSE(st.index_loaded);
  // The cache folder cannot be created: the scan still answers from the files.
  write_text(f.tmp / "blocked", "a file where the cache folder should be");
  auto r = store::scan_module_indexed(f.tmp / "blocked", f.repo, "program", &st);
  CHECK(summary(r) == summary(store::scan_module_files(f.repo, "program")));
  CHECK_FALSE(st.written);
}

TEST_CASE("index: tags the format cannot hold are re-read, not mangled", "[store][index]") {
  Fixture f;
  write_text(f.mdir / "odd" / "meta.json", "{\"uid\": \"0000000000000001\", \"alias\": \"odd\", \"tags\": [\"a\\tb\", \"c\\nd\"]}");
  settle();
  f.check();
  auto r = f.scan();
  REQUIRE(r.entries.size() == 1);
  CHECK(r.entries[0].tags == std::vector<std::string>{"a\tb", "c\nd"});
}

TEST_CASE("index: old leftovers of interrupted writes are swept when the module is listed", "[store][index]") {
  Fixture f;
  f.put("a", "x");
  fs::create_directories(f.mdir / ".tmp-old");
  fs::create_directories(f.mdir / ".trash-young");
  struct timespec times[2] = {{::time(nullptr) - 7200, 0}, {::time(nullptr) - 7200, 0}};
  REQUIRE(::utimensat(AT_FDCWD, (f.mdir / ".tmp-old").c_str(), times, 0) == 0);
  auto r = f.scan();
  CHECK(r.entries.size() == 1);
  CHECK_FALSE(fs::exists(f.mdir / ".tmp-old"));
  CHECK(fs::exists(f.mdir / ".trash-young"));  // may belong to a live writer
}
