// monitor/area.hpp — area codes as publishers write them, normalised to the
// registry's: country "NO", county "03", municipality "0301", school orgnr.
//
// SSB writes municipalities as "K-0301" or "0301", counties as "F-03", "03"
// or, in county dimensions of KOSTRA tables, "3200"; the whole country as
// "0", "EAFK" or "Hele landet". Pseudo-areas such as "K-21-22", "K-23" or
// "K-Rest" are not areas: they are reported, never silently mapped.
// Example:
//   normalize_area("K-0301")  -> {municipality, "0301"}
//   normalize_area("F-03")    -> {county, "03"}
//   normalize_area("3200", AreaHint::county) -> {county, "32"}
#pragma once

#include "core/result.hpp"

#include <string>
#include <string_view>

namespace stemnet::monitor {

struct AreaRef {
  std::string level;  // country | county | municipality | school
  std::string code;
  bool operator==(const AreaRef&) const = default;
};

enum class AreaHint { any, county };

// Fails with Error::invalid("area", ...) for a code that names no single area.
[[nodiscard]] Result<AreaRef> normalize_area(std::string_view code, AreaHint hint = AreaHint::any);

}  // namespace stemnet::monitor
