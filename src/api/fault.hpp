// api/fault.hpp — the faults of a request checked against the API document:
// JSON pointers as the problems name them, and each fault's English detail
// (clients write their own text by the fault's code).
//
// Example:
//   escape_pointer_token("a/b") == "a~1b";  dotted_of_pointer("/kit/items/0") == "kit.items[0]"
#pragma once

#include "core/result.hpp"
#include "http/body.hpp"

#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace stemnet::api {

// RFC 6901: "~" as "~0", "/" as "~1", and back.
using http::escape_pointer_token;  // http/body.hpp
std::string unescape_pointer_token(std::string_view token);
// "kit.items[2]" (http::nul_path) as a JSON pointer, "/kit/items/2".
std::string pointer_of_dotted(std::string_view path);
// "/kit/items/0" as the member path older problems named, "kit.items[0]".
std::string dotted_of_pointer(std::string_view pointer);

// A fault at `pointer` of the body, or (query) at the query parameter the
// pointer's one token names.
Fault make_fault(std::string pointer, bool query, std::string code,
                 std::vector<ErrorParam> params = {});
// A schema's number (minimum, maxLength, ...) as a fault's parameter.
ErrorParam number_param(std::string name, const boost::json::value& v);
// "a whole number or text", for JSON types ("integer", "string").
std::string expected_text(const std::vector<std::string>& types);
// The English detail of one fault, from its code, place and parameters.
std::string fault_detail(const Fault& f);
// Where a value has the wrong type, that is its one fault: drops "must be
// one of" and "is not in the expected form" at the same place.
void drop_implied(std::vector<Fault>& faults);

}  // namespace stemnet::api
