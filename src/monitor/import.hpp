// monitor/import.hpp — loading figures into the cube, each file one
// transaction with its provenance (file, SHA-256, time, rows, source, licence).
//
// Re-importing a file is a no-op; a newer file for the same indicator and
// period replaces those cells, and the older import stays in the history.
// Example:
//   auto report = import_udir(pool, {"np_5trinn.tsv"});
//   auto report = import_csv(pool, "figures.csv");
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace stemnet::monitor {

struct FileOutcome {
  std::string file;
  std::string import_id;
  std::int64_t rows = 0;
  std::int64_t cells = 0;
  std::int64_t cells_changed = 0;
  std::int64_t slices_superseded = 0;
  bool already_imported = false;
  // Area codes skipped because they name no current area, with how many
  // cells each had (e.g. {"K-21-22", 4}); shown to the user, never silent.
  std::map<std::string, std::int64_t> skipped_areas;
};

// Udir national-test exports: scale points, uncertainty and participants by
// subject and grade, at every level the file has. Needs the catalogue's
// national_test_* indicators and the registry's areas and schools.
Result<std::vector<FileOutcome>> import_udir(db::Pool& pool,
                                             const std::vector<std::filesystem::path>& files);

// The tidy CSV format (docs/monitor.md): indicator,area,period,[breakdown
// columns…],value[,status]. Any figure from a spreadsheet.
Result<FileOutcome> import_csv(db::Pool& pool, const std::filesystem::path& file);

}  // namespace stemnet::monitor
