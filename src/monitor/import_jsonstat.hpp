// monitor/import_jsonstat.hpp — SSB-style JSON-stat tables into the cube.
//
// Each dimension of the table is mapped to a role:
//   area[:county]      the areas (K-0301, F-03, 0301, EAFK, ...; ":county" reads
//                      KOSTRA county codes such as 3200)
//   period             the periods
//   breakdown[:NAME]   a breakdown of the indicator (NAME defaults to the
//                      dimension id in lower case)
//   pick:CAT           keep the one category CAT
//   sum[:A,B]          add the categories (all, or A and B)
//   share:A,B[/T]      100 × (A + B) / T (the total category T; without /T,
//                      the sum of all categories)
// A dimension of one category needs no mapping. A sum or share over a cell
// that is suppressed (":") or missing is itself suppressed or missing: a
// withheld figure never becomes a number.
// Area codes that name no current area (pseudo-areas such as K-21-22, K-Rest,
// or codes of municipalities before the 2024 reform) are skipped and
// reported, never silently dropped.
// Example:
//   auto out = import_jsonstat(pool, "07459.json", "population",
//                              {{"Region", "area"}, {"Tid", "period"}, {"Kjonn", "sum"}});
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"
#include "monitor/import.hpp"

#include <filesystem>
#include <map>
#include <string>

namespace stemnet::monitor {

using DimensionMap = std::map<std::string, std::string>;  // dimension id -> role

// Parses "Region=area" pairs from the command line; fails naming the pair.
Result<DimensionMap> parse_dimension_map(const std::vector<std::string>& pairs);

struct JsonStatSource {
  std::string kind = "jsonstat";  // or "pxweb" for a fetched response
  std::string name;               // file name or URL, for the provenance
};

// Imports the table in `bytes` for `indicator_id` in one transaction.
Result<FileOutcome> import_jsonstat_bytes(db::Pool& pool, std::string_view bytes,
                                          const JsonStatSource& source,
                                          const std::string& indicator_id, const DimensionMap& map);
Result<FileOutcome> import_jsonstat(db::Pool& pool, const std::filesystem::path& file,
                                    const std::string& indicator_id, const DimensionMap& map);

}  // namespace stemnet::monitor
