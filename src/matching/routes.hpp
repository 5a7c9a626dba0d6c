// matching/routes.hpp — /api/v1/rounds (create, solve, inspect, accept) and
// /api/v1/gaps (where supply is missing). See docs/api.md and docs/matching.md.
#pragma once

#include "accounts/service.hpp"
#include "http/router.hpp"
#include "matching/gaps.hpp"
#include "matching/rounds.hpp"

namespace stemnet::matching {

// `pupils`: Udir's pupil counts, the denominator of the gaps' per-1 000 figures.
void add_routes(http::Router& router, Rounds& rounds, db::Pool& pool, accounts::Service& accounts,
                PupilSource pupils);

}  // namespace stemnet::matching
