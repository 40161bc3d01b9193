#pragma once
// "{name}" placeholders in detector templates: commands, variables, tags, aliases.
#include <map>
#include <string>
#include <string_view>

namespace request::env {

using Placeholders = std::map<std::string, std::string>;

// Replace every {key} in `text` by its value. An unknown key throws
// Error(invalid_data) naming `where` and the key.
std::string expand(std::string_view text, const Placeholders& values, const std::string& where);

}  // namespace request::env
