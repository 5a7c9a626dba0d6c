// monitor/catalogue.hpp — the indicator catalogue (data/indicators/catalogue.json):
// what each indicator means, where its figures come from and how to fetch them.
//
// Example:
//   STEMNET_TRY(auto indicators, read_catalogue(bytes, "data/indicators/catalogue.json"));
//   STEMNET_TRY(int changed, load_catalogue(pool, indicators));   // upsert, one transaction
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"
#include "monitor/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace stemnet::monitor {

inline constexpr const char* kStages[] = {"primary",          "lower_secondary", "upper_secondary",
                                          "higher_education", "labour_market",   "engagement",
                                          "context"};
inline constexpr const char* kLevels[] = {"country", "county", "municipality", "school"};

// Parses and checks the catalogue. Fails with Error::malformed_file naming
// the file and the JSON path of the fault (e.g. "indicators[3].stage").
[[nodiscard]] Result<std::vector<Indicator>> read_catalogue(std::string_view bytes,
                                                            const std::string& file);

// Writes the indicators (insert or update) in one transaction; returns how
// many rows changed.
[[nodiscard]] Result<int> load_catalogue(db::Pool& pool, const std::vector<Indicator>& indicators);

}  // namespace stemnet::monitor
