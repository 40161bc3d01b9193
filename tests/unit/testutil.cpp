#include "tests/unit/testutil.hpp"

#include <cstdlib>
#include <fstream>
#include <vector>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;

namespace request::test {

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "request-unit-XXXXXX").string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed");
  m_path = buf.data();
}

TempDir::~TempDir() {
  // Keep the data of a failing test (ccache's unittest does the same).
  if (Catch::getResultCapture().lastAssertionPassed() || !std::getenv("REQUEST_KEEP_FAILED")) {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
}

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace request::test
