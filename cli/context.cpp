#include "cli/context.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace request::cli {

store::Home& Context::home() {
  if (!m_home) m_home.emplace(store::Home::open(global.home.empty() ? std::nullopt
                                                                   : std::optional<std::filesystem::path>(global.home)));
  return *m_home;
}

void Context::print_json(const nlohmann::json& doc) const {
  std::string s = doc.dump(2);
  s += '\n';
  std::fwrite(s.data(), 1, s.size(), stdout);
}

void Context::out(const std::string& text) const {
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (text.empty() || text.back() != '\n') std::fputc('\n', stdout);
}

void Context::info(const std::string& text) const {
  if (global.quiet || global.json) return;
  std::fprintf(stderr, "%s\n", text.c_str());
}

void Context::warn(const std::string& text) const {
  if (global.quiet) return;
  std::fprintf(stderr, "request: warning: %s\n", text.c_str());
}

bool Context::stdout_is_tty() const { return ::isatty(STDOUT_FILENO) == 1; }
bool Context::stderr_is_tty() const { return ::isatty(STDERR_FILENO) == 1; }
bool Context::color() const { return !global.no_color && stdout_is_tty() && !std::getenv("NO_COLOR"); }

std::string format_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> width(header.size(), 0);
  for (size_t i = 0; i < header.size(); ++i) width[i] = header[i].size();
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size() && i < width.size(); ++i) width[i] = std::max(width[i], r[i].size());
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (size_t i = 0; i < width.size(); ++i) {
      const std::string cell = i < cells.size() ? cells[i] : "";
      s += cell;
      if (i + 1 < width.size()) s += std::string(width[i] - cell.size() + 2, ' ');
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s + "\n";
  };
  std::string out = line(header);
  for (const auto& r : rows) out += line(r);
  return out;
}

}  // namespace request::cli
