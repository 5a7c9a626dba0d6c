// text/json_file.hpp — parsing a JSON file with errors that name file:line.
// Example:
//   STEMNET_TRY(boost::json::value doc, parse_json(bytes, "admin/counties-2025.json"));
#pragma once

#include "core/result.hpp"

#include <boost/json/value.hpp>

#include <string_view>

namespace stemnet::text {

// The parsed document. A UTF-8 BOM is skipped. Fails with
// Error::malformed_file(file, line, "not valid JSON: <reason>") at the line
// where parsing stopped.
[[nodiscard]] Result<boost::json::value> parse_json(std::string_view bytes, std::string_view file);

}  // namespace stemnet::text
