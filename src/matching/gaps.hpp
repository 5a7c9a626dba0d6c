// matching/gaps.hpp — where supply is missing: per municipality or county,
// for a year, what schools there are, how engaged they were, what offers
// reach them, and which open requests nobody answered.
//
// Pupil counts: the registry ships Udir's tested pupils (grades 5 and 8, the
// latest school year), not all pupils; until SSB's pupil table is shipped,
// bookings are related to those ("per 1 000 tested pupils") and say so.
// An offer reaches a municipality when it is digital, or its municipality's
// label point is within its travel radius of this one's (straight line).
// Cold spot (municipality): it has schools, under 10 % of them had a
// completed booking in the year, and fewer than 2 non-digital offers reach
// it. A county is a cold spot when over half its municipalities are.
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace stemnet::matching {

struct Gap {
  std::string level, code, name;
  long schools = 0, schools_engaged = 0, bookings = 0;
  long pupils_tested = 0;  // in the tested grades; 0 when unknown
  std::optional<double> bookings_per_1000_tested_pupils;
  long offers_in_reach = 0, digital_offers = 0, open_requests_unanswered = 0;
  bool cold_spot = false;
};

// `level`: municipality or county; `year`: the bookings' year.
Result<std::vector<Gap>> gaps(db::Pool& pool, const std::string& level, int year);

}  // namespace stemnet::matching
