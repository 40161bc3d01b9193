#pragma once
// The JSON Schemas of schemas/*.json, compiled into the binary.
#include <string_view>
#include <vector>

namespace request::schema {

struct EmbeddedSchema {
  std::string_view file_name;  // e.g. "result.schema.json"
  std::string_view text;
};

const std::vector<EmbeddedSchema>& embedded_schemas();

}  // namespace request::schema
