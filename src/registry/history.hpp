// registry/history.hpp — Norway's areas as they were: every municipality and
// county code since 2017 with its name and validity, the changes between
// them, and FHI's population weights for counties that were split.
//
// Read from SSB's classification 131 (the code lists valid from 1 January of
// 2017, 2018, 2019, 2020, 2022, 2023 and 2024, and its change table since
// 1972), a county name list of our own that SSB's lists must agree with, and
// FHI's county redistricting table. The history is checked whole before it
// is written: a code that vanishes without a change, a change to a code in no
// list, a cycle of changes on one day, or counties that disagree with their
// municipalities stop the import with the rows named.
//
// Example:
//   HistoryFiles files{...};                       // the bytes, with file names
//   auto h = build_history(files);                 // Result<AreaHistory>
//   for (const auto& v : h->versions) ...          // {municipality, 1001, Kristiansand, -,
//   2019-12-31}
#pragma once

#include "core/result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stemnet::registry {

// A code with one name over a period. `valid_from` is null when the code
// with this name is older than the history (in 2017's list, made by no
// change since); `valid_to` (the last day) is null while it is valid.
struct AreaVersion {
  std::string level;  // county | municipality
  std::string code;
  std::string name;
  std::optional<std::string> valid_from, valid_to;  // "YYYY-MM-DD"
};

// One row of a change: `old_code` became (wholly or in part) `new_code` on
// `changed_on`. A merger is several rows with one new code, a split several
// with one old code; a renaming keeps the code.
struct AreaChange {
  std::string level;
  std::string old_code, old_name, new_code, new_name;
  std::string changed_on;  // "YYYY-MM-DD"
};

// FHI: the share of county `original_code`'s population of `year` that lives
// in today's county `current_code` (1 where the county was not split).
struct CountyWeight {
  int year = 0;
  std::string original_code, current_code;
  double weight = 1;
};

struct AreaHistory {
  std::vector<AreaVersion> versions;
  std::vector<AreaChange> changes;
  std::vector<CountyWeight> weights;
};

// A file's name (for messages) and bytes.
struct NamedBytes {
  std::string name;
  std::string bytes;
};

struct HistoryFiles {
  NamedBytes changes;                             // ssb-klass-131-changes-*.json
  std::vector<std::pair<int, NamedBytes>> lists;  // ssb-klass-131-version-YYYY.csv, by year
  NamedBytes counties;                            // counties-2017-2024.csv (ours)
  NamedBytes weights;                             // fhi-csdata-county-redistricting-*.csv
};

// The first year the history covers: codes of earlier years do not resolve.
inline constexpr int kHistoryStart = 2017;

// Parses and checks the files; the history, or the first problem naming its
// file and rows.
Result<AreaHistory> build_history(const HistoryFiles& files);

// What SSB writes where there is no single area: 9999 and 99 ("Uoppgitt",
// unknown) and its pseudo-areas (K-Rest, K-21-22, EAK, EAFK, EKG13, ...).
// What the code means, or nullopt for a code that may be an area. (Svalbard,
// 2100, is a territory of the registry, not a pseudo-area.)
std::optional<std::string> pseudo_area(std::string_view code);

}  // namespace stemnet::registry
