#pragma once
// CIDs name entries: [repo:]module:name, name = alias or 16-hex uid; '*' and '?' wildcards.
#include <optional>
#include <string>
#include <string_view>

namespace request::store {

struct Cid {
  std::optional<std::string> repo;
  std::string module;
  std::string name;

  std::string str() const;
  bool has_wildcards() const;
};

// Throws Error(usage) for text that is not of the form [repo:]module:name.
Cid parse_cid(std::string_view text);

}  // namespace request::store
