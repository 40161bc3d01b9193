#include "lib/env/resolver.hpp"

#include <algorithm>
#include <numeric>

#include "lib/util/error.hpp"

namespace request::env {

namespace {

size_t path_position(const std::string& exe, const std::vector<std::string>& path_dirs) {
  auto slash = exe.rfind('/');
  std::string dir = slash == std::string::npos ? "" : (slash == 0 ? "/" : exe.substr(0, slash));
  auto it = std::find(path_dirs.begin(), path_dirs.end(), dir);
  return it == path_dirs.end() ? path_dirs.size() : static_cast<size_t>(it - path_dirs.begin());
}

}  // namespace

Choice choose(const VersionRange& range, const std::vector<Candidate>& candidates,
              const std::vector<std::string>& path_dirs) {
  std::vector<size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<size_t> pos(candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i) pos[i] = path_position(candidates[i].path, path_dirs);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Candidate& ca = candidates[a];
    const Candidate& cb = candidates[b];
    int c = compare(ca.version, cb.version);
    if (c != 0) return c > 0;
    if (pos[a] != pos[b]) return pos[a] < pos[b];
    if (ca.rank != cb.rank) return ca.rank < cb.rank;
    return ca.id < cb.id;
  });
  Choice out;
  for (size_t i : order) {
    const Candidate& c = candidates[i];
    std::string reason;
    if (!c.unusable.empty()) {
      reason = c.unusable;
    } else if (const VersionConstraint* failed = range.first_failed(c.version)) {
      reason = "version " + c.version.text() + " does not satisfy '" + failed->text + "'";
    } else if (out.chosen) {
      const Candidate& w = candidates[*out.chosen];
      reason = compare(c.version, w.version) < 0 ? "version " + c.version.text() + " is lower than " + w.version.text()
                                                 : "same version as " + w.id + ", which comes first (PATH order, "
                                                   "repository order, then name)";
    } else {
      out.chosen = i;
      continue;
    }
    out.rejected.push_back({c.id, reason});
  }
  return out;
}

std::map<std::string, std::string> merge_variables(const std::vector<VariableSource>& sources) {
  std::map<std::string, std::string> merged;
  std::map<std::string, const VariableSource*> owner;
  for (const auto& s : sources) {
    for (const auto& [k, v] : s.variables) {
      auto it = merged.find(k);
      if (it == merged.end()) {
        merged[k] = v;
        owner[k] = &s;
        continue;
      }
      if (it->second == v) continue;
      const VariableSource* first = owner[k];
      throw Error(ExitCode::unresolved, "variable '" + k + "'",
                  "conflict: dependency '" + first->dependency + "' (" + first->id + ") sets '" + it->second +
                      "' but dependency '" + s.dependency + "' (" + s.id + ") sets '" + v + "'",
                  "narrow one dependency's tags or version so both agree, or drop one");
    }
  }
  return merged;
}

}  // namespace request::env
