#include "lib/env/placeholders.hpp"

#include "lib/util/error.hpp"
#include "lib/util/strings.hpp"

namespace request::env {

std::string expand(std::string_view text, const Placeholders& values, const std::string& where) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('{', i);
    if (open == std::string_view::npos) break;
    size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    std::string key(text.substr(open + 1, close - open - 1));
    auto it = values.find(key);
    if (it == values.end()) {
      std::vector<std::string> known;
      for (const auto& [k, v] : values) known.push_back("{" + k + "}");
      throw Error(ExitCode::invalid_data, where, "unknown placeholder '{" + key + "}' in '" + std::string(text) + "'",
                  "known here: " + util::join(known, " "));
    }
    out += it->second;
    i = close + 1;
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace request::env
