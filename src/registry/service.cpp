#include "registry/service.hpp"

#include "core/clock.hpp"
#include "core/time.hpp"
#include "geo/area_code.hpp"
#include "registry/errors.hpp"
#include "text/normalize.hpp"

#include <set>

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

Result<AreaAsOf> Service::as_of(const std::string& level, const std::string& code, std::string on) {
  const bool county = level == "county";
  if (auto meaning = pseudo_area(code)) return errors::pseudo_area(code, *meaning);
  if (county ? !geo::is_county_number(code) : !geo::is_municipality_number(code)) {
    return county ? errors::county_number_invalid(code) : errors::municipality_number_invalid(code);
  }
  const std::string today = local_minute_now().substr(0, 10);
  if (on.empty()) on = today;
  STEMNET_TRY(Date day, read_date("on", on));
  if (day.year < kHistoryStart) return errors::before_history(on, kHistoryStart);
  STEMNET_TRY(auto versions, store_.versions(level, code));
  if (versions.empty()) {
    return county ? errors::county_not_found(code) : errors::municipality_not_found(code);
  }
  auto valid = [](const AreaVersion& v, const std::string& d) {
    return (!v.valid_from || *v.valid_from <= d) && (!v.valid_to || d <= *v.valid_to);
  };
  const AreaVersion* then = nullptr;
  for (const auto& v : versions) {
    if (valid(v, on)) then = &v;
  }
  if (!then) {
    return errors::not_valid_on(level, code, on, versions.front().valid_from,
                                versions.back().valid_to);
  }
  AreaAsOf out{level, code, then->name, on, then->valid_from, then->valid_to, {}, {}, {}};
  if (!county) {
    STEMNET_TRY(auto counties, store_.versions("county", code.substr(0, 2)));
    for (const auto& c : counties) {
      if (valid(c, on)) out.county = {c.code, c.name};
    }
  }
  if (then->valid_to) {
    const std::string next = format(add_days(*parse_date(*then->valid_to), 1));
    STEMNET_TRY(auto changes, store_.changes_from(level, code, on));
    for (auto& c : changes) {
      if (c.changed_on == next) out.became.push_back(std::move(c));
    }
  }
  // Today's areas: a county's by FHI's population weights; a
  // municipality's by following the changes forward from each code that ended.
  if (county) {
    STEMNET_TRY(auto weights, store_.county_weights(day.year, code));
    for (const auto& w : weights) {
      STEMNET_TRY(auto names, store_.versions("county", w.current_code));
      std::string name;
      for (const auto& v : names) {
        if (valid(v, today)) name = v.name;
      }
      out.today.push_back({w.current_code, name, w.weight});
    }
    return out;
  }
  STEMNET_TRY(auto succession, successors(level, code, on));
  for (const auto& number : succession.today) {
    STEMNET_TRY(auto vs, store_.versions(level, number));
    for (const auto& v : vs) {
      if (valid(v, today)) out.today.push_back({number, v.name, std::nullopt});
    }
  }
  return out;
}

Result<Succession> Service::successors(const std::string& level, const std::string& code,
                                       const std::string& until) {
  Succession out;
  std::set<std::string> today;
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<std::pair<std::string, std::string>> todo{{code, until}};  // code, after
  while (!todo.empty()) {
    auto [c, after] = todo.back();
    todo.pop_back();
    if (!seen.insert({c, after}).second) continue;
    STEMNET_TRY(auto changes, store_.changes_from(level, c, after));
    if (changes.empty()) {
      today.insert(c);
      continue;
    }
    // The first day it changed: where it went then (itself too, when it persisted).
    const std::string day = changes.front().changed_on;
    out.dates.insert(day);
    for (const auto& ch : changes) {
      if (ch.changed_on == day) todo.push_back({ch.new_code, day});
    }
  }
  out.today.assign(today.begin(), today.end());
  return out;
}

Result<std::set<std::string>> Service::predecessors(const std::string& level,
                                                    const std::string& code,
                                                    const std::string& until) {
  std::set<std::string> out;
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<std::pair<std::string, std::string>> todo{{code, ""}};  // code, before
  while (!todo.empty()) {
    auto [c, before] = todo.back();
    todo.pop_back();
    if (!seen.insert({c, before}).second) continue;
    STEMNET_TRY(auto changes, store_.changes_into(level, c, until, before));
    if (changes.empty()) {
      out.insert(c);
      continue;
    }
    // The latest day it was made: what it was made of then.
    const std::string day = changes.front().changed_on;
    for (const auto& ch : changes) {
      if (ch.changed_on == day) todo.push_back({ch.old_code, day});
    }
  }
  return out;
}

}  // namespace stemnet::registry
