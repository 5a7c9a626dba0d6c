// registry/store.hpp — the registry's SQL, behind the db interface.
//
// Reads take a connection pool and answer pages in a stable order; writes
// take a Connection inside the caller's transaction (an import is one).
// Example:
//   Store store(pool);
//   auto page = store.schools({.county = "46", .name_key = "aasane"}, page_request);
//   auto oslo = store.municipality("0301");   // ErrorKind::not_found if absent
#pragma once

#include "core/page.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "registry/history.hpp"
#include "registry/model.hpp"

#include <map>
#include <optional>
#include <string>

namespace stemnet::registry {

struct MunicipalityFilter {
  std::optional<std::string> county;
  bool include_territories = false;
};

struct SchoolFilter {
  std::optional<std::string> municipality;
  std::optional<std::string> county;
  std::optional<std::string> name_key;  // substring of text::search_key(name)
  std::optional<std::string> orgnr_prefix;
};

// The days over which a code was valid, within the history since 2017:
// `from` null when older than the history, `to` null while valid.
struct CodeSpan {
  std::optional<std::string> from, to;
};

struct Counts {
  std::int64_t counties = 0, municipalities = 0, territories = 0, postcodes = 0, institutions = 0,
               schools = 0;
};

class Store {
 public:
  explicit Store(db::Pool& pool) : pool_(pool) {}

  // Sort keys: counties and municipalities by number; schools by
  // (sort_key, orgnr), Norwegian alphabetical order; institutions by (kind, id).
  Result<Page<County>> counties(const PageRequest& page);
  Result<Page<Municipality>> municipalities(const MunicipalityFilter& filter,
                                            const PageRequest& page);
  Result<Municipality> municipality(const std::string& number);  // not_found if absent
  Result<Page<School>> schools(const SchoolFilter& filter, const PageRequest& page);
  Result<School> school(const std::string& orgnr);  // not_found if absent
  Result<Page<Institution>> institutions(const std::optional<std::string>& kind,
                                         const PageRequest& page);
  Result<Counts> counts();
  Result<std::map<std::string, std::string>> area_names(const std::string& level);
  // Whether the database answers a trivial query.
  Result<void> ping();

  // Writes: each answers 1 when the row was inserted or changed, 0 when it
  // was already stored as given (so a second import reports no changes).
  static Result<std::int64_t> put(db::Connection& c, const County& v);
  static Result<std::int64_t> put(db::Connection& c, const Municipality& v);
  static Result<std::int64_t> put(db::Connection& c, const Postcode& v);
  static Result<std::int64_t> put(db::Connection& c, const Institution& v);
  static Result<std::int64_t> put(db::Connection& c, const School& v);
  static Result<std::int64_t> put(db::Connection& c, const Boundary& v);
  static Result<std::int64_t> put(db::Connection& c, const AreaVersion& v);
  static Result<std::int64_t> put(db::Connection& c, const AreaChange& v);
  static Result<std::int64_t> put(db::Connection& c, const CountyWeight& v);

  // A code's names over time, oldest first (empty when it is in no list).
  Result<std::vector<AreaVersion>> versions(const std::string& level, const std::string& code);
  // The changes from `code` after `after` (a day), in date order.
  Result<std::vector<AreaChange>> changes_from(const std::string& level, const std::string& code,
                                               const std::string& after);

  // The changes into `code` after `after` and before `before` (days; "" for
  // no bound), latest first.
  Result<std::vector<AreaChange>> changes_into(const std::string& level, const std::string& code,
                                               const std::string& after, const std::string& before);
  // FHI: where county `code`'s population of `year` lives today, by share.
  Result<std::vector<CountyWeight>> county_weights(int year, const std::string& code);

  // A level's boundaries (format and body); not_found before an import.
  Result<Boundary> boundary(const std::string& level);
  // Whether a municipality number is in the registry (for import checks).
  static Result<bool> has_municipality(db::Connection& c, const std::string& number);
  static Result<bool> has_county(db::Connection& c, const std::string& number);
  static Result<bool> has_school(db::Connection& c, const std::string& orgnr);
  // Whether a county or municipality code is one of any list since 2017
  // (the area history), or of today's registry.
  static Result<bool> has_area_code(db::Connection& c, const std::string& level,
                                    const std::string& code);
  // Every code of a level in the history, with its span.
  static Result<std::map<std::string, CodeSpan>> code_spans(db::Connection& c,
                                                            const std::string& level);

 private:
  db::Pool& pool_;
};

}  // namespace stemnet::registry
