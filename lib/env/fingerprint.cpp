#include "lib/env/fingerprint.hpp"

#include <sys/stat.h>

#include <cstdlib>

#include "lib/util/error.hpp"
#include "lib/util/sha256.hpp"

namespace request::env {

namespace {

struct StatInfo {
  std::string real_path;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
};

std::optional<StatInfo> stat_file(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  char* real = ::realpath(path.c_str(), nullptr);
  if (!real) return std::nullopt;
  StatInfo info;
  info.real_path = real;
  std::free(real);
  info.size = static_cast<std::uint64_t>(st.st_size);
  info.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return info;
}

}  // namespace

nlohmann::json Fingerprint::to_json() const {
  nlohmann::json j = {{"file", file}, {"path", path}, {"size", size}, {"mtime_ns", mtime_ns}};
  if (!sha256.empty()) j["sha256"] = sha256;
  return j;
}

std::optional<Fingerprint> Fingerprint::from_json(const nlohmann::json& j) {
  if (!j.is_object()) return std::nullopt;
  auto p = j.find("path");
  auto s = j.find("size");
  auto m = j.find("mtime_ns");
  if (p == j.end() || !p->is_string() || s == j.end() || !s->is_number_unsigned() || m == j.end() ||
      !m->is_number_integer())
    return std::nullopt;
  Fingerprint f;
  f.path = p->get<std::string>();
  f.file = j.value("file", f.path);
  f.size = s->get<std::uint64_t>();
  f.mtime_ns = m->get<std::int64_t>();
  f.sha256 = j.value("sha256", "");
  return f;
}

std::optional<Fingerprint> take_fingerprint(const std::filesystem::path& path, bool hash) {
  auto info = stat_file(path);
  if (!info) return std::nullopt;
  Fingerprint f;
  f.file = path.string();
  f.path = info->real_path;
  f.size = info->size;
  f.mtime_ns = info->mtime_ns;
  if (hash && f.size <= k_hash_limit) {
    try {
      f.sha256 = util::sha256_file(f.path);
    } catch (const Error&) {
      f.sha256.clear();  // unreadable (execute-only): size and mtime still identify it
    }
  }
  return f;
}

Freshness check_fingerprint(const Fingerprint& recorded) {
  auto info = stat_file(recorded.file.empty() ? recorded.path : recorded.file);
  if (!info) return Freshness::vanished;
  if (info->real_path != recorded.path || info->size != recorded.size || info->mtime_ns != recorded.mtime_ns)
    return Freshness::changed;
  return Freshness::fresh;
}

const char* freshness_name(Freshness f) {
  switch (f) {
    case Freshness::fresh: return "fresh";
    case Freshness::changed: return "changed";
    case Freshness::vanished: return "vanished";
  }
  return "?";
}

}  // namespace request::env
