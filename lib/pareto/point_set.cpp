#include "lib/pareto/point_set.hpp"

#include "lib/util/error.hpp"

namespace request::pareto {

const char* direction_name(Direction d) { return d == Direction::min ? "min" : "max"; }

Objective parse_objective(std::string_view text) {
  Objective o;
  std::string_view name = text;
  auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
  };
  if (ends(":min") || ends(":max")) {
    o.direction = ends(":min") ? Direction::min : Direction::max;
    o.direction_given = true;
    name.remove_suffix(4);
  }
  if (name.empty())
    throw Error(ExitCode::usage, "--objective '" + std::string(text) + "'", "empty objective name",
                "write NAME[:min|max], e.g. --objective latency_ms:min");
  o.name = std::string(name);
  return o;
}

}  // namespace request::pareto
