#include "matching/gaps.hpp"

#include "geo/point.hpp"
#include "matching/errors.hpp"

#include <map>
#include <set>

namespace stemnet::matching {

Result<std::vector<Gap>> gaps(db::Pool& pool, const std::string& level, int year,
                              const PupilCounts& pupils) {
  if (level != "municipality" && level != "county") return errors::level_invalid(level);
  if (year < 2000 || year > 2100) return errors::period_invalid();
  STEMNET_TRY(auto conn, pool.acquire());
  auto& c = *conn;
  STEMNET_TRY(auto ms, c.query("SELECT m.number, m.name, m.label_lon, m.label_lat,"
                               " m.county_number FROM municipality m WHERE m.kind ="
                               " 'municipality' ORDER BY m.number"));
  struct Muni {
    Gap g;
    geo::Point at;
    std::string county;
    long physical_in_reach = 0;
  };
  std::map<std::string, Muni> munis;
  for (const auto& m : ms) {
    Muni x;
    x.g.level = "municipality";
    x.g.code = m.text(0);
    x.g.name = m.text(1);
    x.at = {m.real(2), m.real(3)};
    x.county = m.opt_text(4).value_or("");
    munis.emplace(m.text(0), std::move(x));
  }
  const std::string y = std::to_string(year);
  auto per_municipality = [&](const std::string& sql, auto&& put,
                              db::Params params = {}) -> Result<void> {
    STEMNET_TRY(auto rows, c.query(sql, params));
    for (const auto& r : rows) {
      auto it = munis.find(r.text(0));
      if (it != munis.end()) put(it->second.g, r);
    }
    return ok();
  };
  STEMNET_TRY_VOID(per_municipality("SELECT municipality_number, COUNT(*) FROM school GROUP BY 1",
                                    [](Gap& g, const db::Row& r) { g.schools = r.integer(1); }));
  STEMNET_TRY_VOID(per_municipality(
      "SELECT s.municipality_number, COUNT(*), COUNT(DISTINCT r.school_orgnr),"
      " SUM(COALESCE(fs.pupils_reached, fp.pupils_reached, 0))"
      " FROM booking_request r JOIN school s ON s.orgnr = r.school_orgnr"
      " LEFT JOIN offer_slot sl ON sl.id = r.slot_id"
      " LEFT JOIN booking_feedback fs ON fs.request_id = r.id AND fs.side = 'school'"
      " LEFT JOIN booking_feedback fp ON fp.request_id = r.id AND fp.side = 'provider'"
      " WHERE r.state = 'completed'"
      " AND SUBSTR(COALESCE(sl.starts_at, r.proposed_time), 1, 4) = $1 GROUP BY 1",
      [](Gap& g, const db::Row& r) {
        g.bookings = r.integer(1);
        g.schools_engaged = r.integer(2);
        g.pupils_reached = r.integer(3);
      },
      {y}));
  STEMNET_TRY_VOID(per_municipality(
      "SELECT s.municipality_number, COUNT(*) FROM open_request o JOIN school s ON s.orgnr ="
      " o.school_orgnr WHERE o.state = 'open' AND NOT EXISTS (SELECT 1 FROM"
      " open_request_answer a WHERE a.open_request_id = o.id) GROUP BY 1",
      [](Gap& g, const db::Row& r) { g.open_requests_unanswered = r.integer(1); }));

  // Offers and whom they reach.
  STEMNET_TRY(auto offers, c.query("SELECT o.id, o.digital, o.municipality_number,"
                                   " o.travel_radius_km FROM offer o JOIN organisation g ON g.id ="
                                   " o.organisation_id WHERE o.status = 'published' AND g.status ="
                                   " 'approved'"));
  long digital = 0;
  std::map<std::string, std::set<std::string>> county_offers;  // county -> offers reaching it
  for (const auto& o : offers) {
    if (o.integer(1) != 0) {
      ++digital;
      continue;
    }
    auto home = o.opt_text(2) ? munis.find(*o.opt_text(2)) : munis.end();
    if (home == munis.end()) continue;
    const long radius_m = o.integer(3) * 1000;
    for (auto& [number, m] : munis) {
      if (number == home->first || geo::distance_m(home->second.at, m.at) <= radius_m) {
        ++m.physical_in_reach;
        county_offers[m.county].insert(o.text(0));
      }
    }
  }
  // Pupils from Udir's counts, and the figures per 1 000 of them.
  auto per_1000 = [](Gap& g, const std::map<std::string, long>& counts) {
    auto it = counts.find(g.code);
    if (it == counts.end()) return;
    g.pupils = it->second;
    if (it->second <= 0) return;
    const auto n = static_cast<double>(it->second);
    g.bookings_per_1000_pupils = 1000.0 * static_cast<double>(g.bookings) / n;
    g.pupils_reached_per_1000_pupils = 1000.0 * static_cast<double>(g.pupils_reached) / n;
  };
  std::vector<Gap> out;
  std::map<std::string, std::pair<long, long>> cold_share;  // county -> (cold, all)
  for (auto& [number, m] : munis) {
    m.g.digital_offers = digital;
    m.g.offers_in_reach = m.physical_in_reach + digital;
    per_1000(m.g, pupils.municipality);
    m.g.cold_spot =
        m.g.schools > 0 && m.g.schools_engaged * 10 < m.g.schools && m.physical_in_reach < 2;
    auto& share = cold_share[m.county];
    share.first += m.g.cold_spot ? 1 : 0;
    ++share.second;
    if (level == "municipality") out.push_back(m.g);
  }
  if (level == "county") {
    STEMNET_TRY(auto counties, c.query("SELECT number, name FROM county ORDER BY number"));
    for (const auto& row : counties) {
      Gap g;
      g.level = "county";
      g.code = row.text(0);
      g.name = row.text(1);
      for (const auto& [number, m] : munis) {
        if (m.county != g.code) continue;
        g.schools += m.g.schools;
        g.schools_engaged += m.g.schools_engaged;
        g.bookings += m.g.bookings;
        g.pupils_reached += m.g.pupils_reached;
        g.open_requests_unanswered += m.g.open_requests_unanswered;
      }
      g.digital_offers = digital;
      g.offers_in_reach = static_cast<long>(county_offers[g.code].size()) + digital;
      per_1000(g, pupils.county);
      const auto share = cold_share[g.code];
      g.cold_spot = share.second > 0 && share.first * 2 > share.second;
      out.push_back(std::move(g));
    }
  }
  return out;
}

}  // namespace stemnet::matching
