#pragma once
// JSON Schema validation (draft 7, through valijson) with JSON-path messages.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace request::schema {

struct Violation {
  std::string path;     // JSON path of the failing value, e.g. "$.tags[1]"
  std::string message;  // what is wrong
};

// Validate `doc` against the embedded schema for `module` ("program", "result",
// ...). Modules without a schema get the common entry schema. Empty = valid.
std::vector<Violation> validate_entry(const nlohmann::json& doc, const std::string& module);
// Validate against a named embedded schema file ("request-repo.schema.json").
std::vector<Violation> validate_named(const nlohmann::json& doc, const std::string& schema_file);
// Validate against an arbitrary schema document.
std::vector<Violation> validate(const nlohmann::json& doc, const nlohmann::json& schema);
// True when an embedded schema exists for this module.
bool has_module_schema(const std::string& module);

}  // namespace request::schema
