#include "lib/store/module_index.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <ctime>
#include <functional>
#include <thread>

#include "lib/store/entry.hpp"
#include "lib/util/atomic_file.hpp"
#include "lib/util/error.hpp"
#include "lib/util/safe_name.hpp"
#include "lib/util/strings.hpp"

namespace fs = std::filesystem;

namespace request::store {

namespace {

constexpr std::string_view k_magic = "request-index 1";
// Files changed within this long before the index was built are not trusted:
// a later change in the same timestamp tick would look the same. One kernel
// tick for nanosecond file systems (timestamps come from a coarse clock), two
// seconds for file systems with whole-second (or FAT's 2 s) timestamps.
constexpr int64_t k_fine_margin_ns = 50'000'000;
constexpr int64_t k_coarse_margin_ns = 2'000'000'000;
// Below this many entries the checks run on one thread.
constexpr size_t k_parallel_min = 2048;
constexpr char k_tag_sep = '\x1f';

// What identifies one version of a file: a change to it changes one of these.
struct Stamp {
  uint64_t ino = 0;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  int64_t ctime_ns = 0;
  bool operator==(const Stamp&) const = default;
};

// One folder of the module, as indexed.
struct Record {
  std::string alias;
  // 'j' entry with meta.json, 'y' entry with meta.yaml, 'n' folder without a
  // meta file, 'r' re-read on every use (malformed or not storable), 'x' gone.
  char kind = 'r';
  Stamp stamp;  // of the meta file ('j', 'y', 'r'), of the folder ('n')
  std::string uid;
  std::vector<std::string> tags;
  std::string warning;  // why a malformed entry was skipped
};

struct Index {
  int64_t built_ns = 0;  // realtime clock before the first stat of that build
  bool fine = true;      // file system with sub-second timestamps
  Stamp dir;
  std::vector<Record> records;  // sorted by alias

