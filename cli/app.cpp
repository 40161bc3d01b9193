#include "cli/app.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "lib/store/home.hpp"
#include "lib/util/error.hpp"

namespace request::cli {

namespace {

void print_error(const std::string& line) { std::fprintf(stderr, "request: error: %s\n", line.c_str()); }

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
  return names;
}

// The first word that is not a global option: the command the user meant.
std::string first_command_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--home") {
      ++i;
      continue;
    }
    if (!a.empty() && a[0] != '-') return a;
  }
  return {};
}

void add_help_command(CLI::App& app, Context& ctx) {
  auto words = std::make_shared<std::vector<std::string>>();
  CLI::App* help = app.add_subcommand("help", "describe a command: request help <command> [<subcommand>]");
  help->add_option("command", *words, "command to describe");
  help->callback([&app, &ctx, words] {
    const CLI::App* target = &app;
    for (const auto& w : *words) {
      const CLI::App* next = nullptr;
      try {
        next = target->get_subcommand(w);
      } catch (const CLI::OptionNotFound&) {
      }
      if (!next)
        throw Error(ExitCode::usage, "help", "unknown command '" + w + "'",
                    store::did_you_mean(w, command_names(*target)));
      target = next;
    }
    ctx.out(target->help());
  });
}

}  // namespace

int run(int argc, char** argv) {
  Context ctx;
  CLI::App app{"request: reproducible, quality-efficient systems benchmarking", "request"};
  app.set_version_flag("--version", std::string("request ") + REQUEST_VERSION);
  app.add_option("--home", ctx.global.home, "workspace folder (default: $REQUEST_HOME, else ~/.request)");
  app.add_flag("--json", ctx.global.json, "print one JSON document on stdout");
  app.add_flag("-q,--quiet", ctx.global.quiet, "no progress or notes on stderr");
  app.add_flag("-v,--verbose", ctx.global.verbose, "more detail on stderr");
  app.add_flag("--no-color", ctx.global.no_color, "no colours in output");
  app.require_subcommand(1);
  app.fallthrough();
  app.footer("Exit codes: 0 ok, 1 failed, 2 usage, 3 not found, 4 invalid data, 5 unresolved dependency, "
             "130 interrupted.\nRun 'request help <command>' for a command's flags.");
  for (const auto& group : command_groups()) group.register_fn(app, ctx);
  add_help_command(app, ctx);

  try {
    app.parse(argc, argv);
    std::fflush(stdout);
    return 0;
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string word = first_command_word(argc, argv);
    auto names = command_names(app);
    bool known = std::find(names.begin(), names.end(), word) != names.end();
    if (!word.empty() && !known) {
      std::string hint = store::did_you_mean(word, names);
      print_error("'" + word + "': unknown command (hint: " + (hint.empty() ? "run 'request --help'" : hint) + ")");
    } else if (word.empty()) {
      print_error("usage: a command is required (hint: run 'request --help')");
    } else {
      print_error(word + ": " + e.what() + " (hint: run 'request help " + word + "')");
    }
    return static_cast<int>(ExitCode::usage);
  } catch (const Error& e) {
    std::fflush(stdout);
    print_error(e.line());
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::fflush(stdout);
    print_error(std::string("internal: ") + e.what());
    return static_cast<int>(ExitCode::failed);
  }
}

}  // namespace request::cli
