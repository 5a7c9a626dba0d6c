// booking/impact.cpp — what completed bookings add up to: a provider's or a
// school's impact by year, and the schools engaged per area (the monitor's
// schools_engaged). Read-only; split from service.cpp, whose rules change
// requests.
#include "booking/service.hpp"

#include "booking/errors.hpp"

#include "core/time.hpp"

#include <iostream>
#include <map>
#include <set>
#include <tuple>

namespace stemnet::booking {

namespace {

struct Acc {
  ImpactYear y;
  std::set<std::string> schools, municipalities;
  long pupils = 0, girls = 0, boys = 0, score_sum = 0;
  bool any_pupils = false, any_girls = false, any_boys = false;

  void add(const db::Row& r) {
    ++y.bookings;
    schools.insert(r.text(2));
    municipalities.insert(r.text(3));
    y.hours += static_cast<double>(r.integer(4)) / 60.0;
    if (!r.is_null(5)) {
      pupils += r.integer(5);
      any_pupils = true;
    }
    if (!r.is_null(6)) {
      girls += r.integer(6);
      any_girls = true;
    }
    if (!r.is_null(7)) {
      boys += r.integer(7);
      any_boys = true;
    }
    if (!r.is_null(8)) {
      score_sum += r.integer(8);
      ++y.feedbacks;
    }
  }

  ImpactYear done() {
    // Small counts could point at one class or one school: withheld under kMinPupils.
    auto counted = [](long n) { return n >= kMinPupils ? std::optional<long>(n) : std::nullopt; };
    y.schools = counted(static_cast<long>(schools.size()));
    y.municipalities = counted(static_cast<long>(municipalities.size()));
    if (any_pupils) y.pupils = counted(pupils);
    // Girls and boys are shown together or not at all: one withheld count
    // could otherwise be worked out from the other and the total.
    if (any_girls && any_boys && girls >= kMinPupils && boys >= kMinPupils) {
      y.girls = girls;
      y.boys = boys;
    }
    if (y.feedbacks > 0)
      y.average_feedback = static_cast<double>(score_sum) / static_cast<double>(y.feedbacks);
    return y;
  }
};

}  // namespace

Result<Impact> Service::impact(const std::string& organisation_id) {
  const bool school = organisation_id.starts_with("school:");
  const std::string key = school ? organisation_id.substr(7) : organisation_id;
  STEMNET_TRY(auto conn, pool_.acquire());
  // Public figures: a provider's only once it is approved, like its profile.
  STEMNET_TRY(
      auto exists,
      school
          ? conn->query("SELECT 1 FROM school WHERE orgnr = $1", {key})
          : conn->query("SELECT 1 FROM organisation WHERE id = $1 AND status = 'approved'", {key}));
  if (exists.empty()) return errors::organisation_not_found(organisation_id);
  // Completed bookings with their year, school, municipality, hours and the
  // school's reach; feedback scores given by the other side.
  STEMNET_TRY(
      auto rows,
      conn->query(
          std::string(
              "SELECT r.id, COALESCE(sl.starts_at, r.proposed_time), r.school_orgnr,"
              " s.municipality_number, o.duration_minutes, fs.pupils_reached, fs.girls,"
              " fs.boys, fo.score"
              " FROM booking_request r JOIN offer o ON o.id = r.offer_id"
              " JOIN school s ON s.orgnr = r.school_orgnr"
              " LEFT JOIN offer_slot sl ON sl.id = r.slot_id"
              " LEFT JOIN booking_feedback fs ON fs.request_id = r.id AND fs.side = 'school'"
              " LEFT JOIN booking_feedback fo ON fo.request_id = r.id AND fo.side = $2"
              " WHERE r.state = 'completed' AND ") +
              (school ? "r.school_orgnr = $1" : "r.provider_id = $1") + " ORDER BY 2",
          {key, school ? "provider" : "school"}));
  std::map<int, Acc> years;
  Acc all;
  for (const auto& r : rows) {
    const auto when = parse_minute(r.text(1));
    if (!when) {
      std::cerr << stored_time_warning("request", r.text(0), r.text(1));
      continue;
    }
    Acc& a = years[when->date.year];
    a.y.year = when->date.year;
    a.add(r);
    all.add(r);
  }
  Impact out;
  for (auto& [year, a] : years) out.years.push_back(a.done());
  out.all = all.done();
  return out;
}

Result<std::vector<Engagement>> Service::engagement() {
  STEMNET_TRY(auto conn, pool_.acquire());
  // Years with completed bookings, the schools engaged in each, and the pupils reached.
  STEMNET_TRY(
      auto done,
      conn->query("SELECT COALESCE(sl.starts_at, r.proposed_time), r.school_orgnr, r.id,"
                  " COALESCE(fs.pupils_reached, fp.pupils_reached, 0),"
                  " CASE WHEN o.format = 'role_model_talk' THEN 1 ELSE 0 END"
                  " FROM booking_request r LEFT JOIN offer_slot sl ON sl.id = r.slot_id"
                  " JOIN offer o ON o.id = r.offer_id"
                  " LEFT JOIN booking_feedback fs ON fs.request_id = r.id AND"
                  " fs.side = 'school' LEFT JOIN booking_feedback fp ON fp.request_id ="
                  " r.id AND fp.side = 'provider' WHERE r.state = 'completed' ORDER BY 1, 2"));
  STEMNET_TRY(auto schools,
              conn->query("SELECT orgnr, municipality_number, county_number FROM school"));
  std::map<std::string, std::pair<std::string, std::string>>
      where;                                                   // orgnr -> (municipality, county)
  std::map<std::pair<std::string, std::string>, long> totals;  // (level, code) -> schools
  for (const auto& s : schools) {
    const std::string county = s.opt_text(2).value_or("");
    where[s.text(0)] = {s.text(1), county};
    ++totals[{"country", "NO"}];
    ++totals[{"municipality", s.text(1)}];
    if (!county.empty()) ++totals[{"county", county}];
  }
  using Key = std::tuple<int, std::string, std::string>;  // (year, level, code)
  std::map<Key, Engagement> sums;
  std::set<int> years;
  std::set<std::pair<int, std::string>> counted;  // (year, school): a school counts once a year
  for (const auto& r : done) {
    const auto when = parse_minute(r.text(0));
    if (!when) {
      std::cerr << stored_time_warning("request", r.text(2), r.text(0));
      continue;
    }
    const int year = when->date.year;
    years.insert(year);
    auto w = where.find(r.text(1));
    if (w == where.end()) continue;
    const bool first_this_year = counted.insert({year, r.text(1)}).second;
    const long reached = r.integer(3);
    const bool role_model = r.integer(4) != 0;
    for (const auto& [level, code] : {std::pair<std::string, std::string>{"country", "NO"},
                                      {"municipality", w->second.first},
                                      {"county", w->second.second}}) {
      if (code.empty()) continue;
      auto& e = sums[{year, level, code}];
      e.engaged += first_this_year ? 1 : 0;
      e.pupils_reached += reached;
      e.pupils_met_role_model += role_model ? reached : 0;
    }
  }
  // Every area of every year with bookings: an area with none engaged is a 0, not a gap.
  std::vector<Engagement> out;
  for (int year : years) {
    for (const auto& [area, total] : totals) {
      Engagement e;
      if (auto it = sums.find({year, area.first, area.second}); it != sums.end()) e = it->second;
      e.level = area.first;
      e.code = area.second;
      e.year = year;
      e.schools = total;
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace stemnet::booking
