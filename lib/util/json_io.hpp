#pragma once
// Loading JSON and YAML documents with file:line:col errors, and writing JSON.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace request::util {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// Parse JSON text; `where` names the source in errors (exit 4, "where:line:col: what").
Json parse_json(std::string_view text, const std::string& where);
// Parse YAML text into the same JSON value model (scalars that read as numbers,
// booleans or null become those; everything else a string).
Json parse_yaml(std::string_view text, const std::string& where);
// Load a .json, .yaml or .yml file by its extension.
Json load_document(const std::filesystem::path& path);

// Canonical on-disk form: two-space indent, keys sorted, trailing newline.
std::string dump_json(const Json& value);
// The same value as YAML that parse_yaml reads back to an equal value (strings quoted).
std::string dump_yaml(const Json& value);

// Value of `--set key=value`: JSON when the text is valid JSON, else a string.
Json parse_cli_value(std::string_view text);

// Dotted paths into objects ("a.b.c"). get returns nullptr when absent.
const Json* get_dotted(const Json& root, std::string_view dotted);
void set_dotted(Json& root, std::string_view dotted, Json value);

// 1-based line and column of a byte offset in text.
std::pair<size_t, size_t> line_col(std::string_view text, size_t offset);

}  // namespace request::util
