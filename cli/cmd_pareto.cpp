// request pareto: not yet implemented (scaffold; the command group is filled in by its issue).
#include "cli/commands.hpp"

namespace request::cli {

void register_pareto(CLI::App& /*app*/, Context& /*ctx*/) {}

}  // namespace request::cli
