// monitor/errors.hpp — the errors a person can meet reading the monitor's
// indicators, figures and area profiles, and validating a JSON-stat
// document: named factories with stable codes ("monitor.*", or the edge's
// own validation.* code where the rule is one of the document's), listed in
// api/openapi.yaml and given texts in ui/src/i18n/*/codes/monitor.ts.
// (Importers and the command line keep their Error::malformed_file and
// plain Error::invalid: no person meets them through the API.)
//
// Example:
//   if (rows.empty()) return errors::indicator_not_found(id);  // 404 {id}
#pragma once

#include "core/result.hpp"

#include <string>
#include <string_view>

namespace stemnet::monitor::errors {

// 404 monitor.indicator_not_found {id}.
Error indicator_not_found(std::string_view id);
// 404 monitor.area_not_found {level, code}: a well-formed code no area has.
Error area_not_found(std::string_view level, std::string_view code);
// 400 monitor.profile_area_invalid {code} (path parameter): a profile is
// for a municipality or a county.
Error profile_area_invalid(std::string_view code);
// 400 monitor.jsonstat_empty: POST /jsonstat/validate without a document.
Error jsonstat_empty();

// Query parameters of /indicators and /indicators/{id}/data: faults.
// `area` names no country, county, municipality or school: monitor.area_invalid {area}.
Error area_invalid(std::string_view area);
// `area` is not at `level`: monitor.area_level_mismatch {area, area_level, level}.
Error area_level_mismatch(std::string_view area, std::string_view area_level,
                          std::string_view level);
// A parameter that is no breakdown of the indicator: monitor.breakdown_unknown {indicator}.
Error breakdown_unknown(std::string_view indicator, std::string parameter);
// A parameter given with no value: monitor.parameter_empty.
Error parameter_empty(std::string parameter);
// A parameter given twice: validation.repeated_parameter.
Error parameter_repeated(std::string parameter);
// A value not one of `allowed`: validation.not_allowed {allowed}.
Error not_one_of(std::string parameter, std::string_view value, std::string allowed);

// Targets (monitor/targets.hpp).
// 404 monitor.target_not_found {id}.
Error target_not_found(std::string_view id);
// 409 monitor.target_ended {how}: it was changed or retired; act on the current one.
Error target_ended(std::string_view how);
// 403 monitor.targets_coordinators_only {area}: "" for all areas (admins only).
Error targets_coordinators_only(std::string_view area);
// 400 monitor.target_neutral {indicator}: neither higher nor lower is better.
Error target_neutral(std::string_view indicator);
// 400 at /area, monitor.target_area_invalid {area}: no county or municipality of today.
Error target_area_invalid(std::string_view area, std::string detail);
// 400 at /area, monitor.target_level_missing {indicator, level}.
Error target_level_missing(std::string_view indicator, std::string_view level);
// 400 at /year, monitor.target_year_invalid: from 2000 to 2100.
Error target_year_invalid();
// 400 at /reason, monitor.target_reason_missing.
Error target_reason_missing();

}  // namespace stemnet::monitor::errors
