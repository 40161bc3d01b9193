#pragma once
// Test fixtures built with libgit2: a work tree with commits (the "upstream")
// that clones, fetches and updates can be tested against.
#include <git2.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "lib/git/repo_state.hpp"
#include "tests/unit/testutil.hpp"

namespace request::test {

// A non-bare repository at `dir` (created, or opened when it exists), committed to with commit_all().
class GitFixture {
public:
  explicit GitFixture(const std::filesystem::path& dir) : m_dir(dir) {
    git::ensure_libgit2();
    if (std::filesystem::exists(dir / ".git")) {
      ok(git_repository_open(&m_repo, dir.c_str()));
      return;
    }
    std::filesystem::create_directories(dir);
    git_repository_init_options o = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    o.initial_head = "main";
    o.flags = GIT_REPOSITORY_INIT_MKPATH;
    ok(git_repository_init_ext(&m_repo, dir.c_str(), &o));
  }
  ~GitFixture() { git_repository_free(m_repo); }
  GitFixture(const GitFixture&) = delete;
  GitFixture& operator=(const GitFixture&) = delete;

  const std::filesystem::path& dir() const { return m_dir; }
  std::string url() const { return "file://" + m_dir.string(); }

  // Write `text` to `rel` and commit every change; returns the new commit id.
  std::string commit_file(const std::string& rel, const std::string& text, const std::string& message = "change") {
    write_text(m_dir / rel, text);
    return commit_all(message);
  }

  std::string commit_all(const std::string& message) {
    git_index* index = nullptr;
    ok(git_repository_index(&index, m_repo));
    ok(git_index_add_all(index, nullptr, 0, nullptr, nullptr));
    ok(git_index_write(index));
    git_oid tree_id{}, commit_id{}, parent_id{};
    ok(git_index_write_tree(&tree_id, index));
    git_index_free(index);
    git_tree* tree = nullptr;
    ok(git_tree_lookup(&tree, m_repo, &tree_id));
    git_signature* sig = nullptr;
    ok(git_signature_now(&sig, "test", "test@example.invalid"));
    git_commit* parent = nullptr;
    bool has_parent = git_reference_name_to_id(&parent_id, m_repo, "HEAD") == 0;
    if (has_parent) ok(git_commit_lookup(&parent, m_repo, &parent_id));
    const git_commit* parents[] = {parent};
    ok(git_commit_create(&commit_id, m_repo, "HEAD", sig, sig, nullptr, message.c_str(), tree, has_parent ? 1 : 0,
                         parents));
    git_commit_free(parent);
    git_signature_free(sig);
    git_tree_free(tree);
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &commit_id);
    return hex;
  }

  // A lightweight tag at HEAD.
  void tag(const std::string& name) {
    git_object* head = nullptr;
    ok(git_revparse_single(&head, m_repo, "HEAD"));
    git_oid id{};
    ok(git_tag_create_lightweight(&id, m_repo, name.c_str(), head, 0));
    git_object_free(head);
  }

  // A request repository: descriptor plus one entry, committed.
  std::string make_request_repo(const std::string& name) {
    write_text(m_dir / "request-repo.json",
               "{\"name\": \"" + name + "\", \"uid\": \"0123456789abcdef\", \"deps\": []}\n");
    write_text(m_dir / "program" / "p" / "meta.json", "{\"uid\": \"fedcba9876543210\", \"alias\": \"p\", \"tags\": []}\n");
    return commit_all("initial");
  }

private:
  static void ok(int rc) {
    if (rc < 0) throw std::runtime_error(std::string("libgit2: ") + git_error_last()->message);
  }
  std::filesystem::path m_dir;
  git_repository* m_repo = nullptr;
};

}  // namespace request::test
