#include "lib/schema/validator.hpp"

#define VALIJSON_USE_EXCEPTIONS 1
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "lib/schema/embedded.hpp"
#include "lib/util/error.hpp"

namespace request::schema {

namespace {

// "<root>", "[tags]", "[0]" -> "$.tags[0]"
std::string json_path(const std::vector<std::string>& context) {
  std::string out = "$";
  for (const auto& part : context) {
    if (part == "<root>") continue;
    if (part.size() >= 2 && part.front() == '[' && part.back() == ']') {
      std::string inner = part.substr(1, part.size() - 2);
      bool numeric = !inner.empty() && inner.find_first_not_of("0123456789") == std::string::npos;
      out += numeric ? part : "." + inner;
    } else {
      out += "." + part;
    }
  }
  return out;
}

std::unique_ptr<valijson::Schema> compile(const nlohmann::json& schema_doc, const std::string& name) {
  auto schema = std::make_unique<valijson::Schema>();
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter adapter(schema_doc);
  try {
    parser.populateSchema(adapter, *schema);
  } catch (const std::exception& e) {
    throw Error(ExitCode::invalid_data, name, std::string("invalid JSON Schema: ") + e.what());
  }
  return schema;
}

std::vector<Violation> run(const valijson::Schema& schema, const nlohmann::json& doc) {
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  std::vector<Violation> out;
  if (validator.validate(schema, target, &results)) return out;
  std::set<std::pair<std::string, std::string>> seen;
  valijson::ValidationResults::Error err;
  while (results.popError(err)) {
    Violation v{json_path(err.context), err.description};
    // valijson repeats a failure for every enclosing keyword; keep the distinct ones.
    if (seen.insert({v.path, v.message}).second) out.push_back(std::move(v));
  }
  return out;
}

const valijson::Schema* embedded(const std::string& file_name) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<valijson::Schema>> cache;
  std::lock_guard lock(mutex);
  if (auto it = cache.find(file_name); it != cache.end()) return it->second.get();
  for (const auto& s : embedded_schemas()) {
    if (s.file_name == file_name) {
      auto doc = nlohmann::json::parse(s.text);
      auto [it, _] = cache.emplace(file_name, compile(doc, file_name));
      return it->second.get();
    }
  }
  cache.emplace(file_name, nullptr);
  return nullptr;
}

}  // namespace

std::vector<Violation> validate(const nlohmann::json& doc, const nlohmann::json& schema) {
  auto compiled = compile(schema, "schema");
  return run(*compiled, doc);
}

std::vector<Violation> validate_named(const nlohmann::json& doc, const std::string& schema_file) {
  const valijson::Schema* s = embedded(schema_file);
  if (!s) throw Error(ExitCode::not_found, schema_file, "no such embedded schema");
  return run(*s, doc);
}

bool has_module_schema(const std::string& module) { return embedded(module + ".schema.json") != nullptr; }

std::vector<Violation> validate_entry(const nlohmann::json& doc, const std::string& module) {
  std::vector<Violation> out = validate_named(doc, "entry.schema.json");
  if (const valijson::Schema* s = embedded(module + ".schema.json")) {
    for (auto& v : run(*s, doc)) out.push_back(std::move(v));
  }
  return out;
}

}  // namespace request::schema
