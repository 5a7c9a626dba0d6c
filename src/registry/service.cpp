#include "registry/service.hpp"

#include "geo/area_code.hpp"
#include "registry/errors.hpp"
#include "text/normalize.hpp"

namespace stemnet::registry {

Result<Page<County>> Service::counties(const PageRequest& page) { return store_.counties(page); }

Result<Page<Municipality>> Service::municipalities(const std::optional<std::string>& county,
                                                   bool include_territories,
                                                   const PageRequest& page) {
  if (county && !geo::is_county_number(*county)) return errors::county_filter_invalid(*county);
  return store_.municipalities({county, include_territories}, page);
}

Result<Municipality> Service::municipality(const std::string& number) {
  if (!geo::is_municipality_number(number)) return errors::municipality_number_invalid(number);
  return store_.municipality(number);
}

Result<Page<School>> Service::schools(const SchoolQuery& query, const PageRequest& page) {
  SchoolFilter filter;
  if (query.municipality) {
    if (!geo::is_municipality_number(*query.municipality)) {
      return errors::municipality_filter_invalid(*query.municipality);
    }
    filter.municipality = query.municipality;
  }
  if (query.county) {
    if (!geo::is_county_number(*query.county)) return errors::county_filter_invalid(*query.county);
    filter.county = query.county;
  }
  if (query.q) {
    std::string key = text::search_key(*query.q);
    if (query.q->size() > 200) return errors::search_too_long(200);
    if (!key.empty()) {
      filter.name_key = key;
      // Digits only: an organisation number being typed matches too.
      if (key.find_first_not_of("0123456789") == std::string::npos) filter.orgnr_prefix = key;
    }
  }
  return store_.schools(filter, page);
}

Result<Boundary> Service::boundary(const std::string& level) {
  if (level != "county" && level != "municipality") return errors::boundaries_unknown(level);
  return store_.boundary(level);
}

Result<School> Service::school(const std::string& orgnr) {
  if (!geo::is_organisation_number(orgnr)) return errors::orgnr_invalid(orgnr);
  return store_.school(orgnr);
}

Result<Page<Institution>> Service::institutions(const std::optional<std::string>& kind,
                                                const PageRequest& page) {
  if (kind && *kind != "science_centre" && *kind != "higher_education") {
    return errors::not_one_of("kind", *kind, "science_centre, higher_education");
  }
  return store_.institutions(kind, page);
}

}  // namespace stemnet::registry
