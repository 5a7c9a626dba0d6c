// `stemnet monitor catalogue`, `stemnet import udir FILE…`, `stemnet import csv FILE`.
#include "app/cli.hpp"
#include "core/file.hpp"
#include "monitor/catalogue.hpp"
#include "monitor/import.hpp"
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

// `stemnet monitor compute`: the indicators the platform itself yields, into
// the cube through the same write path as any import (provenance, history;
// the same figures again change nothing).
#include "booking/service.hpp"
#include "core/encoding.hpp"
#include "matching/gaps.hpp"
#include "monitor/store.hpp"

#include <ctime>
#include <map>

namespace stemnet::app {

namespace {

// Writes computed cells as one import batch of `name`, unless the same
// figures were written before; says what it did.
int write_computed(db::Pool& pool, const std::string& name, std::vector<monitor::Cell> cells,
                   const std::string& fingerprint, const std::string& what) {
  monitor::ImportBatch batch;
  batch.kind = "computed";
  batch.source = "stemnet";
  batch.licence = "CC BY 4.0";
  batch.sha256 = sha256_hex(fingerprint);
  batch.id = "computed:" + name + ":" + batch.sha256;
  batch.file_name = name + " (" + what + ")";
  batch.rows = static_cast<std::int64_t>(cells.size());
  batch.cells = std::move(cells);
  auto conn = pool.acquire();
  if (!conn) return fail(conn.error());
  auto outcome = db::transaction(
      **conn, [&](db::Connection& c) { return monitor::Store::write_import(c, batch); });
  if (!outcome) return fail(outcome.error());
  std::cout << name << ": " << batch.cells.size() << " cells"
            << (outcome->already_imported
                    ? ", unchanged"
                    : ", " + std::to_string(outcome->cells_changed) + " written")
            << "\n";
  return 0;
}

// offers_in_reach and cold_spots for this year, from the gaps.
int compute_gaps(db::Pool& pool) {
  const int year = std::stoi(format_local(std::time(nullptr), "%Y"));
  const std::string period = std::to_string(year);
  std::vector<monitor::Cell> offers, cold;
  std::string offers_print, cold_print;
  std::map<std::string, std::pair<long, long>> share;  // county ("NO": all) -> (cold, all)
  for (const char* level : {"municipality", "county"}) {
    auto gaps = matching::gaps(pool, level, year);
    if (!gaps) return fail(gaps.error());
    for (const auto& g : *gaps) {
      offers.push_back({"offers_in_reach", g.level, g.code, period, "",
                        static_cast<double>(g.offers_in_reach), ""});
      offers_print += g.level + g.code + ":" + std::to_string(g.offers_in_reach) + ";";
      if (g.level != "municipality") continue;
      cold.push_back({"cold_spots", g.level, g.code, period, "", g.cold_spot ? 100.0 : 0.0, ""});
      cold_print += g.code + ":" + (g.cold_spot ? "1" : "0") + ";";
      for (const std::string& up : {g.code.substr(0, 2), std::string("NO")}) {
        share[up].first += g.cold_spot ? 1 : 0;
        ++share[up].second;
      }
    }
  }
  // Counties and the country: the share of their municipalities that are cold.
  for (const auto& [area, s] : share) {
    cold.push_back({"cold_spots", area == "NO" ? "country" : "county", area, period, "",
                    100.0 * static_cast<double>(s.first) / static_cast<double>(s.second), ""});
  }
  if (int rc = write_computed(pool, "offers_in_reach", std::move(offers), offers_print,
                              "computed from published offers");
      rc != 0) {
    return rc;
  }
  return write_computed(pool, "cold_spots", std::move(cold), cold_print,
                        "computed by the cold-spot rule");
}

}  // namespace

int compute_engagement(const std::string& db_url) {
  auto pool = open_database(db_url, 1);
  if (!pool) return fail(pool.error());
  const notify::Outbox outbox("");  // engagement() only reads: nothing is told
  booking::Service bookings(**pool, outbox, local_minute_now);
  auto rows = bookings.engagement();
  if (!rows) return fail(rows.error());
  std::vector<monitor::Cell> cells;
  std::string fingerprint;
  for (const auto& e : *rows) {
    monitor::Cell cell{"schools_engaged", e.level, e.code, std::to_string(e.year), "",
                       std::nullopt,      ""};
    if (e.schools > 0) {
      cell.value = 100.0 * static_cast<double>(e.engaged) / static_cast<double>(e.schools);
    } else {
      cell.status = ".";  // an area with no school
    }
    fingerprint += e.level + e.code + std::to_string(e.year) + ":" + std::to_string(e.engaged) +
                   "/" + std::to_string(e.schools) + ";";
    cells.push_back(std::move(cell));
  }
  if (cells.empty()) {
    std::cout << "schools_engaged: no completed bookings yet, nothing to compute\n";
  } else if (int rc = write_computed(**pool, "schools_engaged", std::move(cells), fingerprint,
                                     "computed from completed bookings");
             rc != 0) {
    return rc;
  }
  return compute_gaps(**pool);
}

}  // namespace stemnet::app
