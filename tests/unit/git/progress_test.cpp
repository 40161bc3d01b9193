#include <catch2/catch.hpp>

#include "lib/git/progress.hpp"

using namespace request;

TEST_CASE("git progress: one line per stage") {
  git::Progress p;
  p.stage = git::Progress::Stage::receiving;
  p.current = 450;
  p.total = 1000;
  p.bytes = 1258291;
  CHECK(git::format_progress(p) == "receiving objects:  45% (450/1000), 1.2 MiB");
  p.stage = git::Progress::Stage::resolving;
  p.current = p.total = 7;
  CHECK(git::format_progress(p) == "resolving deltas: 100% (7/7)");
  p.stage = git::Progress::Stage::checkout;
  p.current = 3;
  p.total = 0;
  CHECK(git::format_progress(p) == "checking out files: 3");
}

TEST_CASE("git progress: byte counts") {
  CHECK(git::format_bytes(0) == "0 B");
  CHECK(git::format_bytes(1023) == "1023 B");
  CHECK(git::format_bytes(1536) == "1.5 KiB");
  CHECK(git::format_bytes(5ull << 30) == "5.0 GiB");
}
