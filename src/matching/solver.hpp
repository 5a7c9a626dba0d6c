// matching/solver.hpp — assigning many requests to many slots at once.
//
// The model is a min-cost flow: source -> request (capacity 1) -> slot
// (capacity 1, only for feasible pairs) -> sink (capacity: the slot's room).
// A pair is feasible when the slot is for the request's grade, falls in one
// of its wished weeks, has a welcome format, and is digital (and digital is
// fine) or within the offer's travel radius of the school (straight-line
// great-circle distance between the two places). Arcs stay sparse: only
// feasible pairs, and at most `max_candidates` per request (the best by fit,
// then distance), which bounds a national round; with the default the
// round is solved exactly over those candidates.
//
// The objective is lexicographic, in this order:
//   1. the number of requests served (a maximum flow, LEMON's Preflow);
//   2. the sum of the served requests' equity weights;
//   3. the sum of the fits;
//   4. the total travel, least.
// Tiers 2-4 are one min-cost flow of exactly that many units (LEMON's
// NetworkSimplex) with integer weights chosen from the instance's own bounds
// so that no amount of a lower tier outweighs one unit of a higher tier.
// Travel is counted in metres unless the weights would not fit in 62 bits;
// then in the smallest power of ten that fits (reported as travel_unit_m).
// Example:
//   Solution best = solve(instance, {});
//   Solution fcfs = first_come_first_served(instance, {});
#pragma once

#include "matching/model.hpp"

namespace stemnet::matching {

struct Options {
  int max_candidates = 40;  // per request; 0: no limit
};

// The fit of a slot for a request (both assumed feasible).
Fit fit_of(const Request& r, const Slot& s);

// The optimum, as above.
Solution solve(const Instance& in, const Options& options);

// The baseline: requests in the given order each take the best candidate
// (fit, then distance) that still has room.
Solution first_come_first_served(const Instance& in, const Options& options);

}  // namespace stemnet::matching
