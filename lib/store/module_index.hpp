#pragma once
// The find index: a cache of one module's entry summaries (alias, uid, tags)
// under REQUEST_HOME/cache/index/. The files stay the source of truth: every
// use re-checks the module folder and each meta file (inode, size, mtime,
// ctime) and re-reads what changed; entries changed within the timestamp
// granularity of the index build are never trusted (git's racy-clean rule).
#include <cstdint>
#include <filesystem>
#include <string>

#include "lib/store/repository.hpp"
#include "lib/store/scan.hpp"

namespace request::store {

// What one indexed scan did; for tests and benchmarks.
struct IndexStats {
  bool index_loaded = false;   // a matching index file was read
  bool dir_unchanged = false;  // the module folder was not listed again
  size_t reused = 0;           // entries served from the index after a stat
  size_t reloaded = 0;         // entries whose meta file was read
  bool written = false;        // the index file was (re)written
};

// Where the index of `module` in the repository at `repo_root` lives.
std::filesystem::path module_index_path(const std::filesystem::path& cache_dir,
                                        const std::filesystem::path& repo_root, const std::string& module);

// scan_module through the index in `cache_dir` (created when missing; an
// unwritable cache only costs speed). Same result as scanning the files.
ScanResult scan_module_indexed(const std::filesystem::path& cache_dir, const Repository& repo,
                               const std::string& module, IndexStats* stats = nullptr);

// scan_module without any index: list the folder and read every meta file.
ScanResult scan_module_files(const Repository& repo, const std::string& module);

}  // namespace request::store
