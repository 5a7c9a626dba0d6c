// matching/gaps.hpp — where supply is missing: per municipality or county,
// for a year, what schools there are, how engaged they were, what offers
// reach them, and which open requests nobody answered.
//
// Pupils: every per-1 000 figure is related to Udir's pupils in grades 1–10
// (GSI, the monitor's `pupils`, latest school year), which the caller reads
// and hands in: matching does not read the monitor. An area whose count is
// suppressed or not loaded has no per-1 000 figure, never a guessed one.
// Pupils reached: what the school said after a completed booking (the
// provider's count when the school gave none).
// An offer reaches a municipality when it is digital, or its municipality's
// label point is within its travel radius of this one's (straight line).
// Cold spot (municipality): it has schools, under 10 % of them had a
// completed booking in the year, and fewer than 2 non-digital offers reach
// it. A county is a cold spot when over half its municipalities are.
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace stemnet::matching {

// Udir's pupils per area ("2025-26": pupils on 1 October 2025).
struct PupilCounts {
  std::string period;                                         // empty when none are loaded
  std::map<std::string, long> municipality, county, country;  // code -> pupils, numbers only
};

// Reads the counts when asked (the app composes it from the monitor).
using PupilSource = std::function<Result<PupilCounts>()>;

struct Gap {
  std::string level, code, name;
  long schools = 0, schools_engaged = 0, bookings = 0, pupils_reached = 0;
  std::optional<long> pupils;  // Udir's; nullopt when suppressed or not loaded
  std::optional<double> bookings_per_1000_pupils, pupils_reached_per_1000_pupils;
  long offers_in_reach = 0, digital_offers = 0, open_requests_unanswered = 0;
  bool cold_spot = false;
};

// `level`: municipality or county; `year`: the bookings' year.
Result<std::vector<Gap>> gaps(db::Pool& pool, const std::string& level, int year,
                              const PupilCounts& pupils);

}  // namespace stemnet::matching
