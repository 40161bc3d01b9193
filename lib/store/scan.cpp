#include "lib/store/scan.hpp"

#include "lib/util/error.hpp"

namespace request::store {

ScanResult scan_module(const Home& /*home*/, const Repository& repo, const std::string& module) {
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

}  // namespace request::store
