#include "lib/env/machine.hpp"

#include <dirent.h>
#include <gnu/libc-version.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace request::env {

namespace {

std::string read_small(const std::string& path) {
  std::ifstream in(path);
  if (!in) return {};
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// Fields of /proc/cpuinfo: model, sockets, physical cores.
void add_cpu(nlohmann::json& m) {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  std::string model;
  std::string physical = "0";
  std::set<std::string> sockets;
  std::set<std::string> cores;
  while (std::getline(in, line)) {
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string key = trim(line.substr(0, colon));
    std::string value = trim(line.substr(colon + 1));
    if ((key == "model name" || key == "Model" || key == "cpu model") && model.empty()) model = value;
    if (key == "physical id") {
      physical = value;
      sockets.insert(value);
    }
    if (key == "core id") cores.insert(physical + ":" + value);
  }
  m["cpu_model"] = model.empty() ? nlohmann::json(nullptr) : nlohmann::json(model);
  long threads = ::sysconf(_SC_NPROCESSORS_ONLN);
  m["threads"] = threads > 0 ? nlohmann::json(threads) : nlohmann::json(nullptr);
  m["cores"] = !cores.empty() ? nlohmann::json(cores.size()) : m["threads"];
  m["sockets"] = sockets.empty() ? nlohmann::json(1) : nlohmann::json(sockets.size());
}

void add_caches(nlohmann::json& m) {
  nlohmann::json caches = nlohmann::json::array();
  const std::string base = "/sys/devices/system/cpu/cpu0/cache";
  for (int i = 0; i < 16; ++i) {
    std::string dir = base + "/index" + std::to_string(i);
    std::string level = read_small(dir + "/level");
    if (level.empty()) break;
    unsigned long long size = parse_size(read_small(dir + "/size"));
    nlohmann::json c = {{"level", std::stoi(level)}, {"type", read_small(dir + "/type")}};
    c["size_bytes"] = size ? nlohmann::json(size) : nlohmann::json(nullptr);
    std::string shared = read_small(dir + "/shared_cpu_list");
    if (!shared.empty()) c["shared_cpu_list"] = shared;
    caches.push_back(std::move(c));
  }
  m["caches"] = caches;
}

void add_memory(nlohmann::json& m) {
  std::ifstream in("/proc/meminfo");
  std::string line;
  m["memory_bytes"] = nullptr;
  while (std::getline(in, line)) {
    if (line.rfind("MemTotal:", 0) == 0) {
      unsigned long long b = parse_size(trim(line.substr(9)));
      if (b) m["memory_bytes"] = b;
      break;
    }
  }
}

std::string unquote(std::string v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
  return v;
}

void add_os(nlohmann::json& m) {
  m["os"] = nullptr;
  m["os_id"] = nullptr;
  m["os_version"] = nullptr;
  std::ifstream in("/etc/os-release");
  std::string line;
  while (std::getline(in, line)) {
    auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string key = line.substr(0, eq);
    std::string value = unquote(line.substr(eq + 1));
    if (key == "PRETTY_NAME") m["os"] = value;
    else if (key == "ID") m["os_id"] = value;
    else if (key == "VERSION_ID") m["os_version"] = value;
  }
  utsname u{};
  if (::uname(&u) == 0) {
    m["kernel"] = std::string(u.sysname) + " " + u.release;
    m["architecture"] = u.machine;
  } else {
    m["kernel"] = nullptr;
    m["architecture"] = nullptr;
  }
  m["libc"] = std::string("glibc ") + ::gnu_get_libc_version();
}

void add_power(nlohmann::json& m) {
  std::string gov = read_small("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor");
  m["governor"] = gov.empty() ? nlohmann::json(nullptr) : nlohmann::json(gov);
  bool rapl = false;
  if (DIR* d = ::opendir("/sys/class/powercap")) {
    while (dirent* de = ::readdir(d)) {
      std::string name = de->d_name;
      if (name.rfind("intel-rapl", 0) != 0) continue;
      std::string file = "/sys/class/powercap/" + name + "/energy_uj";
      if (::access(file.c_str(), R_OK) == 0 && !read_small(file).empty()) {
        rapl = true;
        break;
      }
    }
    ::closedir(d);
  }
  m["rapl_readable"] = rapl;
}

}  // namespace

unsigned long long parse_size(const std::string& text) {
  std::string t = trim(text);
  size_t i = 0;
  unsigned long long n = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') n = n * 10 + static_cast<unsigned long long>(t[i++] - '0');
  if (i == 0) return 0;
  std::string unit = trim(t.substr(i));
  if (unit.empty() || unit == "B") return n;
  char u = static_cast<char>(unit[0] | 0x20);
  if (u == 'k') return n << 10;
  if (u == 'm') return n << 20;
  if (u == 'g') return n << 30;
  return 0;
}

nlohmann::json describe_machine(bool record_hostname) {
  nlohmann::json m = nlohmann::json::object();
  add_cpu(m);
  add_caches(m);
  add_memory(m);
  add_os(m);
  add_power(m);
  if (record_hostname) {
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) == 0) m["hostname"] = host;
  }
  return m;
}

}  // namespace request::env
