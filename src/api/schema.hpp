// api/schema.hpp — reading the API document's JSON Schemas where valijson
// does not: following local references, the schema at a JSON pointer, the
// draft-7 names valijson knows, and strings too long for a pattern.
//
// Example:
//   const json::value* s = schema_at(document, &body_schema, "/kit/before");
//   if (has_long_string(body)) clip_long_strings(document, body_schema, body, "", false, faults);
#pragma once

#include "core/result.hpp"

#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace stemnet::api {

// Follows local references ("#/components/schemas/Offer") to what they name;
// nullptr for a reference outside the document or one that names nothing.
const boost::json::value* resolve(const boost::json::value& root, const boost::json::value* v);
// The JSON types a schema allows ("integer", "string", ...), from `type`.
std::vector<std::string> types_of(const boost::json::value* schema);
bool allows(const std::vector<std::string>& types, std::string_view t);
// The schema that applies at `pointer` below `schema`, following properties,
// additionalProperties and items; nullptr where that is not one schema.
const boost::json::value* schema_at(const boost::json::value& root,
                                    const boost::json::value* schema, std::string_view pointer);
// Rewrites a schema in place for valijson (draft 7): `format` date, time and
// date-time as the patterns they mean, dependentRequired as `dependencies`.
void formats_as_patterns(boost::json::value& v);
// Whether any string under `v` is long enough that a pattern could choke on it.
bool has_long_string(const boost::json::value& v);
// Reports (validation.too_long, validation.bad_format) and cuts every string
// of `v` over its schema's maxLength, or a date or time over 64 characters,
// so that no pattern sees it; returns whether anything was cut.
bool clip_long_strings(const boost::json::value& root, const boost::json::value& schema,
                       boost::json::value& v, const std::string& pointer, bool query,
                       std::vector<Fault>& out);

}  // namespace stemnet::api
