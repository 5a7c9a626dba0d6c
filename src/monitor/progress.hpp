// monitor/progress.hpp — how an area is doing against a target.
//
// Rule (documented in docs/monitor.md):
//   reached   the latest value meets the target (>= when higher is better,
//             <= when lower is better);
//   on_track  not yet, but the trend of the last periods (least-squares slope
//             over up to the last 3 values), carried forward to the target
//             year, meets it;
//   behind    the projected value falls short;
//   unknown   no value yet, or one value and no trend to project.
// Periods count by their first four digits ("2025-26" is 2025).
// Example:
//   progress({{2022, 40}, {2023, 42}, {2024, 44}}, 50, 2027, "higher_is_better")  // on_track (50
//   by 2027)
#pragma once

#include "core/time.hpp"  // valid_period, for the importers

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stemnet::monitor {

struct Point {
  int year;
  double value;
};

struct Progress {
  std::string state;                // reached | on_track | behind | unknown
  std::optional<double> projected;  // the trend's value in the target year
};

// `series` in any order, numeric values only.
Progress progress(std::vector<Point> series, double target, int target_year,
                  const std::string& direction);

// The year a period starts in, from its first four digits; nullopt if none.
std::optional<int> period_year(const std::string& period);

}  // namespace stemnet::monitor
