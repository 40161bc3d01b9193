#include "lib/store/scan.hpp"

#include <cstdlib>
#include <string_view>

#include "lib/store/module_index.hpp"

namespace request::store {

ScanResult scan_module(const Home& home, const Repository& repo, const std::string& module) {
  const char* off = std::getenv("REQUEST_NO_INDEX");
  if (off && *off && std::string_view(off) != "0") return scan_module_files(repo, module);
  return scan_module_indexed(home.cache_dir(), repo, module);
}

}  // namespace request::store
