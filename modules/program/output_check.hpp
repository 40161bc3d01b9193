#pragma once
// The correctness check of a program: its output file compared with a
// reference, byte for byte or number by number within a tolerance.
#include <filesystem>
#include <string>

#include "lib/util/command_template.hpp"
#include "modules/program/program_spec.hpp"

namespace request::program {

// Empty when the output matches; otherwise why not ("check: ..."). The
// reference template is expanded with `vars`; `where` names the program for
// template errors (which throw, as they are the entry's fault).
std::string check_output(const CheckSpec& check, const std::filesystem::path& scratch,
                         const util::Variables& vars, const std::string& where);

// Compare two texts: tokens separated by blanks; numbers equal within
// |a - b| <= tolerance * max(1, |b|); other tokens exactly. Empty = equal.
std::string compare_with_tolerance(const std::string& output, const std::string& reference, double tolerance);

}  // namespace request::program
