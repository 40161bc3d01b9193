#include "lib/util/atomic_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <vector>

#include "lib/util/error.hpp"

namespace fs = std::filesystem;

namespace request::util {

namespace {
[[noreturn]] void fail(const fs::path& where, const std::string& what, int err) {
  throw Error(err == ENOENT ? ExitCode::not_found : ExitCode::failed, where.string(),
              what + ": " + errno_text(err));
}
}  // namespace

AtomicFile::AtomicFile(fs::path target) : m_target(std::move(target)) {
  fs::path dir = m_target.parent_path();
  if (dir.empty()) dir = ".";
  std::string tmpl = (dir / (std::string(k_temp_prefix) + m_target.filename().string() + "-XXXXXX")).string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  m_fd = ::mkostemp(buf.data(), O_CLOEXEC);
  if (m_fd < 0) fail(dir, "cannot create a temporary file", errno);
  ::fchmod(m_fd, 0644);
  m_temp = buf.data();
}

AtomicFile::~AtomicFile() {
  if (m_fd >= 0) ::close(m_fd);
  if (!m_committed && !m_temp.empty()) ::unlink(m_temp.c_str());
}

void AtomicFile::write(std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(m_fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(m_temp, "write failed", errno);
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
}

void AtomicFile::commit(Durability durability) {
  bool durable = durability == Durability::durable;
  if (durable && ::fsync(m_fd) != 0) fail(m_temp, "fsync failed", errno);
  if (::close(m_fd) != 0) {
    m_fd = -1;
    fail(m_temp, "close failed", errno);
  }
  m_fd = -1;
  if (::rename(m_temp.c_str(), m_target.c_str()) != 0) fail(m_target, "cannot rename temporary file into place", errno);
  m_committed = true;
  if (!durable) return;
  fs::path dir = m_target.parent_path();
  fsync_directory(dir.empty() ? fs::path(".") : dir);
}

void write_file_atomic(const fs::path& target, std::string_view data, Durability durability) {
  AtomicFile f(target);
  f.write(data);
  f.commit(durability);
}

void remove_dead_temporaries(const fs::path& target) {
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string prefix = std::string(k_temp_prefix) + target.filename().string() + "-";
  DIR* d = ::opendir(dir.c_str());
  if (!d) return;
  std::vector<std::string> dead;
  while (dirent* de = ::readdir(d)) {
    std::string_view name = de->d_name;
    if (name.size() == prefix.size() + 6 && name.substr(0, prefix.size()) == prefix) dead.emplace_back(name);
  }
  ::closedir(d);
  for (const auto& name : dead) ::unlink((dir / name).c_str());
}

void fsync_directory(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail(dir, "cannot open directory", errno);
  ::fsync(fd);  // some file systems refuse fsync on directories; the rename is still atomic
  ::close(fd);
}

std::string read_file(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(path, "cannot read", errno);
  std::string out;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      fail(path, "cannot read", err);
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

fs::path make_temp_dir(const fs::path& dir) {
  std::string tmpl = (dir / (std::string(k_temp_prefix) + "XXXXXX")).string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (::mkdtemp(buf.data()) == nullptr) fail(dir, "cannot create a temporary directory", errno);
  return fs::path(buf.data());
}

}  // namespace request::util
