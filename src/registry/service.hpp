// registry/service.hpp — the rules of reading the registry: which filters
// are valid, and how a name search is folded.
//
// Example:
//   Service svc(store);
//   auto page = svc.schools({.county = "46", .q = "Åsane"}, page_request);
//   // ErrorKind::invalid_input naming "county" if it is not two digits
#pragma once

#include "core/page.hpp"
#include "core/result.hpp"
#include "registry/model.hpp"
#include "registry/store.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace stemnet::registry {

struct SchoolQuery {
  std::optional<std::string> municipality;
  std::optional<std::string> county;
  std::optional<std::string> q;  // case- and diacritic-insensitive, æøå-aware name search
};

// One of today's areas an old one is part of; `share` of a county's
// population (FHI's weight) where the county was split.
struct AreaToday {
  std::string number, name;
  std::optional<double> share;
};

// An area as it was on a day: its name then, its period, its county then (a
// municipality's), what it became when it ended, and today's areas it is
// part of now (itself while it is valid).
struct AreaAsOf {
  std::string level, code, name, on;
  std::optional<std::string> valid_from, valid_to;
  std::optional<std::pair<std::string, std::string>> county;  // number, name
  std::vector<AreaChange> became;                             // the changes that ended it
  std::vector<AreaToday> today;
};

// Where an area of an older code version is today: `today` its codes now
// (several when it was split), `dates` the days of the changes on the way.
struct Succession {
  std::vector<std::string> today;
  std::set<std::string> dates;
};

class Service {
 public:
  explicit Service(Store& store) : store_(store) {}

  Result<Page<County>> counties(const PageRequest& page);
  // `county`: two digits. `include_territories`: also Svalbard and Jan Mayen.
  Result<Page<Municipality>> municipalities(const std::optional<std::string>& county,
                                            bool include_territories, const PageRequest& page);
  Result<Municipality> municipality(const std::string& number);
  Result<Page<School>> schools(const SchoolQuery& query, const PageRequest& page);
  Result<School> school(const std::string& orgnr);
  // `kind`: "science_centre" or "higher_education".
  Result<Page<Institution>> institutions(const std::optional<std::string>& kind,
                                         const PageRequest& page);
  // `level` county or municipality, `on` a day since kHistoryStart (today
  // when empty): 404 when the code was no area that day, saying why.
  Result<AreaAsOf> as_of(const std::string& level, const std::string& code, std::string on);
  // The code `code` of a version valid until `until` (a day): where it is
  // today. Without changes after `until` it is itself.
  Result<Succession> successors(const std::string& level, const std::string& code,
                                const std::string& until);
  // Today's `code`: the codes of the version valid until `until` that
  // became it, wholly or in part (itself among them when it persisted).
  Result<std::set<std::string>> predecessors(const std::string& level, const std::string& code,
                                             const std::string& until);
  // FHI's shares of county `code`'s population of `year` in today's counties.
  Result<std::vector<CountyWeight>> county_weights(int year, const std::string& code) {
    return store_.county_weights(year, code);
  }
  Result<void> ready() { return store_.ping(); }
  // "county" or "municipality": the boundaries as published.
  Result<Boundary> boundary(const std::string& level);
  // Names of every area of a level (county, municipality incl. territories,
  // school), by code; "country" gives {"NO": "Norge"}.
  Result<std::map<std::string, std::string>> area_names(const std::string& level) {
    return store_.area_names(level);
  }

  // Key parts of each list's sort order, for PageRequest::parse.
  static constexpr std::size_t kCountyKey = 1, kMunicipalityKey = 1, kSchoolKey = 2,
                               kInstitutionKey = 2;

 private:
  Store& store_;
};

}  // namespace stemnet::registry
