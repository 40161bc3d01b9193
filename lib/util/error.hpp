#pragma once
// The one error type that ends a command, and the exit codes of docs/CLI.md.
#include <stdexcept>
#include <string>

namespace request {

// Exit codes are part of the user-facing contract (README "Exit codes").
enum class ExitCode : int {
  ok = 0,
  failed = 1,        // the command ran and failed
  usage = 2,         // unknown command or flag, bad value
  not_found = 3,     // repository, entry, dependency candidate
  invalid_data = 4,  // malformed JSON/YAML, schema violation, hash mismatch, unsafe path
  unresolved = 5,    // dependency could not be resolved
  interrupted = 130, // SIGINT/SIGTERM
};

// Thrown for expected failures; main() prints `request: error: <where>: <what>`.
class Error : public std::runtime_error {
public:
  Error(ExitCode code, std::string where, std::string what, std::string hint = {});

  ExitCode code() const { return m_code; }
  const std::string& where() const { return m_where; }
  const std::string& message() const { return m_what; }
  const std::string& hint() const { return m_hint; }
  // The full one-line message, without the "request: error: " prefix.
  std::string line() const;

private:
  ExitCode m_code;
  std::string m_where;
  std::string m_what;
  std::string m_hint;
};

// errno as "No such file or directory".
std::string errno_text(int err);

}  // namespace request
