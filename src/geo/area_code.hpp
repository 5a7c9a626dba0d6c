// geo/area_code.hpp — Norway's area numbers: county (fylkesnummer, 2 digits)
// and municipality (kommunenummer, 4 digits, the first two its county).
//
// Example:
//   is_county_number("03");             // true
//   is_municipality_number("0301");     // true
//   county_of("5001");                  // "50"
#pragma once

#include <string>
#include <string_view>

namespace stemnet::geo {

bool is_county_number(std::string_view s);
bool is_municipality_number(std::string_view s);
// The county part of a municipality number; empty if `s` is not one.
std::string county_of(std::string_view municipality_number);

// True for a 9-digit Norwegian organisation number whose mod-11 check digit
// (weights 3 2 7 6 5 4 3 2) is right.
bool is_organisation_number(std::string_view s);

}  // namespace stemnet::geo
