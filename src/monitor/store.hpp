// monitor/store.hpp — the cube's SQL: indicators, imports with their
// provenance, cells, and targets.
//
// Example:
//   Store store(pool);
//   auto cells = store.cells({.indicator = "population", .level = "county"});
//   // writes happen inside an import's transaction:
//   auto outcome = Store::write_import(conn, batch);
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"
#include "monitor/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace stemnet::monitor {

// One file's worth of cells, with where it came from.
struct ImportBatch {
  std::string id;  // kind:sha256[:indicator]
  std::string kind;
  std::string file_name;
  std::string sha256;
  std::string source;
  std::string licence;
  std::int64_t rows = 0;
  std::vector<Cell> cells;
};

struct ImportOutcome {
  bool already_imported = false;  // the same file was imported before: nothing changed
  std::int64_t cells_changed = 0;
  std::int64_t slices_superseded = 0;  // (indicator, period) slices an older import had delivered
};

struct Provenance {
  std::string import_id, kind, file_name, sha256, imported_at, source, licence;
  std::string period;
  std::int64_t cells = 0;
  std::optional<std::string> superseded_by;
  // The code version the file used for the period: the days over which all
  // its county and municipality codes were valid (open ends null); `codes`
  // false when the period has none (the country, schools).
  bool codes = false;
  std::optional<std::string> codes_from, codes_to;
};

struct CellFilter {
  std::string indicator;
  std::optional<std::string> level;
  std::optional<std::string> area;
  std::optional<std::string> period;             // exact; "latest" is resolved by the service
  std::map<std::string, std::string> breakdown;  // exact categories for some dimensions
};

struct IndicatorSummary {
  Indicator indicator;
  std::optional<std::string> latest_period;
  std::int64_t cells = 0;
};

class Store {
 public:
  explicit Store(db::Pool& pool) : pool_(pool) {}

  Result<std::vector<IndicatorSummary>> indicators(const std::optional<std::string>& stage,
                                                   const std::optional<std::string>& source);
  Result<IndicatorSummary> indicator(const std::string& id);  // not_found if absent
  Result<std::vector<Cell>> cells(const CellFilter& filter);
  Result<std::vector<std::string>> periods(const std::string& indicator_id);  // ascending
  Result<std::vector<Provenance>> provenance(const std::string& indicator_id);

  static Result<std::int64_t> put(db::Connection& c, const Indicator& ind);
  static Result<std::optional<Indicator>> find(db::Connection& c, const std::string& id);
  // Writes a batch: a no-op when its id is recorded already; else each cell
  // is inserted or replaces the stored one (same indicator, area, period,
  // breakdown), and older imports of the same (indicator, period) are marked
  // superseded in the history.
  static Result<ImportOutcome> write_import(db::Connection& c, const ImportBatch& batch);

  // Targets, ended ones too, in (level, code, year, created) order, each
  // with the target that replaced it.
  static Result<std::vector<Target>> targets(db::Connection& c, const std::string& indicator_id);
  static Result<std::optional<Target>> target(db::Connection& c, const std::string& id);
  static Result<void> insert_target(db::Connection& c, const Target& t);
  // Ends an active target with its ended_* fields; false when it had ended
  // already (another change won the race).
  static Result<bool> end_target(db::Connection& c, const Target& t);

 private:
  db::Pool& pool_;
};

// An indicator from its catalogue entry (the `spec` column).
Result<Indicator> indicator_from_spec(const std::string& spec);

}  // namespace stemnet::monitor
