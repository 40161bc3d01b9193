#include "lib/env/detection.hpp"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <set>

#include "lib/env/process.hpp"
#include "lib/util/error.hpp"
#include "lib/util/strings.hpp"

namespace request::env {

namespace {

bool is_executable_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

std::string real_path(const std::string& path) {
  char* real = ::realpath(path.c_str(), nullptr);
  if (!real) return path;
  std::string out = real;
  std::free(real);
  return out;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return s.substr(i);
}

std::string first_line(const std::string& s) {
  std::string line = trim(s.substr(0, s.find('\n')));
  if (line.size() > 120) line = line.substr(0, 117) + "...";
  return line;
}

std::string dir_of(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// The placeholders available to commands of a target.
Placeholders command_values(const DetectionTarget& t) {
  const Detector& d = *t.detector;
  Placeholders v = t.from;
  v["exe"] = t.exe;
  v["dir"] = dir_of(t.exe);
  v["name"] = d.name;
  for (const auto& [k, val] : d.params) v["param." + k] = val;
  return v;
}

std::vector<std::string> expand_argv(const std::vector<std::string>& argv, const Placeholders& v,
                                     const std::string& where) {
  std::vector<std::string> out;
  for (const auto& a : argv) out.push_back(expand(a, v, where));
  return out;
}

// Turn the outputs of one target into a detection, or throw a failure reason.
Detection finish(const DetectionTarget& t, const CaptureResult& version_run,
                 const std::map<std::string, CaptureResult>& query_runs) {
  const Detector& d = *t.detector;
  if (!version_run.ok()) {
    std::string why = "version command failed: " + version_run.failure_text(d.timeout_ms);
    std::string line = first_line(version_run.output);
    if (!line.empty()) why += ": " + line;
    throw std::runtime_error(why);
  }
  std::string text = extract_version(version_run.output, d.version_regex);
  if (text.empty())
    throw std::runtime_error("version regex '" + d.version_regex + "' does not match the output '" +
                             first_line(version_run.output) + "'");
  auto version = Version::parse(text);
  if (!version) throw std::runtime_error("'" + text + "' is not a version");
  Placeholders v = command_values(t);
  v["path"] = t.exe;
  v["version"] = text;
  Detection out;
  for (const auto& [name, run] : query_runs) {
    if (!run.ok())
      throw std::runtime_error("query '" + name + "' failed: " + run.failure_text(d.timeout_ms) +
                               (first_line(run.output).empty() ? "" : ": " + first_line(run.output)));
    out.queries[name] = trim(run.output);
    v["query." + name] = out.queries[name];
  }
  out.detector_id = d.id;
  out.detector_uid = d.uid;
  out.name = d.name;
  out.path = t.exe;
  out.version = std::move(*version);
  out.alias = expand(d.alias, v, d.id);
  for (const auto& tag : d.provides) {
    std::string e = expand(tag, v, d.id);
    if (std::find(out.tags.begin(), out.tags.end(), e) == out.tags.end()) out.tags.push_back(e);
  }
  for (const auto& [k, val] : d.env) out.env[expand(k, v, d.id)] = expand(val, v, d.id);
  for (const auto& p : d.path_dirs) {
    std::string e = expand(p, v, d.id);
    if (!e.empty() && std::find(out.path_dirs.begin(), out.path_dirs.end(), e) == out.path_dirs.end())
      out.path_dirs.push_back(e);
  }
  std::string fp_file = expand(d.fingerprint_file, v, d.id);
  auto fp = take_fingerprint(fp_file, false);
  if (!fp) throw std::runtime_error("fingerprint file '" + fp_file + "' does not exist");
  out.fingerprint = std::move(*fp);
  if (auto it = t.from.find("from.cid"); it != t.from.end()) out.from = it->second;
  return out;
}

}  // namespace

ExecutableFinder::ExecutableFinder(std::vector<std::string> path_dirs) {
  for (auto& d : path_dirs) {
    if (d.empty()) continue;
    if (std::find(m_dirs.begin(), m_dirs.end(), d) == m_dirs.end()) m_dirs.push_back(std::move(d));
  }
}

ExecutableFinder ExecutableFinder::from_environment() {
  const char* path = std::getenv("PATH");
  return ExecutableFinder(util::split(path ? path : "", ':'));
}

const std::vector<std::string>& ExecutableFinder::listing(const std::string& dir) {
  auto it = m_listings.find(dir);
  if (it != m_listings.end()) return it->second;
  std::vector<std::string> names;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (dirent* de = ::readdir(d)) {
      if (de->d_name[0] == '.') continue;
      names.emplace_back(de->d_name);
    }
    ::closedir(d);
  }
  std::sort(names.begin(), names.end());
  return m_listings.emplace(dir, std::move(names)).first->second;
}

std::vector<std::string> ExecutableFinder::find(const Detector& d) {
  std::vector<std::string> dirs = m_dirs;
  for (const auto& extra : d.search_dirs)
    if (std::find(dirs.begin(), dirs.end(), extra) == dirs.end()) dirs.push_back(extra);
  std::vector<std::regex> patterns;
  for (const auto& p : d.executable_patterns) patterns.emplace_back(p);
  std::vector<std::string> out;
  std::set<std::string> seen_real;
  auto consider = [&](const std::string& file) {
    if (!is_executable_file(file)) return;
    if (seen_real.insert(real_path(file)).second) out.push_back(file);
  };
  for (const auto& dir : dirs) {
    for (const auto& name : d.executables) consider(dir + "/" + name);
    if (patterns.empty()) continue;
    for (const auto& name : listing(dir)) {
      for (const auto& re : patterns) {
        if (std::regex_match(name, re)) {
          consider(dir + "/" + name);
          break;
        }
      }
    }
  }
  return out;
}

std::string extract_version(const std::string& output, const std::string& regex) {
  std::regex re(regex);
  for (const auto& line : util::split(output, '\n')) {
    std::smatch m;
    if (!std::regex_search(line, m, re)) continue;
    std::string v = m.size() > 1 && m[1].matched ? m[1].str() : m[0].str();
    return trim(v);
  }
  return {};
}

DetectionBatch run_detection(const std::vector<DetectionTarget>& targets) {
  std::vector<CaptureCommand> commands;
  // Per target: index of its version command and of each query command.
  std::vector<std::pair<size_t, std::map<std::string, size_t>>> slots;
  DetectionBatch batch;
  std::vector<bool> usable(targets.size(), true);
  int timeout = 0;
  for (size_t i = 0; i < targets.size(); ++i) {
    const DetectionTarget& t = targets[i];
    const Detector& d = *t.detector;
    timeout = std::max(timeout, d.timeout_ms);
    std::pair<size_t, std::map<std::string, size_t>> slot{0, {}};
    try {
      Placeholders v = command_values(t);
      slot.first = commands.size();
      commands.push_back({expand_argv(d.version_command, v, d.id), true});
      for (const auto& [name, argv] : d.queries) {
        slot.second[name] = commands.size();
        commands.push_back({expand_argv(argv, v, d.id), false});
      }
    } catch (const Error& e) {
      batch.failures.push_back({d.id, t.exe, e.message()});
      usable[i] = false;
    }
    slots.push_back(std::move(slot));
  }
  std::vector<CaptureResult> results = capture_all(commands, timeout > 0 ? timeout : k_default_timeout_ms);
  for (size_t i = 0; i < targets.size(); ++i) {
    if (!usable[i]) continue;
    const DetectionTarget& t = targets[i];
    std::map<std::string, CaptureResult> query_runs;
    for (const auto& [name, idx] : slots[i].second) query_runs[name] = results[idx];
    try {
      batch.found.push_back(finish(t, results[slots[i].first], query_runs));
    } catch (const Error& e) {
      batch.failures.push_back({t.detector->id, t.exe, e.message()});
    } catch (const std::exception& e) {
      batch.failures.push_back({t.detector->id, t.exe, e.what()});
    }
  }
  return batch;
}

}  // namespace request::env
