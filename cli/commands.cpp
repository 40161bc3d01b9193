#include "cli/commands.hpp"

namespace request::cli {

const std::vector<CommandGroup>& command_groups() {
  static const std::vector<CommandGroup> k_groups = {
      {"repo", "manage repositories (init, add, list, rm)", register_repo},
      {"entries", "add, find, show, rm, mv and cp entries", register_entry_commands},
      {"env", "detect software, list environments, run with resolved dependencies", register_env},
      {"run", "build and run a program; one result entry per design point", register_run},
      {"pareto", "rank results on the Pareto frontier; import published results", register_pareto},
  };
  return k_groups;
}

}  // namespace request::cli
