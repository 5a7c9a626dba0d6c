// app/cli.hpp — the `stemnet` command line: serve, db, import, monitor.
//
// Each feature adds its subcommands (app/cli_<feature>.cpp); a subcommand's
// callback sets the action that run_cli runs after parsing.
#pragma once

#include "app/config.hpp"
#include "core/result.hpp"

#include <CLI/CLI.hpp>

#include <functional>

namespace stemnet::app {

struct Cli {
  CLI::App app{"stemnet: the platform for Norway's regional STEM ecosystems (server and tools)",
               "stemnet"};
  Config config;
  CLI::App* import = nullptr;  // `stemnet import …`, shared by the features
  std::function<int()> action;
};

// Parses the arguments and runs the subcommand; returns the exit code
// (0 done, 1 failed, 2 wrong usage).
int run_cli(int argc, char** argv);

void add_db_option(CLI::App* cmd, Config& config);
// Prints "stemnet: file:line: what" and returns 1.
int fail(const Error& e);

void add_registry_commands(Cli& cli);
void add_monitor_commands(Cli& cli);
void add_jsonstat_commands(Cli& cli);
void add_accounts_commands(Cli& cli);
void add_demo_commands(Cli& cli);
void add_match_command(Cli& cli);
// `stemnet backup`, `stemnet restore` and `stemnet db copy` (under `db_cmd`).
void add_db_commands(Cli& cli, CLI::App* db_cmd);
int compute_engagement(const std::string& db_url);
void add_refresh_command(Cli& cli, CLI::App* monitor_cmd);

}  // namespace stemnet::app
