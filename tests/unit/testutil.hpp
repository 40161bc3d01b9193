#pragma once
// A fresh temporary directory per test, kept on failure for inspection.
#include <filesystem>
#include <string>

namespace request::test {

class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::string& rel) const { return m_path / rel; }

private:
  std::filesystem::path m_path;
};

// Write a file (creating parent folders).
void write_text(const std::filesystem::path& path, const std::string& text);

}  // namespace request::test
