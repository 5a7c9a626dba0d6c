// `stemnet monitor catalogue`, `stemnet import udir FILE…`, `stemnet import csv FILE`.
#include "app/cli.hpp"
#include "core/file.hpp"
#include "monitor/catalogue.hpp"
#include "monitor/import.hpp"
#include "monitor/import_figures.hpp"
#include "monitor/service.hpp"
#include "registry/service.hpp"

#include <iostream>

namespace stemnet::app {
namespace {

void print(const monitor::FileOutcome& o) {
  std::cout << o.file << ": " << o.rows << " rows, " << o.cells << " cells";
  if (o.already_imported) {
    std::cout << ": imported before, nothing changed\n";
    return;
  }
  std::cout << ", " << o.cells_changed << " written";
  if (o.slices_superseded > 0)
    std::cout << ", replacing " << o.slices_superseded << " older slice(s)";
  std::cout << " (" << o.import_id.substr(0, o.import_id.find(':') + 13) << "…)\n";
}

}  // namespace

void add_monitor_commands(Cli& cli) {
  auto* monitor_cmd =
      cli.app.add_subcommand("monitor", "the STEM monitor: indicators and their figures");
  monitor_cmd->require_subcommand(1);
  add_refresh_command(cli, monitor_cmd);
  auto* compute_cmd = monitor_cmd->add_subcommand(
      "compute", "compute the indicators the platform yields (schools engaged)");
  add_db_option(compute_cmd, cli.config);
  compute_cmd->callback(
      [&cli] { cli.action = [&cli] { return compute_engagement(cli.config.db_url); }; });

  static std::string catalogue_file = "data/indicators/catalogue.json";
  auto* catalogue_cmd = monitor_cmd->add_subcommand("catalogue", "load the indicator catalogue");
  catalogue_cmd->add_option("FILE", catalogue_file, "the catalogue")->capture_default_str();
  add_db_option(catalogue_cmd, cli.config);
  catalogue_cmd->callback([&cli] {
    cli.action = [&cli] {
      auto pool = open_database(cli.config.db_url, 1);
      if (!pool) return fail(pool.error());
      auto bytes = read_file(catalogue_file);
      if (!bytes) return fail(bytes.error());
      auto indicators = monitor::read_catalogue(*bytes, catalogue_file);
      if (!indicators) return fail(indicators.error());
      auto changed = monitor::load_catalogue(**pool, *indicators);
      if (!changed) return fail(changed.error());
      std::cout << "catalogue: " << indicators->size() << " indicators, " << *changed
                << " changed\n";
      return 0;
    };
  });

  static monitor::Target target;
  static std::string target_area = "all";
  auto* target_cmd = monitor_cmd->add_subcommand("target", "set a target for an indicator");
  target_cmd->add_option("INDICATOR", target.indicator_id, "the indicator's id")->required();
  target_cmd->add_option("--area", target_area, "a county or municipality code, or 'all'")
      ->capture_default_str();
  target_cmd->add_option("--value", target.value, "the value to reach")->required();
  target_cmd->add_option("--year", target.year, "the year to reach it by")->required();
  target_cmd->add_option("--by", target.set_by, "who set it (a body or a person)")->required();
  target_cmd->add_option("--reason", target.reason, "why: the decision or plan it comes from")
      ->required();
  add_db_option(target_cmd, cli.config);
  target_cmd->callback([&cli] {
    cli.action = [&cli] {
      auto pool = open_database(cli.config.db_url, 1);
      if (!pool) return fail(pool.error());
      registry::Store registry_store(**pool);
      registry::Service registry_service(registry_store);
      monitor::Store store(**pool);
      monitor::Service svc(store, registry_service, **pool);
      target.area_level = target_area == "all" ? "all" : "";
      target.area_code = target_area == "all" ? "" : target_area;
      auto added = svc.add_target(target);
      if (!added) return fail(added.error());
      std::cout << "target " << added->id << ": " << added->indicator_id << " "
                << (added->area_level == "all" ? std::string("all areas") : added->area_code) << " "
                << added->value << " by " << added->year << "\n";
      return 0;
    };
  });

  static std::vector<std::string> udir_files;
  auto* udir_cmd = cli.import->add_subcommand(
      "udir",
      "load national-test results (scale points, uncertainty, participants) from Udir files");
  udir_cmd->add_option("FILE", udir_files, "Udir .tsv exports (UTF-16LE, sep=\\t)")->required();
  add_db_option(udir_cmd, cli.config);
  udir_cmd->callback([&cli] {
    cli.action = [&cli] {
      auto pool = open_database(cli.config.db_url, 1);
      if (!pool) return fail(pool.error());
      auto outcomes = monitor::import_udir(**pool, {udir_files.begin(), udir_files.end()});
      if (!outcomes) return fail(outcomes.error());
      for (const auto& o : *outcomes) print(o);
      return 0;
    };
  });

  static std::string gsi_file;
  auto* gsi_cmd = cli.import->add_subcommand(
      "gsi", "load pupils per county and municipality from Udir's GSI answer (Elever og skoler)");
  gsi_cmd->add_option("FILE", gsi_file, "the GSI answer (JSON, as Udir's API gives it)")
      ->required();
  add_db_option(gsi_cmd, cli.config);
  gsi_cmd->callback([&cli] {
    cli.action = [&cli] {
      auto pool = open_database(cli.config.db_url, 1);
      if (!pool) return fail(pool.error());
      auto outcome = monitor::import_gsi(**pool, gsi_file);
      if (!outcome) return fail(outcome.error());
      print(*outcome);
      return 0;
    };
  });

  static std::string figures_dir = "data/reference";
  auto* figures_cmd = cli.import->add_subcommand(
      "figures",
      "load the figures shipped with the reference data: pupils (Udir GSI) and population");
  figures_cmd->add_option("DIR", figures_dir, "a folder laid out like data/reference")
      ->capture_default_str();
  add_db_option(figures_cmd, cli.config);
  figures_cmd->callback([&cli] {
    cli.action = [&cli] {
      auto pool = open_database(cli.config.db_url, 1);
      if (!pool) return fail(pool.error());
      auto outcomes = monitor::import_shipped_figures(**pool, figures_dir);
      if (!outcomes) return fail(outcomes.error());
      for (const auto& o : *outcomes) print(o);
      return 0;
    };
  });

  static std::string csv_file;
  auto* csv_cmd = cli.import->add_subcommand(
      "csv",
      "load figures in the tidy CSV format: indicator,area,period,[breakdowns…],value[,status]");
  csv_cmd->add_option("FILE", csv_file, "the CSV file (UTF-8)")->required();
  add_db_option(csv_cmd, cli.config);
  csv_cmd->callback([&cli] {
    cli.action = [&cli] {
      auto pool = open_database(cli.config.db_url, 1);
      if (!pool) return fail(pool.error());
      auto outcome = monitor::import_csv(**pool, csv_file);
      if (!outcome) return fail(outcome.error());
      print(*outcome);
      return 0;
    };
  });
}

}  // namespace stemnet::app

// `stemnet monitor compute`: app/compute.cpp does the work, the server's
// worker does it too (after a booking completes, and every few minutes).
#include "app/compute.hpp"

namespace stemnet::app {

int compute_engagement(const std::string& db_url) {
  auto pool = open_database(db_url, 1);
  if (!pool) return fail(pool.error());
  auto report = compute_platform_indicators(**pool);
  if (!report) return fail(report.error());
  for (const auto& line : report->lines) std::cout << line << "\n";
  return 0;
}

}  // namespace stemnet::app
