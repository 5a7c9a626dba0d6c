// monitor/current_areas.hpp — a series on today's areas, from figures kept
// on the codes their publishers used.
//
// A figure on an older code version (its import's `area_codes` end before
// today) moves to today's areas by SSB's changes: a renumbering carries it
// over; a merger sums counts of people (persons, pupils, students) from all
// the old codes, and leaves any other unit not comparable (no numerator and
// denominator are stored); a county split is an estimate by FHI's population
// shares; a municipality split has no weights and is not shown on the new
// areas (not comparable). Every moved figure says how (`derivation`), and a
// merger missing one of its parts is not comparable, never a partial sum.
//
// Example:
//   STEMNET_TRY(auto cells, on_current_areas(registry, indicator, std::move(cells)));
//   // {municipality 4204, 2019, 80000, "summed from 1001, 1017, 1018 by SSB's change of
//   2020-01-01"}
#pragma once

#include "core/result.hpp"
#include "monitor/model.hpp"
#include "registry/service.hpp"

#include <vector>

namespace stemnet::monitor {

// Whether figures of this unit add up over areas (counts of people).
bool additive(const Indicator& ind);

Result<std::vector<Cell>> on_current_areas(registry::Service& registry, const Indicator& ind,
                                           std::vector<Cell> cells);

}  // namespace stemnet::monitor
