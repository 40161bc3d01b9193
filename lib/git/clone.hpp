#pragma once
// Cloning a remote into a new folder with libgit2.
#include <filesystem>
#include <string>

#include "lib/git/checkout.hpp"
#include "lib/git/progress.hpp"

namespace request::git {

// Clone `url` into `dest` (absent or empty) and check out `ref`, or the remote's
// default branch when `ref` is empty. Unreachable URL or not a repository ->
// Error(not_found) with libgit2's message; missing ref -> Error(not_found);
// SIGINT/SIGTERM -> Error(interrupted). The caller removes `dest` on failure.
ResolvedRef clone_repository(const std::string& url, const std::filesystem::path& dest, const std::string& ref,
                             const ProgressFn& progress = {});

}  // namespace request::git
