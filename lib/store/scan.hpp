#pragma once
// Listing the entries of one module of a repository: alias, uid, tags and the
// meta file name. This is the hot path of `find`; an index cache may serve it,
// but the files stay the source of truth.
#include <string>
#include <vector>

#include "lib/store/home.hpp"
#include "lib/store/repository.hpp"

namespace request::store {

struct EntrySummary {
  std::string alias;
  std::string uid;
  std::vector<std::string> tags;
  std::string meta_file;  // "meta.json" or "meta.yaml"
};

struct ScanResult {
  std::vector<EntrySummary> entries;  // sorted by alias
  std::vector<std::string> warnings;  // entries skipped, with why
};

// Served by the find index under home.cache_dir() (lib/store/module_index.hpp),
// which re-checks the files on every call; REQUEST_NO_INDEX=1 reads the files only.
ScanResult scan_module(const Home& home, const Repository& repo, const std::string& module);

}  // namespace request::store
