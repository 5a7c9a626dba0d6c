// `stemnet import reference DIR` and `stemnet import schools FILE…`.
#include "app/cli.hpp"
#include "registry/import.hpp"

#include <iostream>

namespace stemnet::app {
namespace {

void print_report(const registry::ImportReport& report) {
  for (const auto& f : report.files) {
    std::cout << f.what << ": " << f.file << ": " << f.rows << " rows, " << f.changed << " changed"
              << (f.already_recorded ? " (this file was imported before)" : "") << "\n";
  }
}

}  // namespace

void add_registry_commands(Cli& cli) {
  static std::string reference_dir;
  auto* reference_cmd = cli.import->add_subcommand(
      "reference",
      "load the reference data the product ships (a folder laid out like data/reference)");
  reference_cmd->add_option("DIR", reference_dir, "the folder")
      ->required()
      ->check(CLI::ExistingDirectory);
  add_db_option(reference_cmd, cli.config);
  reference_cmd->callback([&cli] {
    cli.action = [&cli] {
      auto pool = open_database(cli.config.db_url, 1);
      if (!pool) return fail(pool.error());
      auto report = registry::import_reference(**pool, reference_dir);
      if (!report) return fail(report.error());
      print_report(*report);
      return 0;
    };
  });

  static std::vector<std::string> school_files;
  auto* schools_cmd =
      cli.import->add_subcommand("schools", "load schools from Udir national-test files");
  schools_cmd->add_option("FILE", school_files, "Udir .tsv files (UTF-16LE, sep=\\t)")->required();
  add_db_option(schools_cmd, cli.config);
  schools_cmd->callback([&cli] {
    cli.action = [&cli] {
      auto pool = open_database(cli.config.db_url, 1);
      if (!pool) return fail(pool.error());
      auto report = registry::import_schools(**pool, {school_files.begin(), school_files.end()});
      if (!report) return fail(report.error());
      print_report(*report);
      return 0;
    };
  });
}

}  // namespace stemnet::app
