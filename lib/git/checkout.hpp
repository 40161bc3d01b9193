#pragma once
// Pins: check out a branch, a tag or a commit in a clone. Never discards
// anything: a work tree with changes, or commits that would be left behind,
// makes it refuse with Error(failed) and change nothing.
#include <filesystem>
#include <string>

#include "lib/git/progress.hpp"

namespace request::git {

enum class RefKind { branch, tag, commit };

struct ResolvedRef {
  RefKind kind = RefKind::commit;
  std::string name;    // the ref as given (branch or tag name, or the commit id)
  std::string commit;  // 40-hex commit it resolves to
};

// "branch", "tag" or "commit".
const char* ref_kind_name(RefKind kind);

// Find `ref` in the clone at `repo`: a branch of origin (or a local one), a tag,
// or a commit id (full or abbreviated). Throws Error(not_found) when none.
ResolvedRef resolve_ref(const std::filesystem::path& repo, const std::string& ref);

// Check out `ref`: a branch becomes the current local branch (created from
// origin's, or fast-forwarded to it); a tag or commit gives a detached HEAD.
// `fresh`: the work tree was never checked out (right after a clone), so files
// are written without the safety checks.
ResolvedRef checkout_ref(const std::filesystem::path& repo, const std::string& ref, bool fresh,
                         const ProgressFn& progress = {});

}  // namespace request::git
