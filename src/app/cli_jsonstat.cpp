// `stemnet jsonstat validate FILE…`, `stemnet jsonstat table FILE`,
// `stemnet import jsonstat FILE --indicator ID --map DIM=ROLE…` and
// `stemnet monitor refresh`.
#include "app/cli.hpp"
#include "monitor/import_jsonstat.hpp"
#include "monitor/jsonstat/cli.hpp"
#include "monitor/refresh.hpp"

#include <iostream>

namespace stemnet::app {
namespace {

void print_skipped(const monitor::FileOutcome& o) {
  if (o.skipped_areas.empty()) return;
  std::cout << "  skipped, not an area:";
  for (const auto& [code, cells] : o.skipped_areas)
    std::cout << " " << code << " (" << cells << ")";
  std::cout << "\n";
}

}  // namespace

void add_jsonstat_commands(Cli& cli) {
  auto* js = cli.app.add_subcommand("jsonstat", "JSON-stat 2.0 tools");
  js->require_subcommand(1);

  static std::vector<std::string> validate_files;
  auto* validate_cmd =
      js->add_subcommand("validate", "check files against JSON-stat 2.0; one line per fault");
  validate_cmd->add_option("FILE", validate_files, "JSON-stat files")->required();
  validate_cmd->callback([&cli] {
    cli.action = [] { return monitor::jsonstat::validate_files(validate_files, std::cout); };
  });

  static std::string table_file;
  static std::string table_format = "csv";
  static bool table_labels = false;
  auto* table_cmd = js->add_subcommand("table", "print a dataset as a table: a row per cell");
  table_cmd->add_option("FILE", table_file, "a JSON-stat file")->required();
  table_cmd->add_option("--format", table_format, "csv or tsv")
      ->check(CLI::IsMember({"csv", "tsv"}))
      ->capture_default_str();
  table_cmd->add_flag("--labels", table_labels, "category labels instead of ids");
  table_cmd->callback([&cli] {
    cli.action = [] {
      const auto format = table_format == "tsv" ? monitor::jsonstat::TableFormat::tsv
                                                : monitor::jsonstat::TableFormat::csv;
      return monitor::jsonstat::print_table(table_file, format, table_labels, std::cout, std::cerr);
    };
  });

  static std::string import_file, import_indicator;
  static std::vector<std::string> import_map;
  auto* import_cmd =
      cli.import->add_subcommand("jsonstat", "load an SSB-style JSON-stat table into an indicator");
  import_cmd->add_option("FILE", import_file, "the JSON-stat 2.0 file")->required();
  import_cmd->add_option("--indicator", import_indicator, "the indicator's id")->required();
  import_cmd->add_option(
      "--map", import_map,
      "DIMENSION=ROLE, role one of area[:county], period, breakdown[:NAME], pick:CAT, sum[:A,B], "
      "share:A,B[/TOTAL]");
  add_db_option(import_cmd, cli.config);
  import_cmd->callback([&cli] {
    cli.action = [&cli] {
      auto map = monitor::parse_dimension_map(import_map);
      if (!map) return fail(map.error());
      auto pool = open_database(cli.config.db_url, 1);
      if (!pool) return fail(pool.error());
      auto o = monitor::import_jsonstat(**pool, import_file, import_indicator, *map);
      if (!o) return fail(o.error());
      std::cout << o->file << ": " << o->cells << " cells"
                << (o->already_imported ? ": imported before, nothing changed"
                                        : ", " + std::to_string(o->cells_changed) + " written")
                << "\n";
      print_skipped(*o);
      return 0;
    };
  });
}

void add_refresh_command(Cli& cli, CLI::App* monitor_cmd) {
  static monitor::RefreshOptions options;
  static std::string only, raw_dir = "var/raw/ssb";
  static std::size_t max_mb = monitor::kDefaultFetchMaxBytes >> 20;
  auto* refresh_cmd = monitor_cmd->add_subcommand(
      "refresh", "fetch the catalogue's SSB tables (PxWeb API) and import them");
  refresh_cmd->add_option("--only", only, "one indicator id");
  refresh_cmd->add_option("--ssb-url", options.base_url, "use this instead of https://data.ssb.no")
      ->envname("STEMNET_SSB_URL");
  refresh_cmd->add_option("--raw-dir", raw_dir, "where the raw answers are kept")
      ->capture_default_str();
  refresh_cmd->add_option("--max-mb", max_mb, "the largest answer kept, in MiB after decompression")
      ->check(CLI::Range(std::size_t{1}, std::size_t{4096}))
      ->capture_default_str();
  add_db_option(refresh_cmd, cli.config);
  refresh_cmd->callback([&cli] {
    cli.action = [&cli] {
      if (!only.empty()) options.only = only;
      options.fetch.max_bytes = max_mb << 20;
      options.raw_dir = raw_dir;
      auto pool = open_database(cli.config.db_url, 1);
      if (!pool) return fail(pool.error());
      auto outcomes = monitor::refresh(**pool, options);
      if (!outcomes) return fail(outcomes.error());
      int failed = 0;
      for (const auto& o : *outcomes) {
        if (!o.ok) {
          ++failed;
          std::cout << o.indicator << ": not refreshed: " << o.message << "\n";
          continue;
        }
        std::cout << o.indicator << ": " << o.imported.cells << " cells"
                  << (o.imported.already_imported
                          ? ", unchanged"
                          : ", " + std::to_string(o.imported.cells_changed) + " written")
                  << " (raw answer: " << o.raw_file << ")\n";
        print_skipped(o.imported);
      }
      return failed == 0 ? 0 : 1;
    };
  });
}

}  // namespace stemnet::app
