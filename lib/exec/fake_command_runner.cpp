#include "lib/exec/fake_command_runner.hpp"

namespace request::exec {

ProcessResult FakeCommandRunner::run(const ProcessSpec& spec) {
  m_calls.push_back(spec);
  if (!m_queue.empty()) {
    ProcessResult r = std::move(m_queue.front());
    m_queue.pop_front();
    return r;
  }
  if (m_respond) return m_respond(spec);
  ProcessResult r;
  r.exit_code = 0;
  r.wall_s = m_default_wall_s;
  return r;
}

}  // namespace request::exec
