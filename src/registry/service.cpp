#include "registry/service.hpp"

#include "geo/area_code.hpp"
#include "text/normalize.hpp"

namespace stemnet::registry {

Result<Page<County>> Service::counties(const PageRequest& page) { return store_.counties(page); }

Result<Page<Municipality>> Service::municipalities(const std::optional<std::string>& county,
                                                   bool include_territories,
                                                   const PageRequest& page) {
  if (county && !geo::is_county_number(*county)) {
    return Error::invalid(
        "county", "county must be a 2-digit county number such as 03, got '" + *county + "'");
  }
  return store_.municipalities({county, include_territories}, page);
}

Result<Municipality> Service::municipality(const std::string& number) {
  if (!geo::is_municipality_number(number)) {
    return Error::invalid("number",
                          "a municipality number has 4 digits, such as 0301; got '" + number + "'");
  }
  return store_.municipality(number);
}

Result<Page<School>> Service::schools(const SchoolQuery& query, const PageRequest& page) {
  SchoolFilter filter;
  if (query.municipality) {
    if (!geo::is_municipality_number(*query.municipality)) {
      return Error::invalid(
          "municipality",
          "municipality must be a 4-digit number such as 0301, got '" + *query.municipality + "'");
    }
    filter.municipality = query.municipality;
  }
  if (query.county) {
    if (!geo::is_county_number(*query.county)) {
      return Error::invalid("county", "county must be a 2-digit county number such as 03, got '" +
                                          *query.county + "'");
    }
    filter.county = query.county;
  }
  if (query.q) {
    std::string key = text::search_key(*query.q);
    if (query.q->size() > 200)
      return Error::invalid("q", "q is longer than 200 bytes; search for part of the name");
    if (!key.empty()) {
      filter.name_key = key;
      // Digits only: an organisation number being typed matches too.
      if (key.find_first_not_of("0123456789") == std::string::npos) filter.orgnr_prefix = key;
    }
  }
  return store_.schools(filter, page);
}

Result<Boundary> Service::boundary(const std::string& level) {
  if (level != "county" && level != "municipality") {
    return Error::invalid("level",
                          "boundaries are 'county' or 'municipality'; got '" + level + "'");
  }
  return store_.boundary(level);
}

Result<School> Service::school(const std::string& orgnr) {
  if (!geo::is_organisation_number(orgnr)) {
    return Error::invalid(
        "orgnr",
        "an organisation number has 9 digits and a mod-11 check digit; got '" + orgnr + "'");
  }
  return store_.school(orgnr);
}

Result<Page<Institution>> Service::institutions(const std::optional<std::string>& kind,
                                                const PageRequest& page) {
  if (kind && *kind != "science_centre" && *kind != "higher_education") {
    return Error::invalid("kind",
                          "kind must be science_centre or higher_education, got '" + *kind + "'");
  }
  return store_.institutions(kind, page);
}

}  // namespace stemnet::registry
