// monitor/jsonstat/detail.hpp — small helpers shared by the reader, the
// validator and the writer of this module; not part of its public API.
//
// Example:
//   std::string p = detail::member("$", "dimension");    // "$.dimension"
//   p = detail::member(p, "sex and age");                 // "$.dimension['sex and age']"
//   auto n = detail::cell_count(sizes);                   // nullopt on overflow
#pragma once

#include <boost/json/value.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace stemnet::monitor::jsonstat::detail {

// The JSON path of member `key` of the value at `parent`: `.key` when the key
// is an identifier, `['key']` otherwise (with ' and \ escaped).
std::string member(std::string_view parent, std::string_view key);
// The JSON path of element `index` of the array at `parent`.
std::string element(std::string_view parent, std::size_t index);

// The product of `sizes`, or nullopt when it overflows 64 bits.
std::optional<std::uint64_t> cell_count(std::span<const std::uint64_t> sizes);

// A sparse `value`/`status` key as a cell index: "0" or digits without a
// leading zero, below 2^64. Nullopt for anything else ("-1", "1.5", "01", "x").
std::optional<std::uint64_t> cell_key(std::string_view key);

// A whole number ≥ 0 as JSON writes it (3, or 3.0), else nullopt.
std::optional<std::uint64_t> whole(const boost::json::value& v);

// True for the member names JSON-stat 2.0 gives a meaning at the root of a
// response (so a root member with another name may be a 1.x bundle dataset).
bool reserved_root_member(std::string_view key);

// `s` quoted as a JSON string.
void append_string(std::string& out, std::string_view s);

}  // namespace stemnet::monitor::jsonstat::detail
