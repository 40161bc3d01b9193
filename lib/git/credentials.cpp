#include "lib/git/credentials.hpp"

#include <cctype>
#include <cstdlib>

#include "lib/git/libgit.hpp"
#include "lib/git/transfer.hpp"
#include "lib/util/atomic_file.hpp"
#include "lib/util/strings.hpp"

namespace fs = std::filesystem;

namespace request::git {

namespace {

struct UrlParts {
  std::string scheme;
  std::string user;
  std::string password;
  std::string host;  // host[:port], lowercase
};

std::string percent_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::optional<UrlParts> split_url(const std::string& url) {
  size_t sep = url.find("://");
  if (sep == std::string::npos || sep == 0) return std::nullopt;
  UrlParts p;
  p.scheme = url.substr(0, sep);
  std::string rest = url.substr(sep + 3);
  rest = rest.substr(0, rest.find('/'));
  if (size_t at = rest.rfind('@'); at != std::string::npos) {
    std::string userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
    size_t colon = userinfo.find(':');
    p.user = percent_decode(userinfo.substr(0, colon));
    if (colon != std::string::npos) p.password = percent_decode(userinfo.substr(colon + 1));
  }
  for (char& c : rest) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  p.host = rest;
  if (p.host.empty()) return std::nullopt;
  return p;
}

const char* env_or_null(const char* name) {
  const char* v = std::getenv(name);
  return v && *v ? v : nullptr;
}

// A password-style credential: REQUEST_GIT_TOKEN, else the credential store file.
std::optional<StoredCredential> password_for(const std::string& url, const char* username_from_url) {
  if (const char* token = env_or_null("REQUEST_GIT_TOKEN")) {
    const char* user = env_or_null("REQUEST_GIT_USERNAME");
    if (!user) user = username_from_url && *username_from_url ? username_from_url : "x-access-token";
    return StoredCredential{user, token};
  }
  fs::path file = credential_store_file();
  if (file.empty()) return std::nullopt;
  try {
    return find_stored_credential(util::read_file(file), url);
  } catch (const Error&) {
    return std::nullopt;
  }
}

extern "C" int on_credentials(git_credential** out, const char* url, const char* username_from_url,
                              unsigned int allowed, void* payload) {
  auto& st = *static_cast<TransferState*>(payload);
  const char* user = username_from_url && *username_from_url ? username_from_url : "git";
  if (allowed & GIT_CREDENTIAL_SSH_KEY) {
    if (st.agent_tries++ == 0 && env_or_null("SSH_AUTH_SOCK"))
      return git_credential_ssh_key_from_agent(out, user);
    if (const char* home = env_or_null("HOME")) {
      const char* keys[] = {"id_ed25519", "id_ecdsa", "id_rsa"};
      while (st.key_tries < 3) {
        fs::path key = fs::path(home) / ".ssh" / keys[st.key_tries++];
        std::error_code ec;
        if (fs::exists(key, ec)) return git_credential_ssh_key_new(out, user, nullptr, key.c_str(), nullptr);
      }
    }
  }
  if ((allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) && st.password_tries++ == 0) {
    if (auto cred = password_for(url ? url : "", username_from_url))
      return git_credential_userpass_plaintext_new(out, cred->username.c_str(), cred->password.c_str());
  }
  if ((allowed & GIT_CREDENTIAL_USERNAME) && st.username_tries++ == 0) return git_credential_username_new(out, user);
  return GIT_PASSTHROUGH;  // libgit2 then fails with an authentication error
}

}  // namespace

std::optional<StoredCredential> find_stored_credential(const std::string& store_text, const std::string& url) {
  auto want = split_url(url);
  if (!want) return std::nullopt;
  for (const auto& raw : util::split(store_text, '\n')) {
    std::string line = raw;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    auto have = split_url(line);
    if (!have || have->scheme != want->scheme || have->host != want->host || have->user.empty()) continue;
    if (!want->user.empty() && want->user != have->user) continue;
    return StoredCredential{have->user, have->password};
  }
  return std::nullopt;
}

fs::path credential_store_file() {
  std::error_code ec;
  if (const char* home = env_or_null("HOME"); home && fs::exists(fs::path(home) / ".git-credentials", ec))
    return fs::path(home) / ".git-credentials";
  fs::path xdg;
  if (const char* x = env_or_null("XDG_CONFIG_HOME")) xdg = fs::path(x) / "git" / "credentials";
  else if (const char* home = env_or_null("HOME")) xdg = fs::path(home) / ".config" / "git" / "credentials";
  if (!xdg.empty() && fs::exists(xdg, ec)) return xdg;
  return {};
}

// Defined here so the credential callback stays private to this file.
void set_credential_callback(git_remote_callbacks& callbacks, TransferState& state) {
  callbacks.credentials = on_credentials;
  callbacks.payload = &state;
}

}  // namespace request::git
