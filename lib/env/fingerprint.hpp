#pragma once
// The fingerprint of a detected file: where it really is, its size and mtime,
// and its SHA-256 when the file is small enough to hash cheaply. A changed
// fingerprint means the tool must be detected again; a missing file, that it vanished.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace request::env {

// Files up to this size get a SHA-256 in their fingerprint.
inline constexpr std::uint64_t k_hash_limit = 8u << 20;

struct Fingerprint {
  std::string file;         // the file as named (a symlink stays a symlink), checked later
  std::string path;         // symlinks resolved
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string sha256;       // empty when the file is larger than the hash limit

  nlohmann::json to_json() const;
  // Nullopt when `j` is not a fingerprint object.
  static std::optional<Fingerprint> from_json(const nlohmann::json& j);
};

// Fingerprint of `path` (following symlinks); nullopt when it does not exist.
// `hash` false skips the SHA-256.
std::optional<Fingerprint> take_fingerprint(const std::filesystem::path& path, bool hash = true);

// How a recorded fingerprint compares with the file now.
enum class Freshness { fresh, changed, vanished };

// Compares `recorded.file` now (its real path, size and mtime; no hashing) with the record.
Freshness check_fingerprint(const Fingerprint& recorded);

// "fresh", "changed", "vanished".
const char* freshness_name(Freshness f);

}  // namespace request::env
