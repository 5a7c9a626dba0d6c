// monitor/import_figures.hpp — the figures stemnet ships with its reference
// data, loaded like any import (one transaction a file, with provenance):
// Udir's pupils per county and municipality (GSI "Elever og skoler", as its
// API answers) into `pupils`, and the residents of the reference places files
// into `population`. The country is the sum of its counties when all of them
// are numbers (the files have no national row). Needs the catalogue.
//
// Example:
//   auto done = import_shipped_figures(pool, "data/reference");  // pupils 2025-26, population 2024
//   auto one = import_gsi(pool, "udir-gsi-elever-og-skoler-2026-27.json");  // a newer year
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"
#include "monitor/import.hpp"

#include <filesystem>
#include <vector>

namespace stemnet::monitor {

// Udir GSI "Elever og skoler": the first measure, "Antall elever", of every
// county and municipality row; `*` stays suppressed. Kind "gsi".
Result<FileOutcome> import_gsi(db::Pool& pool, const std::filesystem::path& file);

// places/fylker-2024.csv and places/kommuner-2024.csv of `dir`: population of
// 1 January 2024. Kind "reference".
Result<FileOutcome> import_reference_population(db::Pool& pool, const std::filesystem::path& dir);

// Both, from a folder laid out like data/reference (pupils/ and places/).
Result<std::vector<FileOutcome>> import_shipped_figures(db::Pool& pool,
                                                        const std::filesystem::path& dir);

}  // namespace stemnet::monitor
