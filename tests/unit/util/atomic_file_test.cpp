#include "lib/util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "lib/util/error.hpp"
#include "lib/util/file_lock.hpp"
#include "tests/unit/testutil.hpp"

namespace fs = std::filesystem;
using namespace request;

namespace {
size_t dot_names(const fs::path& dir) {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string()[0] == '.') ++n;
  return n;
}
}  // namespace

TEST_CASE("atomic file: replaces the target, leaves no temporary", "[util][atomic]") {
  test::TempDir tmp;
  fs::path f = tmp / "a.json";
  util::write_file_atomic(f, "one");
  util::write_file_atomic(f, "two");
  CHECK(util::read_file(f) == "two");
  CHECK(dot_names(tmp.path()) == 0);
  util::write_file_atomic(f, "three", util::Durability::cache);
  CHECK(util::read_file(f) == "three");
}

TEST_CASE("atomic file: an uncommitted write leaves the old content and no temporary", "[util][atomic]") {
  test::TempDir tmp;
  fs::path f = tmp / "a.json";
  util::write_file_atomic(f, "old");
  {
    util::AtomicFile a(f);
    a.write("new, never committed");
    CHECK(dot_names(tmp.path()) == 1);
  }
  CHECK(util::read_file(f) == "old");
  CHECK(dot_names(tmp.path()) == 0);
}

TEST_CASE("atomic file: a symlinked target is replaced, never written through", "[util][atomic]") {
  test::TempDir tmp;
  test::write_text(tmp / "outside", "keep");
  fs::create_symlink(tmp / "outside", tmp / "link");
  util::write_file_atomic(tmp / "link", "new");
  CHECK(util::read_file(tmp / "outside") == "keep");
  CHECK_FALSE(fs::is_symlink(tmp / "link"));
  CHECK(util::read_file(tmp / "link") == "new");
}

TEST_CASE("atomic file: dead temporaries of one target are removed, others kept", "[util][atomic]") {
  test::TempDir tmp;
  test::write_text(tmp / ".tmp-registry.json-abc123", "dead");
  test::write_text(tmp / ".tmp-other.json-abc123", "someone else's");
  test::write_text(tmp / "registry.json", "{}");
  util::remove_dead_temporaries(tmp / "registry.json");
  CHECK_FALSE(fs::exists(tmp / ".tmp-registry.json-abc123"));
  CHECK(fs::exists(tmp / ".tmp-other.json-abc123"));
  CHECK(fs::exists(tmp / "registry.json"));
}

TEST_CASE("atomic file: errors name the path and map to exit codes", "[util][atomic]") {
  test::TempDir tmp;
  try {
    util::read_file(tmp / "missing");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::not_found);
    CHECK(e.line().find("missing: cannot read: No such file or directory") != std::string::npos);
  }
  CHECK_THROWS_AS(util::write_file_atomic(tmp / "no" / "dir" / "f", "x"), Error);
}

TEST_CASE("file lock: exclusive excludes other holders, released on destruction", "[util][lock]") {
  test::TempDir tmp;
  int fd = ::open(tmp.path().c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  {
    util::FileLock lock(tmp.path());
    CHECK(::flock(fd, LOCK_EX | LOCK_NB) != 0);
    CHECK(::flock(fd, LOCK_SH | LOCK_NB) != 0);
  }
  CHECK(::flock(fd, LOCK_EX | LOCK_NB) == 0);
  ::flock(fd, LOCK_UN);
  {
    util::FileLock shared(tmp.path(), util::FileLock::Mode::shared);
    CHECK(::flock(fd, LOCK_SH | LOCK_NB) == 0);
    ::flock(fd, LOCK_UN);
    CHECK(::flock(fd, LOCK_EX | LOCK_NB) != 0);
  }
  ::close(fd);
  CHECK_THROWS_AS(util::FileLock(tmp / "missing"), Error);
}
