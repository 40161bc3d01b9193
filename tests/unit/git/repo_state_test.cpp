#include <catch2/catch.hpp>

#include "lib/git/clone.hpp"
#include "lib/git/repo_state.hpp"
#include "tests/unit/git/git_fixture.hpp"

using namespace request;

TEST_CASE("git repo_state: url, commit and branch of a clone; dirty only below the path") {
  test::TempDir tmp;
  test::GitFixture up(tmp / "up");
  std::string head = up.make_request_repo("up");
  up.commit_file("dataset/d/meta.json", "{\"uid\": \"00000000000000aa\", \"alias\": \"d\", \"tags\": []}\n");
  head = git::clone_repository(up.url(), tmp / "clone", "").commit;

  git::RepoState st = git::repo_state(tmp / "clone");
  CHECK(st.is_git);
  CHECK(st.url == up.url());
  CHECK(st.commit.size() == 40);
  CHECK(st.commit == head);
  CHECK(st.branch == "main");
  CHECK_FALSE(st.dirty);

  test::write_text(tmp / "clone" / "program" / "p" / "extra.txt", "untracked\n");
  CHECK(git::repo_state(tmp / "clone").dirty);
  CHECK(git::repo_state(tmp / "clone" / "program" / "p").dirty);
  CHECK_FALSE(git::repo_state(tmp / "clone" / "dataset" / "d").dirty);  // an entry elsewhere is clean
}

TEST_CASE("git repo_state: a plain folder is not git") {
  test::TempDir tmp;
  test::write_text(tmp / "x" / "f", "1");
  git::RepoState st = git::repo_state(tmp / "x");
  CHECK_FALSE(st.is_git);
  CHECK(st.commit.empty());
}
