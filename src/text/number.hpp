// text/number.hpp — numbers and statistics cells as Norwegian publishers write them.
//
// Udir, SSB and others write "3,6" (decimal comma), "56 929" (space as
// thousands separator, sometimes a no-break space), "−2,5" (U+2212 minus) and
// mark cells they will not publish with symbols such as "*" or ":". These
// functions read such text strictly: anything ambiguous is an error, never a
// guess. Errors carry no file or line; callers add them (see
// Table::field_error in text/delimited.hpp).
//
// Example:
//   auto score = text::parse_decimal("3,6");          // 3.6
//   auto pupils = text::parse_integer("56 929");      // 56929
//   auto cell = text::parse_cell("*");                // suppressed, no value
//   if (!cell) return table.field_error(record, col, cell.error().detail);
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace stemnet::text {

// Reads a decimal number: optional '-' or U+2212 MINUS SIGN; one group of
// digits, or a group of 1-3 digits followed by groups of exactly 3 digits
// each after one thousands separator (ASCII space, U+00A0 NO-BREAK SPACE or
// U+202F NARROW NO-BREAK SPACE); then optionally one decimal mark, ',' or
// '.', followed by at least one digit. Surrounding ASCII whitespace is
// ignored. "1,234" and "1.234" both mean 1.234: the comma is a decimal mark,
// never a thousands separator. No exponent, no '+', no leading mark (",5").
// On failure returns Error::invalid("", "not a number: '<text>'"), or
// Error::invalid("", "number out of range: '<text>'") if it overflows a double.
[[nodiscard]] Result<double> parse_decimal(std::string_view text);

// Reads an integer written as for parse_decimal but without a decimal mark.
// On failure returns Error::invalid("", "not a number: '<text>'"), or
// Error::invalid("", "number out of range: '<text>'") outside long long.
[[nodiscard]] Result<long long> parse_integer(std::string_view text);

enum class CellStatus {
  value,           // a published number
  missing,         // no data: empty, "..", or a lone "-"
  suppressed,      // withheld for privacy: "*" (Udir), ":" (SSB, Eurostat)
  not_applicable,  // logically impossible: "."
};

struct Cell {
  std::optional<double> value;  // set exactly when status == CellStatus::value
  CellStatus status = CellStatus::missing;
  std::string marker;  // the symbol as written ("*", "..", ""), empty for values
};

// Reads one statistics cell (surrounding ASCII whitespace ignored):
//   ""  ".."  "-"  → missing  ("-" is how several publishers write "nil / no
//                              data"; we do not read it as zero)
//   "*"  ":"       → suppressed (never carries a value)
//   "."            → not_applicable
//   anything else  → a value via parse_decimal.
// On failure returns parse_decimal's error.
[[nodiscard]] Result<Cell> parse_cell(std::string_view text);

// The JSON-stat style status symbol for `status`: ".." missing, ":" suppressed,
// "." not applicable, "" for a value.
std::string_view status_symbol(CellStatus status);

}  // namespace stemnet::text
