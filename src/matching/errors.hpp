// matching/errors.hpp — every error a person can meet running a matching
// round or reading the gaps: named factories with stable codes
// ("matching.*"), listed in api/openapi.yaml (ProblemCode, FaultCode) and
// given texts in ui/src/i18n/*/codes/matching.ts. A rule about one body
// member is a fault at its JSON pointer, a query parameter's a fault naming it.
//
// Example:
//   if (!may_run(actor, round.region)) return errors::round_not_found(id);   // 404
//   if (round.state == "accepted") return errors::round_accepted();           // 409 illegal-move
#pragma once

#include "core/result.hpp"

#include <string_view>

namespace stemnet::matching::errors {

// No round with this id that the caller may run: matching.round_not_found.
Error round_not_found(std::string_view id);
// Only a coordinator of the county (or an admin; only an admin for "NO")
// runs its rounds: matching.coordinators_only {region}.
Error coordinators_only(std::string_view region);
// The round is accepted: open a new one (type "illegal-move"): matching.round_accepted.
Error round_accepted();
// Accepting a round that is not solved yet (type "illegal-move"): matching.round_not_solved.
Error round_not_solved();
// Since solving, an open request was taken or withdrawn, or a slot filled
// (type "round-stale"): matching.request_no_longer_open {open_request},
// matching.slot_filled {slot}.
Error request_no_longer_open(std::string_view open_request);
Error slot_filled(std::string_view slot);

// --- rules about one member of a new round
// A county number, or NO: at /region, matching.region_invalid {region}.
Error region_invalid(std::string_view region);
// No county has this number: at /region, matching.county_not_found {region}.
Error county_not_found(std::string_view region);
// The period ends before it starts: at /to, matching.period_reversed.
Error period_reversed();
// The period has ended: at /to, matching.period_ended.
Error period_ended();

// --- query parameters of the gaps
// ?level= municipality or county: matching.level_invalid {level}.
Error level_invalid(std::string_view level);
// ?period= a year from 2000 to 2100: matching.period_invalid {min, max}.
Error period_invalid();

}  // namespace stemnet::matching::errors
