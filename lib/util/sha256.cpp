#include "lib/util/sha256.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <cerrno>

#include "lib/util/error.hpp"

namespace request::util {

namespace {
EVP_MD_CTX* ctx_of(void* p) { return static_cast<EVP_MD_CTX*>(p); }
}  // namespace

Sha256::Sha256() : m_ctx(EVP_MD_CTX_new()) {
  if (!m_ctx || EVP_DigestInit_ex(ctx_of(m_ctx), EVP_sha256(), nullptr) != 1)
    throw Error(ExitCode::failed, "sha256", "cannot initialise OpenSSL digest");
}

Sha256::~Sha256() { EVP_MD_CTX_free(ctx_of(m_ctx)); }

void Sha256::update(std::string_view data) { EVP_DigestUpdate(ctx_of(m_ctx), data.data(), data.size()); }

std::string Sha256::hex_digest() {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx_of(m_ctx), md, &len);
  static const char* k_hex = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out += k_hex[md[i] >> 4];
    out += k_hex[md[i] & 0xf];
  }
  return out;
}

std::string sha256_hex(std::string_view data) {
  Sha256 h;
  h.update(data);
  return h.hex_digest();
}

std::string sha256_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw Error(errno == ENOENT ? ExitCode::not_found : ExitCode::failed, path.string(),
                "cannot read: " + errno_text(errno));
  Sha256 h;
  static thread_local char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      throw Error(ExitCode::failed, path.string(), "cannot read: " + errno_text(err));
    }
    if (n == 0) break;
    h.update(std::string_view(buf, static_cast<size_t>(n)));
  }
  ::close(fd);
  return h.hex_digest();
}

}  // namespace request::util
