#pragma once
// The environment variables a result records: only allowlisted names, and the
// values of names that look like secrets replaced by "<redacted>".
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace request::result {

// What a redacted value is recorded as.
inline constexpr const char* k_redacted = "<redacted>";

// True when the name contains TOKEN, SECRET, PASSWORD, PASSWD or KEY (any case).
bool is_secret_name(std::string_view name);

// True for the names recorded by default: PATH, LD_LIBRARY_PATH, LANG, LC_*,
// TZ, OMP_*, GOMP_*, KMP_*, MKL_*, OPENBLAS_*, CUDA_VISIBLE_DEVICES, ...
bool is_allowlisted(std::string_view name);

// The recorded subset of `env`: allowlisted names plus `extra` (a program's
// `record_env` and the resolved dependencies' variables), secrets redacted.
std::map<std::string, std::string> recorded_environment(const std::map<std::string, std::string>& env,
                                                        const std::vector<std::string>& extra);

// Replace every occurrence of a secret value of `env` (non-empty, at least 4
// characters) in `text` by "<redacted>" (for recorded command lines).
std::string redact_secrets(std::string text, const std::map<std::string, std::string>& env);

}  // namespace request::result
