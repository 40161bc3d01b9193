#include "lib/util/json_io.hpp"

#include <yaml-cpp/yaml.h>

#include <charconv>

#include "lib/util/atomic_file.hpp"
#include "lib/util/error.hpp"

namespace request::util {

std::pair<size_t, size_t> line_col(std::string_view text, size_t offset) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

Json parse_json(std::string_view text, const std::string& where) {
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    // nlohmann reports the byte *after* the offending character.
    size_t at = e.byte > 0 ? e.byte - 1 : 0;
    auto [line, col] = line_col(text, at);
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing ..."
    if (auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
    else if (auto q = what.find(": "); q != std::string::npos) what = what.substr(q + 2);
    throw Error(ExitCode::invalid_data, where + ":" + std::to_string(line) + ":" + std::to_string(col),
                "malformed JSON: " + what);
  }
}

namespace {

Json yaml_scalar(const YAML::Node& node) {
  const std::string& s = node.Scalar();
  if (node.Tag() == "!") return s;  // explicitly quoted scalar stays a string
  if (s == "null" || s == "~" || s == "Null" || s == "NULL") return nullptr;
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  if (!s.empty()) {
    long long i = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), i);
    if (ec == std::errc() && p == s.data() + s.size()) return i;
    double d = 0;
    auto [p2, ec2] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec2 == std::errc() && p2 == s.data() + s.size()) return d;
  }
  return s;
}

Json yaml_to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return nullptr;
    case YAML::NodeType::Scalar:
      return yaml_scalar(node);
    case YAML::NodeType::Sequence: {
      Json arr = Json::array();
      for (const auto& item : node) arr.push_back(yaml_to_json(item));
      return arr;
    }
    case YAML::NodeType::Map: {
      Json obj = Json::object();
      for (const auto& kv : node) obj[kv.first.as<std::string>()] = yaml_to_json(kv.second);
      return obj;
    }
  }
  return nullptr;
}

}  // namespace

Json parse_yaml(std::string_view text, const std::string& where) {
  try {
    YAML::Node node = YAML::Load(std::string(text));
    return yaml_to_json(node);
  } catch (const YAML::Exception& e) {
    std::string loc = where;
    if (!e.mark.is_null()) loc += ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1);
    throw Error(ExitCode::invalid_data, loc, "malformed YAML: " + e.msg);
  }
}

Json load_document(const std::filesystem::path& path) {
  std::string text = read_file(path);
  auto ext = path.extension().string();
  if (ext == ".yaml" || ext == ".yml") return parse_yaml(text, path.string());
  return parse_json(text, path.string());
}

std::string dump_json(const Json& value) { return value.dump(2) + "\n"; }

namespace {

void emit_yaml(YAML::Emitter& out, const Json& v) {
  switch (v.type()) {
    case Json::value_t::object:
      out << YAML::BeginMap;
      for (const auto& [key, item] : v.items()) {
        out << YAML::Key << key << YAML::Value;
        emit_yaml(out, item);
      }
      out << YAML::EndMap;
      break;
    case Json::value_t::array:
      out << YAML::BeginSeq;
      for (const auto& item : v) emit_yaml(out, item);
      out << YAML::EndSeq;
      break;
    case Json::value_t::string:
      out << v.get<std::string>();
      break;
    case Json::value_t::boolean:
      out << v.get<bool>();
      break;
    case Json::value_t::number_integer:
      out << v.get<long long>();
      break;
    case Json::value_t::number_unsigned:
      out << v.get<unsigned long long>();
      break;
    case Json::value_t::number_float:
      out << v.get<double>();
      break;
    default:
      out << YAML::Null;
      break;
  }
}

}  // namespace

std::string dump_yaml(const Json& value) {
  YAML::Emitter out;
  out.SetStringFormat(YAML::DoubleQuoted);  // "3" stays a string, not a number
  out.SetBoolFormat(YAML::TrueFalseBool);
  out.SetBoolFormat(YAML::LowerCase);
  out.SetDoublePrecision(17);
  emit_yaml(out, value);
  return std::string(out.c_str()) + "\n";
}

Json parse_cli_value(std::string_view text) {
  Json v = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (v.is_discarded()) return std::string(text);
  return v;
}

const Json* get_dotted(const Json& root, std::string_view dotted) {
  const Json* cur = &root;
  while (true) {
    auto dot = dotted.find('.');
    std::string key(dotted.substr(0, dot));
    if (!cur->is_object()) return nullptr;
    auto it = cur->find(key);
    if (it == cur->end()) return nullptr;
    cur = &*it;
    if (dot == std::string_view::npos) return cur;
    dotted.remove_prefix(dot + 1);
  }
}

void set_dotted(Json& root, std::string_view dotted, Json value) {
  Json* cur = &root;
  while (true) {
    auto dot = dotted.find('.');
    std::string key(dotted.substr(0, dot));
    if (key.empty()) throw Error(ExitCode::usage, std::string(dotted), "empty key in dotted path");
    if (!cur->is_object()) *cur = Json::object();
    if (dot == std::string_view::npos) {
      (*cur)[key] = std::move(value);
      return;
    }
    cur = &(*cur)[key];
    dotted.remove_prefix(dot + 1);
  }
}

}  // namespace request::util
