#pragma once
// What every command gets: the global flags, the workspace (opened on first
// use) and the output conventions (--json on stdout, human text on stderr).
#include <optional>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "lib/store/home.hpp"

namespace request::cli {

struct GlobalOptions {
  std::string home;  // --home
  bool json = false;
  bool quiet = false;
  bool verbose = false;
  bool no_color = false;
};

class Context {
public:
  GlobalOptions global;

  // Opens REQUEST_HOME on first call (creating it and `local` if needed).
  store::Home& home();

  // One JSON document on stdout.
  void print_json(const nlohmann::json& doc) const;
  // Plain result text on stdout (human mode).
  void out(const std::string& text) const;
  // Progress and notes on stderr, silenced by -q and --json.
  void info(const std::string& text) const;
  // Warnings on stderr as "request: warning: ...", silenced by -q.
  void warn(const std::string& text) const;
  bool stdout_is_tty() const;
  bool stderr_is_tty() const;
  bool color() const;

private:
  std::optional<store::Home> m_home;
};

// Aligned plain-text table: header row then rows; column widths fit the content.
std::string format_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

}  // namespace request::cli