  int64_t margin() const { return fine ? k_fine_margin_ns : k_coarse_margin_ns; }
  // Changed so close to the build that a later change could share its timestamps.
  bool racy(const Stamp& s) const { return s.ctime_ns >= built_ns - margin(); }
};

int64_t ns_of(const timespec& ts) { return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec; }

Stamp to_stamp(const struct stat& st) {
  return {static_cast<uint64_t>(st.st_ino), static_cast<uint64_t>(st.st_size), ns_of(st.st_mtim), ns_of(st.st_ctim)};
}

int64_t realtime_ns() {
  timespec ts{};
  ::clock_gettime(CLOCK_REALTIME, &ts);
  return ns_of(ts);
}

// Stat `rel` under the module folder; true when it is a regular file (want_dir: a folder).
bool stat_at(int dfd, const std::string& rel, bool want_dir, Stamp& out) {
  struct stat st {};
  if (::fstatat(dfd, rel.c_str(), &st, 0) != 0) return false;
  if (want_dir ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)) return false;
  out = to_stamp(st);
  return true;
}

const char* meta_name(char kind) { return kind == 'y' ? k_meta_yaml : k_meta_json; }

bool storable(const std::string& text) { return text.find_first_of("\t\n\x1f") == std::string::npos; }

// The kind written to the index file: 'r' for entries the format cannot hold.
char stored_kind(const Record& r) {
  if (r.kind != 'j' && r.kind != 'y') return r.kind;
  bool ok = storable(r.uid) && std::all_of(r.tags.begin(), r.tags.end(), [](const std::string& t) { return storable(t); });
  return ok ? r.kind : 'r';
}

// Valid entry folder names of the module, sorted; notes leftovers of interrupted writes.
std::vector<std::string> list_module_dir(int dfd, bool& leftovers) {
  std::vector<std::string> out;
  int fd = ::dup(dfd);
  if (fd < 0) return out;
  DIR* d = ::fdopendir(fd);
  if (!d) {
    ::close(fd);
    return out;
  }
  ::rewinddir(d);
  while (dirent* de = ::readdir(d)) {
    std::string_view name = de->d_name;
    if (name.front() == '.') {
      if (util::starts_with(name, ".tmp-") || util::starts_with(name, ".trash-")) leftovers = true;
      continue;
    }
    if (de->d_type != DT_DIR && de->d_type != DT_UNKNOWN) continue;
    if (!util::name_problem(name).empty()) continue;
    if (de->d_type == DT_UNKNOWN) {
      struct stat st {};
      if (::fstatat(dfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode)) continue;
    }
    out.emplace_back(name);
  }
  ::closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

// Split `line` at tabs into exactly `n` fields.
bool split_fields(std::string_view line, std::string_view* fields, size_t n) {
  for (size_t i = 0; i + 1 < n; ++i) {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return false;
    fields[i] = line.substr(0, tab);
    line.remove_prefix(tab + 1);
  }
  fields[n - 1] = line;
  return line.find('\t') == std::string_view::npos;
}

template <typename T>
bool parse_num(std::string_view text, T& out) {
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && p == text.data() + text.size();
}

bool parse_stamp(const std::string_view* f, Stamp& s) {
  return parse_num(f[0], s.ino) && parse_num(f[1], s.size) && parse_num(f[2], s.mtime_ns) &&
         parse_num(f[3], s.ctime_ns);
}

// Next line of `text` from `pos` (without the newline); false at the end or on a torn line.
bool next_line(std::string_view text, size_t& pos, std::string_view& line) {
  if (pos >= text.size()) return false;
  size_t nl = text.find('\n', pos);
  if (nl == std::string_view::npos) return false;
  line = text.substr(pos, nl - pos);
  pos = nl + 1;
  return true;
}

// Read the index file; false when missing, for another folder, or damaged in any way.
bool read_index(const fs::path& file, const fs::path& root, const std::string& module, Index& out) {
  std::string text;
  try {
    text = util::read_file(file);
  } catch (const Error&) {
    return false;
  }
  std::string_view t = text;
  size_t pos = 0;
  std::string_view line;
  if (!next_line(t, pos, line) || line != k_magic) return false;
  if (!next_line(t, pos, line) || line != root.string()) return false;
  if (!next_line(t, pos, line) || line != module) return false;
  std::string_view h[7];
  size_t count = 0;
  if (!next_line(t, pos, line) || !split_fields(line, h, 7) || !parse_num(h[0], out.built_ns) ||
      (h[1] != "0" && h[1] != "1") || !parse_stamp(h + 2, out.dir) || !parse_num(h[6], count))
    return false;
  out.fine = h[1] == "1";
  out.records.clear();
  out.records.reserve(count);
  std::string_view f[8];
  for (size_t i = 0; i < count; ++i) {
    if (!next_line(t, pos, line) || !split_fields(line, f, 8) || f[1].size() != 1) return false;
    Record r;
    r.alias = f[0];
    r.kind = f[1][0];
    if (r.kind != 'j' && r.kind != 'y' && r.kind != 'n' && r.kind != 'r') return false;
    if (!parse_stamp(f + 2, r.stamp)) return false;
    if (!out.records.empty() && !(out.records.back().alias < r.alias)) return false;
    r.uid = f[6];
    std::string_view tags = f[7];
    while (!tags.empty()) {
      size_t sep = tags.find(k_tag_sep);
      r.tags.emplace_back(tags.substr(0, sep));
      if (sep == std::string_view::npos) break;
      tags.remove_prefix(sep + 1);
    }
    out.records.push_back(std::move(r));
  }
  return next_line(t, pos, line) && line == "end" && pos == t.size();
}

void append_stamp(std::string& s, const Stamp& st) {
  s += std::to_string(st.ino);
  s += '\t';
  s += std::to_string(st.size);
  s += '\t';
  s += std::to_string(st.mtime_ns);
  s += '\t';
  s += std::to_string(st.ctime_ns);
}

std::string serialise(const Index& idx, const fs::path& root, const std::string& module) {
  std::string s;
  s.reserve(128 + idx.records.size() * 96);
  s += k_magic;
  s += '\n';
  s += root.string() + "\n" + module + "\n";
  s += std::to_string(idx.built_ns) + (idx.fine ? "\t1\t" : "\t0\t");
  append_stamp(s, idx.dir);
  s += '\t' + std::to_string(idx.records.size()) + "\n";
  for (const Record& r : idx.records) {
    char kind = stored_kind(r);
    bool keep = kind != 'r';
    s += r.alias;
    s += '\t';
    s += kind;
    s += '\t';
    append_stamp(s, r.stamp);
    s += '\t';
    if (keep) {
      s += r.uid;
      s += '\t';
      for (size_t i = 0; i < r.tags.size(); ++i) {
        if (i) s += k_tag_sep;
        s += r.tags[i];
      }
    } else {
      s += '\t';
    }
    s += '\n';
  }
  s += "end\n";
  return s;
}

// Read one folder of the module from the files. Every stat comes before the
// read it vouches for, so a change after it shows in the next check.
void reload(int dfd, const Repository& repo, const std::string& module, Record& r) {
  r.uid.clear();
  r.tags.clear();
  r.warning.clear();
  fs::path dir = repo.root() / module / r.alias;
  try {
    Stamp dir_stamp;
    if (!stat_at(dfd, r.alias, true, dir_stamp)) {
      r.kind = 'x';
      return;
    }
    fs::path meta = find_meta_file(dir);
    if (meta.empty()) {
      r.kind = 'n';
      r.stamp = dir_stamp;
      return;
    }
    char kind = meta.filename() == k_meta_yaml ? 'y' : 'j';
    if (!stat_at(dfd, r.alias + "/" + meta_name(kind), false, r.stamp)) {
      r.kind = 'x';
      return;
    }
    Entry e = load_entry(repo.name(), module, dir, /*validate_full=*/false);
    r.kind = e.meta_path.filename() == k_meta_yaml ? 'y' : 'j';
    if (r.kind != kind) r.stamp = {};  // replaced while we looked: matches no file, read again next time
    r.uid = std::move(e.uid);
    r.tags = std::move(e.tags);
  } catch (const Error& err) {
    r.kind = 'r';
    r.warning = err.line();
  } catch (const std::exception& err) {
    r.kind = 'r';
    r.warning = dir.string() + ": " + err.what();
  }
}

// Run fn(i) for i in [0, n), on several threads when n is large.
void for_each_index(size_t n, const std::function<void(size_t)>& fn) {
  unsigned hw = std::thread::hardware_concurrency();
  size_t threads = std::min<size_t>(hw == 0 ? 1 : hw, 8);
  if (n < k_parallel_min || threads < 2) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  constexpr size_t k_chunk = 512;
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (;;) {
      size_t begin = next.fetch_add(k_chunk);
      if (begin >= n) return;
      for (size_t i = begin; i < std::min(n, begin + k_chunk); ++i) fn(i);
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& th : pool) th.join();
}

struct FdCloser {
  int fd;
  ~FdCloser() { ::close(fd); }
};

uint64_t fnv1a(std::string_view text) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

fs::path module_index_path(const fs::path& cache_dir, const fs::path& repo_root, const std::string& module) {
  char hex[17];
  auto [p, ec] = std::to_chars(hex, hex + 16, fnv1a(repo_root.string() + '\n' + module), 16);
  (void)ec;
  return cache_dir / "index" / (module + "-" + std::string(hex, p) + ".idx");
}

ScanResult scan_module_files(const Repository& repo, const std::string& module) {
  ScanResult out;
  for (const auto& alias : repo.aliases(module)) {
    try {
      auto dir = repo.root() / module / alias;
      if (find_meta_file(dir).empty()) continue;  // a folder that is not an entry
      Entry e = load_entry(repo.name(), module, dir, /*validate_full=*/false);
      out.entries.push_back({e.alias, e.uid, e.tags, e.meta_path.filename().string()});
    } catch (const Error& err) {
      out.warnings.push_back(err.line());
    }
  }
  return out;
}

ScanResult scan_module_indexed(const fs::path& cache_dir, const Repository& repo, const std::string& module,
                               IndexStats* stats) {
  IndexStats local;
  IndexStats& st = stats ? *stats : local;
  st = {};
  ScanResult out;
  if (!util::name_problem(module).empty() || repo.root().string().find('\n') != std::string::npos)
    return scan_module_files(repo, module);
  fs::path mdir = repo.root() / module;
  int dfd = ::open(mdir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) return out;  // the module has no folder in this repository
  FdCloser closer{dfd};

  Index now;
  now.built_ns = realtime_ns();  // before every stat below
  struct stat dst {};
  if (::fstat(dfd, &dst) != 0) return scan_module_files(repo, module);
  now.dir = to_stamp(dst);

  fs::path file = module_index_path(cache_dir, repo.root(), module);
  Index old;
  st.index_loaded = read_index(file, repo.root(), module, old);
  st.dir_unchanged = st.index_loaded && old.dir == now.dir && !old.racy(old.dir);

  // Pair every folder with its old record (if any).
  std::vector<Record*> prev;
  bool leftovers = false;
  if (st.dir_unchanged) {
    now.records.resize(old.records.size());
    for (size_t i = 0; i < old.records.size(); ++i) {
      now.records[i].alias = old.records[i].alias;
      prev.push_back(&old.records[i]);
    }
  } else {
    std::vector<std::string> names = list_module_dir(dfd, leftovers);
    now.records.resize(names.size());
    size_t j = 0;
    for (size_t i = 0; i < names.size(); ++i) {
      while (j < old.records.size() && old.records[j].alias < names[i]) ++j;
      prev.push_back(j < old.records.size() && old.records[j].alias == names[i] ? &old.records[j] : nullptr);
      now.records[i].alias = std::move(names[i]);
    }
  }

  // Check each folder against its record; read what changed or cannot be trusted.
  std::vector<char> changed(now.records.size(), 0);
  std::atomic<size_t> reused{0};
  for_each_index(now.records.size(), [&](size_t i) {
    Record& r = now.records[i];
    Record* p = prev[i];
    if (p && !old.racy(p->stamp) && p->kind != 'r') {
      Stamp s;
      bool same = p->kind == 'n' ? stat_at(dfd, r.alias, true, s) : stat_at(dfd, r.alias + "/" + meta_name(p->kind), false, s);
      if (same && s == p->stamp) {
        r = std::move(*p);
        reused.fetch_add(1, std::memory_order_relaxed);
        return;
      }
    }
    reload(dfd, repo, module, r);
    changed[i] = !p || old.racy(p->stamp) || p->kind != stored_kind(r) || !(p->stamp == r.stamp);
  });
  st.reused = reused.load();
  st.reloaded = now.records.size() - st.reused;

  bool any_nsec = now.dir.mtime_ns % 1'000'000'000 != 0 || now.dir.ctime_ns % 1'000'000'000 != 0;
  for (const Record& r : now.records) {
    if (r.kind == 'j' || r.kind == 'y') out.entries.push_back({r.alias, r.uid, r.tags, meta_name(r.kind)});
    if (!r.warning.empty()) out.warnings.push_back(r.warning);
    if (!any_nsec && r.stamp.ctime_ns % 1'000'000'000 != 0) any_nsec = true;
  }
  now.fine = any_nsec;
  std::erase_if(now.records, [](const Record& r) { return r.kind == 'x'; });

  bool dirty = !st.dir_unchanged || std::any_of(changed.begin(), changed.end(), [](char c) { return c != 0; });
  if (dirty) {
    try {
      std::error_code ec;
      fs::create_directories(file.parent_path(), ec);
      util::write_file_atomic(file, serialise(now, repo.root(), module), util::Durability::cache);
      st.written = true;
    } catch (const Error&) {
      // An unwritable cache costs speed, never correctness.
    }
  }
  if (leftovers && !repo.readonly()) {
    try {
      repo.sweep_module_leftovers(module);
    } catch (const Error&) {
    }
  }
  return out;
}

}  // namespace request::store
