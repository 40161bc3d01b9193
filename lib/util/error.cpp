#include "lib/util/error.hpp"

#include <cstring>

namespace request {

Error::Error(ExitCode code, std::string where, std::string what, std::string hint)
    : std::runtime_error(where.empty() ? what : where + ": " + what),
      m_code(code), m_where(std::move(where)), m_what(std::move(what)), m_hint(std::move(hint)) {}

std::string Error::line() const {
  std::string s = m_where.empty() ? m_what : m_where + ": " + m_what;
  if (!m_hint.empty()) s += " (hint: " + m_hint + ")";
  return s;
}

std::string errno_text(int err) { return std::strerror(err); }

}  // namespace request
