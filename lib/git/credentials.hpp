#pragma once
// Credentials for private remotes, without running `git`: ssh-agent and the
// default keys in ~/.ssh for ssh URLs; REQUEST_GIT_TOKEN or the file of git's
// "store" credential helper (~/.git-credentials) for https URLs.
#include <filesystem>
#include <optional>
#include <string>

namespace request::git {

struct StoredCredential {
  std::string username;
  std::string password;
};

// The credential for `url` in the text of a git-credential-store file (lines
// "https://user:password@host[:port][/path]", percent-encoded): same scheme and
// host[:port]; the path is ignored, as git does by default.
std::optional<StoredCredential> find_stored_credential(const std::string& store_text, const std::string& url);

// $HOME/.git-credentials, else $XDG_CONFIG_HOME/git/credentials; empty if neither exists.
std::filesystem::path credential_store_file();

}  // namespace request::git
