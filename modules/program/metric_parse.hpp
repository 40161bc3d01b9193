#pragma once
// Reading a declared metric's value after one repetition: a key of a JSON file
// the program wrote in its scratch folder, or a regex capture on its stdout.
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>

#include "modules/program/program_spec.hpp"

namespace request::program {

// The value, or why there is none ("metric 'gflops': ...").
using MetricValue = std::variant<double, std::string>;

// Parse one metric of one repetition; never throws for bad program output.
MetricValue parse_metric(const MetricSpec& metric, const std::filesystem::path& scratch, std::string_view out);

// A whole finite number ("1.5e3", " 42 "), or why not.
MetricValue parse_number(std::string_view text);

}  // namespace request::program
