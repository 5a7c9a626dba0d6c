// monitor/jsonstat/cli.hpp — the `stemnet jsonstat` commands as functions
// from files and flags to output and an exit code (the app wires them).
//
// Example:
//   // stemnet jsonstat validate a.json b.json
//   return validate_files({"a.json", "b.json"}, std::cout);
//   // a.json: $.value: VALUE_LEN_MISMATCH: 3 values, size says 4
//   // b.json: $: BUNDLE_DEPRECATED: warning: a JSON-stat 1.x bundle ...
//   // stemnet jsonstat table canada.json --format tsv --labels
//   return print_table("canada.json", TableFormat::tsv, true, std::cout, std::cerr);
#pragma once

#include "monitor/jsonstat/table.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace stemnet::monitor::jsonstat {

// Validates each file, writing one line per fault: "FILE: PATH: CODE: message",
// with "warning: " before the message of a warning. A file that cannot be
// read or is not JSON is a fault too ("FILE:LINE: $: JSON_INVALID: ...").
// Returns 0 when every file is valid (warnings allowed), 1 otherwise.
[[nodiscard]] int validate_files(const std::vector<std::string>& files, std::ostream& out);

// Writes the table of the file's dataset as CSV or TSV, with category labels
// or ids. A response with several datasets prints the first and says so on
// `err`. Returns 0, or 1 with the reason on `err` when the file cannot be read.
[[nodiscard]] int print_table(const std::string& file, TableFormat format, bool labels,
                              std::ostream& out, std::ostream& err);

}  // namespace stemnet::monitor::jsonstat
