// text/json_write.hpp — JSON text with numbers as people write them.
//
// Boost.JSON writes 454.12 as "4.5412E2"; readers of our API and exports
// should see "454.12". This writer emits the same JSON with every double in
// its shortest round-trip form (std::to_chars), integers as integers.
// Strings are always valid UTF-8 JSON, whatever bytes they hold: each
// ill-formed UTF-8 sequence (e.g. a percent-decoded %FF from a URL) becomes
// U+FFFD, control characters are escaped.
// Example:
//   json_text(boost::json::object{{"area_km2", 454.12}})   // {"area_km2":454.12}
//   json_text(boost::json::string("a\xFFb"))                // "a�b" (U+FFFD as UTF-8)
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace stemnet::text {

std::string json_text(const boost::json::value& v);
void append_json(std::string& out, const boost::json::value& v);
// `s` as a JSON string literal (quotes included); never fails.
void append_string(std::string& out, std::string_view s);
// A double in shortest round-trip form; NaN and infinities become null.
void append_number(std::string& out, double d);

}  // namespace stemnet::text
