// booking/weeks.hpp — ISO weeks as people write them in a wish: "uke 4–8 2027",
// "uke 12 og 14 2027", "uke 51–52 2026 og uke 1 2027"; never "2027-W04".
//
// Example:
//   wished_weeks({"2027-W04", "2027-W05", "2027-W06"}) == "uke 4–6 2027"
#pragma once

#include <string>
#include <vector>

namespace stemnet::booking {

// The weeks ("YYYY-Www", any order, repeats ignored) in bokmål, consecutive
// weeks as a range; a string that is not a week is kept as it is, at the end.
std::string wished_weeks(const std::vector<std::string>& weeks);

}  // namespace stemnet::booking
