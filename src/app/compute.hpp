// app/compute.hpp — the indicators the platform itself yields, computed into
// the monitor's cube through the same write path as any import (provenance,
// history; the same figures again change nothing): schools engaged (from
// completed bookings), offers in reach and cold spots (from the gaps), and
// the figures per 1 000 pupils (bookings, pupils who met a role model), whose
// denominator is Udir's pupils in grades 1–10 (the monitor's `pupils`).
// `app/` is where booking, matching and the monitor meet; none knows the
// others.
//
// Run by `stemnet monitor compute` and by the server's worker: after a
// booking completes, and every few minutes (offers published or archived).
//
// Example:
//   auto report = compute_platform_indicators(pool);
//   if (report && report->changed) std::cout << report->lines[0];
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"
#include "matching/gaps.hpp"

#include <string>
#include <vector>

namespace stemnet::app {

struct ComputeReport {
  std::vector<std::string> lines;  // one per indicator: "schools_engaged: 412 cells, 3 written"
  bool changed = false;            // any figure written
};

Result<ComputeReport> compute_platform_indicators(db::Pool& pool);

// Udir's pupils of the latest school year loaded into the monitor, per
// municipality, county and the country; suppressed cells are left out.
Result<matching::PupilCounts> pupil_counts(db::Pool& pool);

}  // namespace stemnet::app
