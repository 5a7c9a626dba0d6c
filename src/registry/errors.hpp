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

// Query filters: faults at the parameter, with the edge's codes.
Error county_filter_invalid(std::string_view county);              // validation.bad_format
Error municipality_filter_invalid(std::string_view municipality);  // validation.bad_format
Error search_too_long(long long max);                              // q, validation.too_long {max}
// validation.not_allowed {allowed}
Error not_one_of(std::string parameter, std::string_view value, std::string allowed);
// A level the registry has no names at (country, county, municipality, school).
Error level_invalid();

}  // namespace stemnet::registry::errors
