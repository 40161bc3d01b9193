#pragma once
// The table of command groups. Each cli/cmd_<group>.cpp defines one register
// function that adds its subcommands (options struct + run function) to the app.
#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace request::cli {

struct CommandGroup {
  const char* name;     // first word on the command line
  const char* summary;  // one line for `request --help`
  void (*register_fn)(CLI::App& app, Context& ctx);
};

void register_repo(CLI::App& app, Context& ctx);
void register_entry_commands(CLI::App& app, Context& ctx);  // add find show rm mv cp
void register_env(CLI::App& app, Context& ctx);             // env detect list show shell
void register_pareto(CLI::App& app, Context& ctx);          // pareto, import
void register_run(CLI::App& app, Context& ctx);             // run

// Every group in help order.
const std::vector<CommandGroup>& command_groups();

}  // namespace request::cli
