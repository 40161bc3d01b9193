#include "cli/app.hpp"

int main(int argc, char** argv) { return request::cli::run(argc, argv); }
