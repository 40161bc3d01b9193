#pragma once
// Selecting entries across registered repositories: by repo, module, name
// pattern, tags (all must match, "-tag" excludes) and meta values (dotted keys).
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lib/store/cid.hpp"
#include "lib/store/entry.hpp"
#include "lib/store/home.hpp"

namespace request::store {

struct WhereClause {
  std::string key;      // dotted path into meta
  nlohmann::json value; // parsed like --set values
};

struct Query {
  std::optional<std::string> repo;    // exact name or wildcard
  std::optional<std::string> module;  // exact name or wildcard
  std::string name = "*";             // alias or uid, wildcards allowed
  std::vector<std::string> tags;      // all required
  std::vector<std::string> not_tags;  // none allowed
  std::vector<WhereClause> where;
};

// Parse "a,b,-c" into required and excluded tags.
void parse_tag_filter(const std::string& text, Query& q);
// Parse "key=value".
WhereClause parse_where(const std::string& text);

// Problems met while scanning (malformed meta): reported, not fatal for find.
struct FindResult {
  std::vector<Entry> entries;     // sorted by repository order, module, alias
  std::vector<std::string> warnings;
};
FindResult find_entries(const Home& home, const Query& q);

// Resolve a CID to entries (wildcards allowed). Throws Error(not_found) with a
// "did you mean" hint when nothing matches.
std::vector<Entry> resolve(const Home& home, const Cid& cid);
// Exactly one entry; throws Error(usage) when a wildcard matches several.
Entry resolve_one(const Home& home, const Cid& cid);

}  // namespace request::store
