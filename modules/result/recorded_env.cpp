#include "modules/result/recorded_env.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace request::result {

namespace {

constexpr std::array<std::string_view, 5> k_secret_words = {"TOKEN", "SECRET", "PASSWORD", "PASSWD", "KEY"};
constexpr std::array<std::string_view, 9> k_exact = {
    "PATH", "LD_LIBRARY_PATH", "LANG", "LANGUAGE", "TZ", "CUDA_VISIBLE_DEVICES", "PYTHONHASHSEED", "CC", "CXX"};
constexpr std::array<std::string_view, 8> k_prefixes = {"LC_",  "OMP_",      "GOMP_",  "KMP_",
                                                        "MKL_", "OPENBLAS_", "MALLOC_", "REQUEST_RECORD_"};

}  // namespace

bool is_secret_name(std::string_view name) {
  std::string upper(name);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return std::any_of(k_secret_words.begin(), k_secret_words.end(),
                     [&](std::string_view w) { return upper.find(w) != std::string::npos; });
}

bool is_allowlisted(std::string_view name) {
  if (std::find(k_exact.begin(), k_exact.end(), name) != k_exact.end()) return true;
  return std::any_of(k_prefixes.begin(), k_prefixes.end(),
                     [&](std::string_view p) { return name.substr(0, p.size()) == p; });
}

std::map<std::string, std::string> recorded_environment(const std::map<std::string, std::string>& env,
                                                        const std::vector<std::string>& extra) {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : env) {
    bool wanted = is_allowlisted(k) || std::find(extra.begin(), extra.end(), k) != extra.end();
    if (!wanted) continue;
    out[k] = is_secret_name(k) ? k_redacted : v;
  }
  return out;
}

std::string redact_secrets(std::string text, const std::map<std::string, std::string>& env) {
  constexpr size_t k_min_secret = 4;
  for (const auto& [k, v] : env) {
    if (!is_secret_name(k) || v.size() < k_min_secret) continue;
    for (size_t pos = text.find(v); pos != std::string::npos; pos = text.find(v, pos + 1))
      text.replace(pos, v.size(), k_redacted);
  }
  return text;
}

}  // namespace request::result
