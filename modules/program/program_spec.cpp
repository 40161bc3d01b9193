#include "modules/program/program_spec.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "lib/util/error.hpp"
#include "lib/util/json_io.hpp"
#include "lib/util/strings.hpp"

namespace request::program {

namespace {

ChoiceType parse_type(const std::string& t) {
  if (t == "int") return ChoiceType::integer;
  if (t == "number") return ChoiceType::number;
  if (t == "bool") return ChoiceType::boolean;
  return ChoiceType::string;
}

const char* type_name(ChoiceType t) {
  switch (t) {
    case ChoiceType::integer: return "int";
    case ChoiceType::number: return "number";
    case ChoiceType::boolean: return "bool";
    case ChoiceType::string: return "string";
  }
  return "string";
}

// Convert a JSON value (from meta or parsed from the command line) to the choice's type.
std::optional<nlohmann::json> coerce(const ChoiceSpec& c, const nlohmann::json& v) {
  switch (c.type) {
    case ChoiceType::integer:
      if (v.is_number_integer()) return v;
      if (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>()) return v.get<long long>();
      if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        long long i = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), i);
        if (ec == std::errc() && p == s.data() + s.size()) return i;
      }
      return std::nullopt;
    case ChoiceType::number:
      if (v.is_number()) return v;
      if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        double d = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
        if (ec == std::errc() && p == s.data() + s.size() && std::isfinite(d)) return d;
      }
      return std::nullopt;
    case ChoiceType::boolean:
      if (v.is_boolean()) return v;
      if (v == "true" || v == "1" || v == 1) return true;
      if (v == "false" || v == "0" || v == 0) return false;
      return std::nullopt;
    case ChoiceType::string:
      if (v.is_string()) return v;
      if (v.is_number() || v.is_boolean()) return choice_text(v);
      return std::nullopt;
  }
  return std::nullopt;
}

std::string allowed_text(const ChoiceSpec& c) {
  std::string s = std::string(type_name(c.type));
  if (!c.values.empty()) {
    s += " in {";
    for (size_t i = 0; i < c.values.size(); ++i) s += (i ? ", " : "") + choice_text(c.values[i]);
    s += "}";
  }
  if (c.min) s += ", >= " + choice_text(*c.min);
  if (c.max) s += ", <= " + choice_text(*c.max);
  return s;
}

nlohmann::json checked_value(const ChoiceSpec& c, const nlohmann::json& raw, const std::string& where) {
  auto v = coerce(c, raw);
  bool ok = v.has_value();
  if (ok && !c.values.empty()) {
    ok = std::any_of(c.values.begin(), c.values.end(), [&](const nlohmann::json& a) {
      auto ca = coerce(c, a);
      return ca && *ca == *v;
    });
  }
  if (ok && v->is_number() && c.min && v->get<double>() < *c.min) ok = false;
  if (ok && v->is_number() && c.max && v->get<double>() > *c.max) ok = false;
  if (!ok)
    throw Error(ExitCode::usage, where, "bad value '" + choice_text(raw) + "' for choice '" + c.name + "'",
                "allowed: " + allowed_text(c));
  return *v;
}

const ChoiceSpec& find_choice(const ProgramSpec& spec, const std::string& name, const std::string& where) {
  for (const auto& c : spec.choices)
    if (c.name == name) return c;
  std::vector<std::string> names;
  for (const auto& c : spec.choices) names.push_back(c.name);
  throw Error(ExitCode::usage, where, "the program declares no choice '" + name + "'",
              names.empty() ? "it declares no choices" : "declared: " + util::join(names, ", "));
}

std::pair<std::string, std::string> split_assignment(const std::string& text, const char* flag) {
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    throw Error(ExitCode::usage, std::string(flag) + " '" + text + "'", "expected key=value");
  return {text.substr(0, eq), text.substr(eq + 1)};
}

}  // namespace

std::string choice_text(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
  }
  return v.dump();
}

