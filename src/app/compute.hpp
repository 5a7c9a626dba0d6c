// app/compute.hpp — the indicators the platform itself yields, computed into
// the monitor's cube through the same write path as any import (provenance,
// history; the same figures again change nothing): schools engaged (from
// completed bookings), offers in reach and cold spots (from the gaps).
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

#include <string>
#include <vector>

namespace stemnet::app {

struct ComputeReport {
  std::vector<std::string> lines;  // one per indicator: "schools_engaged: 412 cells, 3 written"
  bool changed = false;            // any figure written
};

Result<ComputeReport> compute_platform_indicators(db::Pool& pool);

}  // namespace stemnet::app
