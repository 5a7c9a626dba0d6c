// text/json_write.hpp — JSON text with numbers as people write them.
//
// Boost.JSON writes 454.12 as "4.5412E2"; readers of our API and exports
// should see "454.12". This writer emits the same JSON with every double in
// its shortest round-trip form (std::to_chars), integers as integers.
// Example:
//   json_text(boost::json::object{{"area_km2", 454.12}})   // {"area_km2":454.12}
#pragma once

#include <boost/json/value.hpp>

#include <string>

namespace stemnet::text {

std::string json_text(const boost::json::value& v);
void append_json(std::string& out, const boost::json::value& v);
// A double in shortest round-trip form; NaN and infinities become null.
void append_number(std::string& out, double d);

}  // namespace stemnet::text
