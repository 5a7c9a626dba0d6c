// monitor/jsonstat/validate.hpp — checking a JSON-stat response, with every
// fault named by its JSON path and a stable code.
//
// Checks what the JSON-stat 2.0 schemas require (class, version, required
// members, types, link relations, no unknown members) and what they cannot
// say: id/size/dimension agreement, category counts, index positions, value
// and status lengths, sparse keys, keys of label/unit/coordinates/note/child
// naming real categories, child cycles, role ids. A 1.x bundle is checked
// dataset by dataset with a BUNDLE_DEPRECATED warning. Never allocates in
// proportion to declared sizes; cell counts over kMaxCells are CELLS_TOO_MANY.
//
// Codes (errors unless noted):
//   JSON_INVALID, NOT_OBJECT, CLASS_UNKNOWN, VERSION_INVALID, MEMBER_MISSING,
//   MEMBER_UNKNOWN, TYPE_MISMATCH, UPDATED_INVALID, LINK_RELATION_UNKNOWN,
//   ID_DUPLICATE, SIZE_INVALID, CELLS_TOO_MANY, ID_SIZE_LEN_MISMATCH,
//   DIM_KEY_ID_MISMATCH, ROLE_KEY_UNKNOWN, ROLE_ID_UNKNOWN, INDEX_MISSING,
//   INDEX_DUPLICATE, INDEX_COUNT_MISMATCH, INDEX_POSITIONS_INVALID, LABEL_EMPTY,
//   LABEL_KEY_UNKNOWN, UNIT_KEY_UNKNOWN, UNIT_INVALID, COORD_KEY_UNKNOWN,
//   COORD_INVALID, NOTE_KEY_UNKNOWN, CHILD_ID_UNKNOWN, CHILD_CYCLE,
//   VALUE_LEN_MISMATCH, VALUE_TYPE_INVALID, STATUS_LEN_MISMATCH,
//   STATUS_TYPE_INVALID, SPARSE_KEY_INVALID, SPARSE_KEY_OUT_OF_RANGE;
//   warnings: METRIC_UNIT_MISSING (a metric dimension's category without a
//   unit), BUNDLE_DEPRECATED (a 1.x bundle).
//
// Example:
//   for (const Issue& i : validate_text(bytes, "upload.json"))
//     std::cout << i.path << ": " << i.code << ": " << i.message << "\n";
//   // $.dimension.sex.category.index: INDEX_COUNT_MISMATCH: 3 categories, size says 2
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace stemnet::monitor::jsonstat {

enum class Severity { error, warning };

struct Issue {
  std::string code;  // stable, e.g. "VALUE_LEN_MISMATCH"
  Severity severity = Severity::error;
  std::string path;  // JSON path of the fault, e.g. "$.dimension.sex.category.index"
  std::string message;
};

// Every fault found in a parsed response, in document order.
[[nodiscard]] std::vector<Issue> validate(const boost::json::value& document);
// The same for the text of a response; text that is not JSON is one
// JSON_INVALID issue at "$" whose message starts with "file:line: ".
[[nodiscard]] std::vector<Issue> validate_text(std::string_view bytes, std::string_view file_name);

// True when no issue is an error (warnings allowed).
[[nodiscard]] bool valid(const std::vector<Issue>& issues);
std::string_view to_string(Severity severity);

}  // namespace stemnet::monitor::jsonstat
