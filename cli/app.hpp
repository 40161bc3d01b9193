#pragma once
// Builds the command line, dispatches, and maps every failure to one error
// line and a documented exit code.
namespace request::cli {

int run(int argc, char** argv);

}  // namespace request::cli
