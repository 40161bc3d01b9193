#pragma once
// A program entry read into a typed plan: its sources, dependencies, declared
// choices, build and run command templates, metrics and correctness check
// (schemas/program.schema.json, docs/programs.md).
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "lib/store/entry.hpp"

namespace request::program {

enum class ChoiceType { integer, number, string, boolean };

// One declared choice: its type, default and allowed values or range.
struct ChoiceSpec {
  std::string name;
  ChoiceType type = ChoiceType::string;
  nlohmann::json default_value;
  std::vector<nlohmann::json> values;  // empty: any value of the type (within min/max)
  std::optional<double> min;
  std::optional<double> max;
  bool affects_build = false;  // part of the build cache key
};

// Where a metric's value comes from in each repetition.
struct MetricSpec {
  std::string name;
  bool from_json = true;  // true: `key` in JSON file `file` in the scratch folder; false: `regex` on stdout
  std::string file;
  std::string key;    // dotted path into the JSON file
  std::string regex;  // first capture group is the value
  std::string unit;
  std::string direction;  // "min" or "max"
  std::optional<double> tolerance;  // relative, for replays; absent: exact for accuracy-like metrics
};

// Compare an output file with a reference, exactly or within a tolerance.
struct CheckSpec {
  std::string output;     // in the scratch folder
  std::string reference;  // template, e.g. ${DATASET}/ref.txt
  std::optional<double> tolerance;  // absent: byte-exact
};

struct ProgramSpec {
  std::vector<std::string> sources;
  nlohmann::json deps = nlohmann::json::array();
  std::vector<ChoiceSpec> choices;  // sorted by name
  std::vector<std::string> build;   // command templates
  std::string run;                  // command template
  std::vector<MetricSpec> metrics;  // sorted by name
  std::optional<CheckSpec> check;
};

// Read a loaded program entry; throws Error(invalid_data) naming the entry and field.
ProgramSpec parse_program(const store::Entry& entry);

using ChoiceValues = std::map<std::string, nlohmann::json>;

// Defaults overridden by `--set key=value` texts; every value converted to the
// choice's type and checked against its values/range. Unknown key or bad value:
// Error(usage) with the allowed values in the hint.
ChoiceValues resolve_choices(const ProgramSpec& spec, const std::vector<std::string>& sets);

// The cartesian product of `--vary key=v1,v2,...` over `base`, in a stable
// order (first --vary varies slowest). Each value is checked like --set.
std::vector<ChoiceValues> expand_sweep(const ProgramSpec& spec, const ChoiceValues& base,
                                       const std::vector<std::string>& varies);

// A choice value as text for command templates (ints without ".0", bools as 0/1 are not used: true/false).
std::string choice_text(const nlohmann::json& value);

}  // namespace request::program
