#include <catch2/catch.hpp>

#include <fstream>

#include "lib/git/checkout.hpp"
#include "lib/git/clone.hpp"
#include "lib/git/repo_state.hpp"
#include "lib/git/update.hpp"
#include "lib/util/error.hpp"
#include "tests/unit/git/git_fixture.hpp"

using namespace request;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

ExitCode code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return ExitCode::ok;
}
}  // namespace

TEST_CASE("git clone: default branch, tag, commit and reported progress") {
  test::TempDir tmp;
  test::GitFixture up(tmp / "up");
  std::string first = up.make_request_repo("up");
  up.tag("v1");
  std::string second = up.commit_file("later.txt", "2\n");

  size_t calls = 0;
  git::ProgressFn progress = [&](const git::Progress& p) {
    ++calls;
    CHECK(p.current <= p.total);
  };
  git::ResolvedRef def = git::clone_repository(up.url(), tmp / "def", "", progress);
  CHECK(def.commit == second);
  CHECK(def.name == "main");
  CHECK(calls > 0);
  CHECK(fs::exists(tmp / "def" / "later.txt"));

  git::ResolvedRef tag = git::clone_repository(up.url(), tmp / "tag", "v1");
  CHECK(tag.kind == git::RefKind::tag);
  CHECK(tag.commit == first);
  CHECK_FALSE(fs::exists(tmp / "tag" / "later.txt"));
  CHECK(fs::exists(tmp / "tag" / "program" / "p" / "meta.json"));
  CHECK_FALSE(git::repo_state(tmp / "tag").dirty);

  git::ResolvedRef commit = git::clone_repository(up.url(), tmp / "commit", first.substr(0, 10));
  CHECK(commit.kind == git::RefKind::commit);
  CHECK(commit.commit == first);
  CHECK(git::repo_state(tmp / "commit").branch.empty());  // detached
}

TEST_CASE("git clone: errors name what is wrong") {
  test::TempDir tmp;
  test::GitFixture up(tmp / "up");
  up.make_request_repo("up");
  CHECK(code_of([&] { git::clone_repository("file://" + (tmp / "none").string(), tmp / "a", ""); }) ==
        ExitCode::not_found);
  fs::create_directories(tmp / "plain");
  CHECK(code_of([&] { git::clone_repository((tmp / "plain").string(), tmp / "b", ""); }) == ExitCode::not_found);
  try {
    git::clone_repository(up.url(), tmp / "c", "nope");
    FAIL("missing ref accepted");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::not_found);
    CHECK(e.where() == "ref 'nope'");
  }
}

TEST_CASE("git update: fast-forward, up to date, refusals keep everything") {
  test::TempDir tmp;
  test::GitFixture up(tmp / "up");
  up.make_request_repo("up");
  fs::path clone = tmp / "clone";
  git::clone_repository(up.url(), clone, "");

  CHECK(git::update_work_tree(clone, "").status == git::UpdateResult::Status::up_to_date);
  std::string next = up.commit_file("program/p/run.sh", "v2\n");
  git::UpdateResult r = git::update_work_tree(clone, "");
  CHECK(r.status == git::UpdateResult::Status::updated);
  CHECK(r.after == next);
  CHECK(slurp(clone / "program" / "p" / "run.sh") == "v2\n");

  // Local change: refused before anything moves.
  up.commit_file("program/p/run.sh", "v3\n");
  test::write_text(clone / "program" / "p" / "run.sh", "mine\n");
  try {
    git::update_work_tree(clone, "");
    FAIL("update with local changes accepted");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::failed);
    CHECK(e.message().find("program/p/run.sh") != std::string::npos);
  }
  CHECK(slurp(clone / "program" / "p" / "run.sh") == "mine\n");
  CHECK(git::repo_state(clone).commit == next);
}

TEST_CASE("git checkout: leaving a detached HEAD with unsaved commits is refused") {
  test::TempDir tmp;
  test::GitFixture up(tmp / "up");
  std::string first = up.make_request_repo("up");
  up.tag("v1");
  up.commit_file("x.txt", "x\n");
  up.tag("v2");
  fs::path clone = tmp / "clone";
  git::clone_repository(up.url(), clone, "v1");
  // A commit made on the detached HEAD (with libgit2, as a user's git would).
  test::GitFixture local(clone);
  std::string stranded = local.commit_file("mine.txt", "mine\n");
  CHECK(code_of([&] { git::checkout_ref(clone, "v2", false); }) == ExitCode::failed);
  CHECK(git::repo_state(clone).commit == stranded);
  CHECK(fs::exists(clone / "mine.txt"));
  CHECK(first.size() == 40);
}
