#include "app/cli.hpp"

#include "app/config.hpp"
#include "app/serve.hpp"
#include "registry/import.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

namespace stemnet::app {
namespace {

void add_db_option(CLI::App* cmd, Config& config) {
  cmd->add_option("--db", config.db_url, "database URL: sqlite:PATH")
      ->envname("STEMNET_DB")
      ->capture_default_str();
}

void print_report(const registry::ImportReport& report) {
  for (const auto& f : report.files) {
    std::cout << f.what << ": " << f.file << ": " << f.rows << " rows, " << f.changed << " changed"
              << (f.already_recorded ? " (this file was imported before)" : "") << "\n";
  }
}

int fail(const Error& e) {
  std::cerr << "stemnet: " << e.where_and_what() << "\n";
  return 1;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"stemnet: the platform for Norway's regional STEM ecosystems (server and tools)",
               "stemnet"};
  app.set_version_flag("--version", std::string("stemnet ") + STEMNET_VERSION);
  app.require_subcommand(1);
  Config config;

  auto* serve_cmd = app.add_subcommand("serve", "serve the API on HTTP until Ctrl-C");
  add_db_option(serve_cmd, config);
  serve_cmd->add_option("--port", config.port, "TCP port (0: any free port)")
      ->envname("STEMNET_PORT")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve_cmd->add_option("--bind", config.bind, "address to listen on")
      ->envname("STEMNET_BIND")
      ->capture_default_str();
  serve_cmd->add_option("--threads", config.threads, "worker threads (0: one per core)")
      ->envname("STEMNET_THREADS")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();

  auto* db_cmd = app.add_subcommand("db", "database administration");
  db_cmd->require_subcommand(1);
  auto* migrate_cmd = db_cmd->add_subcommand("migrate", "apply the migrations not yet applied");
  add_db_option(migrate_cmd, config);

  auto* import_cmd = app.add_subcommand("import", "load publishers' files into the database");
  import_cmd->require_subcommand(1);
  std::string reference_dir;
  auto* reference_cmd = import_cmd->add_subcommand(
      "reference",
      "load the reference data the product ships (a folder laid out like data/reference)");
  reference_cmd->add_option("DIR", reference_dir, "the folder")
      ->required()
      ->check(CLI::ExistingDirectory);
  add_db_option(reference_cmd, config);
  std::vector<std::string> school_files;
  auto* schools_cmd =
      import_cmd->add_subcommand("schools", "load schools from Udir national-test files");
  schools_cmd->add_option("FILE", school_files, "Udir .tsv files (UTF-16LE, sep=\\t)")->required();
  add_db_option(schools_cmd, config);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version end here with 0; wrong usage says why, exits 2.
    return app.exit(e) == 0 ? 0 : 2;
  }

  if (serve_cmd->parsed()) return serve(config);

  int applied = 0;
  auto pool = open_database(config.db_url, 1, &applied);
  if (!pool) return fail(pool.error());

  if (migrate_cmd->parsed()) {
    std::cout << "migrations applied: " << applied << "\n";
    return 0;
  }
  if (reference_cmd->parsed()) {
    auto report = registry::import_reference(**pool, reference_dir);
    if (!report) return fail(report.error());
    print_report(*report);
    return 0;
  }
  if (schools_cmd->parsed()) {
    std::vector<std::filesystem::path> paths(school_files.begin(), school_files.end());
    auto report = registry::import_schools(**pool, paths);
    if (!report) return fail(report.error());
    print_report(*report);
    return 0;
  }
  return 2;
}

}  // namespace stemnet::app
