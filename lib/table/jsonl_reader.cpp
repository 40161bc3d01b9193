// JSON Lines into a Table: one object per line, nested objects flattened to
// dotted column names, columns in order of first appearance.
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "lib/table/table.hpp"
#include "lib/util/atomic_file.hpp"
#include "lib/util/error.hpp"

namespace request::table {

namespace {

using Json = nlohmann::json;

void flatten(const Json& obj, const std::string& prefix, std::vector<std::pair<std::string, const Json*>>& out) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    std::string key = prefix.empty() ? it.key() : prefix + "." + it.key();
    if (it->is_object() && !it->empty()) flatten(*it, key, out);
    else out.emplace_back(std::move(key), &*it);
  }
}

std::string cell_text(const Json& v) {
  if (v.is_null()) return {};
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

}  // namespace

Table parse_jsonl(std::string_view text, const std::string& source) {
  std::vector<std::pair<size_t, Json>> docs;
  size_t line = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    ++line;
    std::string_view s = text.substr(pos, end - pos);
    pos = end + 1;
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    if (s.find_first_not_of(" \t") == std::string_view::npos) continue;
    Json doc = Json::parse(s.begin(), s.end(), nullptr, false);
    if (doc.is_discarded())
      throw Error(ExitCode::invalid_data, source + ":" + std::to_string(line), "malformed JSON line");
    if (!doc.is_object())
      throw Error(ExitCode::invalid_data, source + ":" + std::to_string(line), "expected a JSON object per line");
    docs.emplace_back(line, std::move(doc));
  }
  if (docs.empty()) throw Error(ExitCode::invalid_data, source, "empty file: no JSON objects");
  Table t(source);
  std::unordered_map<std::string, size_t> index;
  std::vector<std::vector<std::pair<std::string, const Json*>>> flat(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    flatten(docs[i].second, "", flat[i]);
    for (const auto& kv : flat[i])
      if (index.emplace(kv.first, t.column_count()).second) t.add_column(kv.first);
  }
  t.reserve(docs.size());
  std::vector<std::string> cells(t.column_count());
  for (size_t i = 0; i < docs.size(); ++i) {
    for (auto& c : cells) c.clear();
    for (const auto& kv : flat[i]) cells[index[kv.first]] = cell_text(*kv.second);
    t.begin_row(docs[i].first);
    for (const auto& c : cells) t.append_cell(c);
  }
  return t;
}

Table read_jsonl(const std::string& path) { return parse_jsonl(util::read_file(path), path); }

}  // namespace request::table
