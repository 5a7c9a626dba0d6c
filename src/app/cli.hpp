// app/cli.hpp — the `stemnet` command line: serve, db migrate, import.
#pragma once

namespace stemnet::app {

// Parses the arguments and runs the subcommand; returns the exit code
// (0 done, 1 failed, 2 wrong usage).
int run_cli(int argc, char** argv);

}  // namespace stemnet::app
