#include "lib/util/safe_name.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <random>

#include "lib/util/error.hpp"

namespace fs = std::filesystem;

namespace request::util {

std::string name_problem(std::string_view name) {
  if (name.empty()) return "is empty";
  if (name.size() > k_max_name_length) return "is longer than 128 characters";
  if (name == "." || name == "..") return "is a relative path component";
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return "contains a control character";
    if (c == '/') return "contains '/'";
    if (c >= 'A' && c <= 'Z') return "contains upper case (names are lower case)";
    if (c >= 0x80) return "contains a non-ASCII character";
  }
  if (name.front() == '.') return "starts with '.'";
  if (name.front() == '-' || name.front() == '_') return "must start with a letter or digit";
  for (unsigned char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return std::string("contains '") + static_cast<char>(c) + "' (allowed: a-z 0-9 . _ -)";
  }
  if (name.find("..") != std::string_view::npos) return "contains '..'";
  return {};
}

void require_safe_name(std::string_view name, std::string_view what) {
  std::string problem = name_problem(name);
  if (!problem.empty()) {
    throw Error(ExitCode::invalid_data, std::string(what) + " '" + std::string(name) + "'",
                "unsafe name: " + problem, "names match [a-z0-9][a-z0-9._-]*");
  }
}

bool is_uid(std::string_view text) {
  if (text.size() != 16) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string new_uid() {
  static thread_local std::mt19937_64 gen = [] {
    std::random_device rd;
    std::seed_seq seq{rd(), rd(), rd(), rd(), static_cast<unsigned>(::getpid())};
    return std::mt19937_64(seq);
  }();
  static const char* hex = "0123456789abcdef";
  uint64_t v = gen();
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<size_t>(i)] = hex[v & 0xf];
  return out;
}

void require_inside(const fs::path& root, const fs::path& path) {
  std::error_code ec;
  fs::path real_root = fs::weakly_canonical(root, ec);
  fs::path real = fs::weakly_canonical(path, ec);
  if (ec) throw Error(ExitCode::invalid_data, path.string(), "cannot resolve path: " + ec.message());
  auto r = real_root.begin();
  auto p = real.begin();
  for (; r != real_root.end(); ++r, ++p) {
    if (p == real.end() || *r != *p) {
      throw Error(ExitCode::invalid_data, path.string(),
                  "unsafe path: resolves to '" + real.string() + "', outside repository '" + real_root.string() + "'",
                  "a symlink inside the repository points outside it");
    }
  }
}

}  // namespace request::util
