#include "monitor/area.hpp"

#include "geo/area_code.hpp"
#include "monitor/model.hpp"
#include "text/normalize.hpp"

namespace stemnet::monitor {

Result<AreaRef> normalize_area(std::string_view raw, AreaHint hint) {
  const std::string code = text::trim(raw);
  // KOSTRA writes the whole country as EAK (municipalities, "Landet") and
  // EAFK (county authorities); EAKUO ("Landet uten Oslo") and the KOSTRA
  // groups (EKG13, ...) are no area and stay unknown.
  if (code == "0" || code == "00" || code == "0000" || code == "NO" || code == "EAK" ||
      code == "EAFK" || code == "Hele landet") {
    return AreaRef{"country", kCountryCode};
  }
  if (code.starts_with("K-") && geo::is_municipality_number(std::string_view(code).substr(2))) {
    return AreaRef{"municipality", code.substr(2)};
  }
  if (code.starts_with("F-") && geo::is_county_number(std::string_view(code).substr(2))) {
    return AreaRef{"county", code.substr(2)};
  }
  if (geo::is_county_number(code)) return AreaRef{"county", code};
  if (geo::is_municipality_number(code)) {
    // County dimensions of KOSTRA tables write county 32 as "3200".
    if (hint == AreaHint::county && code.ends_with("00"))
      return AreaRef{"county", code.substr(0, 2)};
    return AreaRef{"municipality", code};
  }
  if (geo::is_organisation_number(code)) return AreaRef{"school", code};
  return Error::invalid("area",
                        "'" + code + "' is not a country, county, municipality or school code");
}

}  // namespace stemnet::monitor
