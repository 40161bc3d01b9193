#pragma once
// SHA-256 of bytes and of files (OpenSSL's libcrypto), as lowercase hex.
#include <filesystem>
#include <string>
#include <string_view>

namespace request::util {

// Incremental hasher, for hashing many pieces (e.g. a build cache key).
class Sha256 {
public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view data);
  // The digest as 64 hex digits; the hasher cannot be updated afterwards.
  std::string hex_digest();

private:
  void* m_ctx;  // EVP_MD_CTX
};

std::string sha256_hex(std::string_view data);
// Streams the file; throws Error(not_found/failed) naming the path.
std::string sha256_file(const std::filesystem::path& path);

}  // namespace request::util
