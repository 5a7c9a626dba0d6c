// catalogue/errors.hpp — every error a person can meet adding, changing,
// publishing and searching offers and their slots: named factories with
// stable codes ("catalogue.*"), listed in api/openapi.yaml (ProblemCode,
// FaultCode) and given texts in ui/src/i18n/*/codes/catalogue.ts. A rule
// about one body member is a fault at its JSON pointer (400
// validation.failed), a search parameter's a fault naming the parameter.
//
// Example:
//   if (ends <= starts) return errors::slot_ends_before_start();  // at /ends_at
//   if (rows.empty()) return errors::offer_not_found(id);         // 404 catalogue.offer_not_found
#pragma once

#include "core/result.hpp"

#include <string>
#include <string_view>

namespace stemnet::catalogue::errors {

// No offer with this id that the caller may see (a draft is its provider's
// only): catalogue.offer_not_found {offer}.
Error offer_not_found(std::string_view id);
// No provider with this id: catalogue.provider_not_found {provider}.
Error provider_not_found(std::string_view provider);
// Only the provider's members (and admins) add or change its offers:
// catalogue.members_only {provider}.
Error members_only(std::string_view provider);
// A provider's offers show once a coordinator has approved it:
// catalogue.provider_not_approved.
Error provider_not_approved();
// Nearness to a school or municipality that is not in the registry:
// catalogue.school_not_found {school}, catalogue.municipality_not_found {municipality}.
Error school_not_found(std::string_view school);
Error municipality_not_found(std::string_view municipality);

// --- rules about one member of an offer or a slot
// 1 to 200 characters: at /title, catalogue.title_length {min, max}.
Error title_length();
// 1 to 10 000 characters: at /description, catalogue.description_length {min, max}.
Error description_length();
// Not one of the formats: at /format, catalogue.unknown_format {format}.
Error unknown_format(std::string_view format);
// At least one subject: at /subjects, catalogue.subjects_required.
Error subjects_required();
// Not one of the subjects: at /subjects/<index>, catalogue.unknown_subject {subject}.
Error unknown_subject(std::size_t index, std::string_view subject);
// Grades run from 1 to 13, the first not above the last: at /grades,
// catalogue.grades_invalid {min, max}.
Error grades_invalid();
// At least one language: at /languages, catalogue.languages_required.
Error languages_required();
// 1 to 10 000 pupils: at /capacity, catalogue.capacity_out_of_range {min, max}.
Error capacity_out_of_range();
// An offer that is not digital needs its municipality: at /municipality,
// catalogue.municipality_required.
Error municipality_required();
// A kit's materials list: at most {max} items (/materials,
// catalogue.materials_too_many), each 1 to {max} characters (/materials/i,
// catalogue.material_length).
Error materials_too_many(int max);
Error material_length(std::size_t index, int max);
// The teacher's preparation, 0 to 10 080 minutes: /preparation_minutes,
// catalogue.preparation_out_of_range {min, max}.
Error preparation_out_of_range();
// LK20 curriculum codes ("NAT01-04"): at most {max} (/curriculum,
// catalogue.curriculum_too_many); each of the form /curriculum/i,
// catalogue.curriculum_code_invalid {code}.
Error curriculum_too_many(int max);
Error curriculum_code_invalid(std::size_t index, std::string_view code);
// A municipality number the registry does not know: at /municipality,
// catalogue.municipality_unknown {municipality}.
Error municipality_unknown(std::string_view municipality);
// 0 to 2000 km: at /travel_radius_km, catalogue.travel_radius_out_of_range {min, max}.
Error travel_radius_out_of_range();
// 1 minute to 14 days: at /duration_minutes, catalogue.duration_out_of_range {min, max}.
Error duration_out_of_range();
// A cost is 0 or more: at /cost_nok, catalogue.cost_negative.
Error cost_negative();
// A slot ends after it starts: at /ends_at, catalogue.slot_ends_before_start.
Error slot_ends_before_start();
// 1 to 100 classes per slot: at /capacity, catalogue.slot_capacity_out_of_range {min, max}.
Error slot_capacity_out_of_range();

// --- search parameters (query faults)
// ?format=, ?subject= not one of the list: catalogue.unknown_format,
// catalogue.unknown_subject; ?grade= 1 to 13: catalogue.grade_out_of_range
// {min, max}; ?municipality=, ?county=, ?near=: catalogue.municipality_invalid,
// catalogue.county_invalid, catalogue.near_invalid; ?digital=: true or false,
// catalogue.digital_invalid; ?cursor= not one this server gave out:
// catalogue.cursor_invalid.
Error unknown_format_query(std::string_view format);
Error unknown_subject_query(std::string_view subject);
Error grade_query_out_of_range();
Error municipality_query_invalid(std::string_view municipality);
Error county_query_invalid(std::string_view county);
Error near_query_invalid(std::string_view near);
Error digital_query_invalid(std::string_view digital);
Error cursor_invalid();

}  // namespace stemnet::catalogue::errors