ProgramSpec parse_program(const store::Entry& entry) {
  const nlohmann::json& m = entry.meta;
  const std::string where = entry.cid();
  ProgramSpec spec;
  try {
    for (const auto& s : m.value("sources", nlohmann::json::array())) spec.sources.push_back(s.get<std::string>());
    spec.deps = m.value("deps", nlohmann::json::array());
    const nlohmann::json choices = m.value("choices", nlohmann::json::object());
    for (const auto& [name, c] : choices.items()) {
      ChoiceSpec cs;
      cs.name = name;
      cs.type = parse_type(c.value("type", "string"));
      cs.affects_build = c.value("build", false);
      for (const auto& v : c.value("values", nlohmann::json::array())) cs.values.push_back(v);
      if (c.contains("min")) cs.min = c["min"].get<double>();
      if (c.contains("max")) cs.max = c["max"].get<double>();
      cs.default_value = checked_value(cs, c.at("default"), where + ": choices." + name + ".default");
      spec.choices.push_back(std::move(cs));
    }
    for (const auto& b : m.value("build", nlohmann::json::array())) spec.build.push_back(b.get<std::string>());
    spec.run = m.value("run", "");
    const nlohmann::json metrics = m.value("metrics", nlohmann::json::object());
    for (const auto& [name, mm] : metrics.items()) {
      MetricSpec ms;
      ms.name = name;
      ms.from_json = mm.value("from", "json") == "json";
      ms.file = mm.value("file", "");
      ms.key = mm.value("key", name);
      ms.regex = mm.value("regex", "");
      ms.unit = mm.value("unit", "");
      ms.direction = mm.value("direction", "min");
      if (mm.contains("tolerance")) ms.tolerance = mm["tolerance"].get<double>();
      if (ms.from_json && ms.file.empty())
        throw Error(ExitCode::invalid_data, where, "metrics." + name + ": 'from: json' needs 'file'");
      if (!ms.from_json && ms.regex.empty())
        throw Error(ExitCode::invalid_data, where, "metrics." + name + ": 'from: stdout' needs 'regex'");
      spec.metrics.push_back(std::move(ms));
    }
    if (m.contains("check")) {
      const auto& c = m["check"];
      CheckSpec cs;
      cs.output = c.at("output").get<std::string>();
      cs.reference = c.at("reference").get<std::string>();
      if (c.contains("tolerance")) cs.tolerance = c["tolerance"].get<double>();
      spec.check = cs;
    }
  } catch (const nlohmann::json::exception& e) {
    throw Error(ExitCode::invalid_data, where, std::string("malformed program: ") + e.what());
  }
  if (spec.run.empty()) throw Error(ExitCode::invalid_data, where, "program has no 'run' command");
  return spec;
}

ChoiceValues resolve_choices(const ProgramSpec& spec, const std::vector<std::string>& sets) {
  ChoiceValues out;
  for (const auto& c : spec.choices) out[c.name] = c.default_value;
  for (const auto& s : sets) {
    auto [key, text] = split_assignment(s, "--set");
    const ChoiceSpec& c = find_choice(spec, key, "--set '" + s + "'");
    out[key] = checked_value(c, util::parse_cli_value(text), "--set '" + s + "'");
  }
  return out;
}

std::vector<ChoiceValues> expand_sweep(const ProgramSpec& spec, const ChoiceValues& base,
                                       const std::vector<std::string>& varies) {
  std::vector<ChoiceValues> points{base};
  for (const auto& v : varies) {
    auto [key, list] = split_assignment(v, "--vary");
    const ChoiceSpec& c = find_choice(spec, key, "--vary '" + v + "'");
    std::vector<nlohmann::json> values;
    for (const auto& text : util::split(list, ','))
      values.push_back(checked_value(c, util::parse_cli_value(text), "--vary '" + v + "'"));
    if (values.empty()) throw Error(ExitCode::usage, "--vary '" + v + "'", "no values");
    std::vector<ChoiceValues> next;
    for (const auto& p : points)
      for (const auto& val : values) {
        ChoiceValues q = p;
        q[key] = val;
        next.push_back(std::move(q));
      }
    points = std::move(next);
  }
  return points;
}

}  // namespace request::program
