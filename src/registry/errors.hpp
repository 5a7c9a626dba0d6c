// registry/errors.hpp — the errors a person can meet looking up counties,
// municipalities, schools, institutions and boundaries: named factories with
// stable codes ("registry.*", or the edge's own validation.* code where the
// rule is one of the document's), listed in api/openapi.yaml and given texts
// in ui/src/i18n/*/codes/registry.ts.
//
// Example:
//   if (rows.empty()) return errors::municipality_not_found(number);  // 404 {number}
#pragma once

#include "core/result.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace stemnet::registry::errors {

// 404 registry.municipality_not_found {number}.
Error municipality_not_found(std::string_view number);
// 404 registry.school_not_found {orgnr}.
Error school_not_found(std::string_view orgnr);
// 404 registry.boundaries_unknown {level}: /boundaries/{level} names neither
// counties nor municipalities.
Error boundaries_unknown(std::string_view level);
// 404 registry.boundaries_missing {level}: not imported yet.
Error boundaries_missing(std::string_view level);
// 400 registry.municipality_number_invalid {number} (path parameter).
Error municipality_number_invalid(std::string_view number);
// 400 registry.orgnr_invalid {orgnr} (path parameter).
Error orgnr_invalid(std::string_view orgnr);

// 404 registry.county_not_found {number}: in no list since 2017.
Error county_not_found(std::string_view number);
// 400 registry.county_number_invalid {number} (path parameter).
Error county_number_invalid(std::string_view number);
// 404 registry.pseudo_area {number}: 9999 or 99, SSB's "unknown", is no area.
Error pseudo_area(std::string_view number, std::string_view meaning);
// 400 registry.before_history {on, start} at `on`: the history starts on 1 January of `start`.
Error before_history(std::string_view on, int start);
// 404 registry.not_valid_on {level, number, on, valid_from, valid_to}: the code
// was no area that day (valid_from or valid_to "" when open).
Error not_valid_on(std::string_view level, std::string_view number, std::string_view on,
                   const std::optional<std::string>& from, const std::optional<std::string>& to);

// Query filters: faults at the parameter, with the edge's codes.
Error county_filter_invalid(std::string_view county);              // validation.bad_format
Error municipality_filter_invalid(std::string_view municipality);  // validation.bad_format
Error search_too_long(long long max);                              // q, validation.too_long {max}
// validation.not_allowed {allowed}
Error not_one_of(std::string parameter, std::string_view value, std::string allowed);
// A level the registry has no names at (country, county, municipality, school).
Error level_invalid();

}  // namespace stemnet::registry::errors
