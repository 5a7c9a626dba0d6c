#include "matching/rounds.hpp"

#include "accounts/audit.hpp"
#include "booking/open_request.hpp"
#include "booking/weeks.hpp"
#include "core/clock.hpp"
#include "core/encoding.hpp"
#include "core/strings.hpp"
#include "core/time.hpp"
#include "geo/area_code.hpp"
#include "matching/errors.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <ctime>
#include <iostream>
#include <map>
#include <set>

namespace stemnet::matching {
namespace json = boost::json;
namespace {

// "2027-01-19T09:00" as "2027-01-19 09:00", for people.
std::string when(std::string t) {
  if (t.size() > 10 && t[10] == 'T') t[10] = ' ';
  return t;
}

// The columns every item starts with: the open request and its school.
RoundItem item_of(const db::Row& r) {
  RoundItem i;
  i.open_request_id = r.text(0);
  i.school_orgnr = r.text(1);
  i.school_name = r.text(2);
  i.municipality_number = r.text(3);
  i.municipality_name = r.text(4);
  i.grade = static_cast<int>(r.integer(5));
  i.pupils = static_cast<int>(r.integer(6));
  i.equity = static_cast<int>(r.integer(7));
  return i;
}

json::object totals_json(const Totals& t) {
  return {{"requests", t.requests},
          {"served", t.served},
          {"low_engagement", t.low_engagement},
          {"served_low_engagement", t.served_low_engagement},
          {"equity", t.equity},
          {"fit", t.fit},
          {"travel_m", t.travel_m}};
}

}  // namespace

Result<Rounds::Loaded> Rounds::load(db::Connection& c, const RoundInput& in) {
  Loaded out;
  Instance& inst = out.instance;
  // Places: every municipality's label point (territories too).
  STEMNET_TRY(auto ms, c.query("SELECT number, label_lon, label_lat, county_number FROM"
                               " municipality ORDER BY number"));
  std::map<std::string, int> place;
  std::map<std::string, std::string> county_of;
  for (const auto& m : ms) {
    place[m.text(0)] = static_cast<int>(inst.places.size());
    inst.places.push_back({m.real(1), m.real(2)});
    county_of[m.text(0)] = m.opt_text(3).value_or("");
  }
  const std::string first_week = iso_week(in.from), last_week = iso_week(in.to);

  // Equity: completed bookings per school in the last 12 months, and the
  // distance to the nearest science centre, per municipality.
  const std::string year_ago = format_local(std::time(nullptr) - 365L * 86400, "%Y-%m-%dT%H:%M");
  STEMNET_TRY(auto done, c.query("SELECT s.municipality_number, COUNT(*) FROM booking_request r"
                                 " JOIN school s ON s.orgnr = r.school_orgnr"
                                 " LEFT JOIN offer_slot sl ON sl.id = r.slot_id"
                                 " WHERE r.state = 'completed'"
                                 " AND COALESCE(sl.starts_at, r.proposed_time) >= $1"
                                 " GROUP BY s.municipality_number",
                                 {year_ago}));
  std::map<std::string, double> bookings;
  for (const auto& d : done) bookings[d.text(0)] = static_cast<double>(d.integer(1));
  STEMNET_TRY(auto per, c.query("SELECT municipality_number, COUNT(*) FROM school GROUP BY 1"));
  std::map<std::string, double> schools;
  for (const auto& p : per) schools[p.text(0)] = static_cast<double>(p.integer(1));
  STEMNET_TRY(auto centres,
              c.query("SELECT DISTINCT s.municipality_number FROM institution_site s JOIN"
                      " institution i ON i.id = s.institution_id WHERE i.kind = 'science_centre'"));
  std::vector<int> centre_places;
  for (const auto& r : centres) {
    if (auto it = place.find(r.text(0)); it != place.end()) centre_places.push_back(it->second);
  }
  auto centre_km = [&](int p) {
    long best = 2'000'000;
    for (int cp : centre_places)
      best = std::min(best, geo::distance_m(inst.places[p], inst.places[cp]));
    return static_cast<double>(best) / 1000.0;
  };

  // The open requests of the region's schools.
  std::string sql =
      "SELECT o.id, s.municipality_number, o.grade, o.subjects, o.formats, o.weeks, o.digital_ok"
      " FROM open_request o JOIN school s ON s.orgnr = o.school_orgnr WHERE o.state = 'open'";
  db::Params params;
  if (in.region != "NO") {
    sql += " AND s.county_number = $1";
    params.push_back(in.region);
  }
  sql += " ORDER BY o.created_at, o.id";  // first come first: the baseline's order
  STEMNET_TRY(auto rows, c.query(sql, params));
  std::set<std::string> municipalities;
  for (const auto& r : rows) {
    std::vector<std::string> weeks;
    for (auto& w : split_list(r.text(5))) {
      if (w >= first_week && w <= last_week) weeks.push_back(w);
    }
    if (weeks.empty()) continue;  // wants nothing in this period
    Request q;
    q.id = r.text(0);
    q.place = place.at(r.text(1));
    q.grade = static_cast<int>(r.integer(2));
    q.subjects = split_list(r.text(3));
    q.formats = split_list(r.text(4));
    q.weeks = std::move(weeks);
    q.digital_ok = r.integer(6) != 0;
    inst.requests.push_back(std::move(q));
    out.request_ids.push_back(r.text(0));
    municipalities.insert(r.text(1));
  }
  // Rank the requests' municipalities from least to most engaged.
  struct Area {
    std::string number;
    double rate, km;
  };
  std::vector<Area> areas;
  for (const auto& m : municipalities) {
    const double n = std::max(1.0, schools[m]);
    areas.push_back({m, bookings[m] / n, centre_km(place.at(m))});
  }
  std::sort(areas.begin(), areas.end(), [](const Area& a, const Area& b) {
    if (a.rate != b.rate) return a.rate < b.rate;
    if (a.km != b.km) return a.km > b.km;
    return a.number < b.number;
  });
  std::map<int, std::pair<int, bool>> weight;  // place -> (equity, least-engaged quartile)
  for (std::size_t i = 0; i < areas.size(); ++i) {
    const double p = areas.size() > 1 ? static_cast<double>(i) / (areas.size() - 1) : 0.0;
    const int equity = static_cast<int>(
        std::lround(60.0 * (1.0 - p) + 40.0 * std::min(areas[i].km, 200.0) / 200.0));
    weight[place.at(areas[i].number)] = {equity, i < (areas.size() + 3) / 4};
  }
  for (auto& q : inst.requests) {
    q.equity = weight[q.place].first;
    q.low_engagement = weight[q.place].second;
  }

  // The slots with room in the period.
  STEMNET_TRY(auto slots,
              c.query("SELECT sl.id, o.id, o.municipality_number, o.digital, o.travel_radius_km,"
                      " o.format, o.subjects, o.grade_min, o.grade_max, sl.starts_at,"
                      " sl.capacity - sl.booked FROM offer_slot sl JOIN offer o ON o.id ="
                      " sl.offer_id JOIN organisation g ON g.id = o.organisation_id"
                      " WHERE o.status = 'published' AND g.status = 'approved'"
                      " AND sl.booked < sl.capacity AND sl.starts_at >= $1 AND sl.starts_at < $2"
                      " ORDER BY sl.starts_at, sl.id",
                      {in.from, in.to + "T99"}));
  for (const auto& r : slots) {
    Slot s;
    s.id = r.text(0);
    s.offer_id = r.text(1);
    s.digital = r.integer(3) != 0;
    if (!s.digital) {
      auto p = r.opt_text(2) ? place.find(*r.opt_text(2)) : place.end();
      if (p == place.end()) continue;  // a physical offer with no place reaches no one
      s.place = p->second;
    }
    s.radius_km = static_cast<int>(r.integer(4));
    s.format = r.text(5);
    s.subjects = split_list(r.text(6));
    s.grade_min = static_cast<int>(r.integer(7));
    s.grade_max = static_cast<int>(r.integer(8));
    const auto starts = parse_minute(r.text(9));
    if (!starts) {  // a stored start that is not a real time: reported, left out
      std::cerr << stored_time_warning("slot", r.text(0), r.text(9));
      continue;
    }
    s.week = iso_week(starts->date);
    s.capacity = static_cast<int>(r.integer(10));
    inst.slots.push_back(std::move(s));
    out.slot_ids.push_back(r.text(0));
  }
  return out;
}

Result<void> Rounds::may_run(const accounts::Actor& actor, const std::string& region) const {
  if (region == "NO" ? actor.is_admin() : actor.coordinates(region)) return ok();
  return errors::coordinators_only(region);
}

Result<Round> Rounds::create(const accounts::Actor& actor, const RoundInput& in) {
  if (in.region != "NO" && !geo::is_county_number(in.region))
    return errors::region_invalid(in.region);
  STEMNET_TRY_VOID(read_date("from", in.from));
  STEMNET_TRY_VOID(read_date("to", in.to));
  if (in.to < in.from) return errors::period_reversed();
  if (in.to < format_local(std::time(nullptr), "%Y-%m-%d")) return errors::period_ended();
  const std::string id = random_token().substr(0, 16);
  STEMNET_TRY(auto conn, pool_.acquire());
  if (in.region != "NO") {
    STEMNET_TRY(auto county, conn->query("SELECT 1 FROM county WHERE number = $1", {in.region}));
    if (county.empty()) return errors::county_not_found(in.region);
  }
  STEMNET_TRY_VOID(may_run(actor, in.region));
  auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY_VOID(c.execute(
        "INSERT INTO matching_round (id, region, period_from, period_to, state, created_by,"
        " created_at) VALUES ($1, $2, $3, $4, 'open', $5, $6)",
        {id, in.region, in.from, in.to, actor.person.id, utc_now_iso()}));
    return accounts::audit(c, actor, "round.create", id, in.region + " " + in.from + ".." + in.to);
  });
  if (!done) return std::move(done).error();
  return read(*conn, id);
}

Result<Round> Rounds::solve(const accounts::Actor& actor, const std::string& id) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(Round round, read(*conn, id));
  if (!may_run(actor, round.region)) return errors::round_not_found(id);
  if (round.state == "accepted") return errors::round_accepted();
  STEMNET_TRY(Loaded loaded, load(*conn, {round.region, round.from, round.to}));
  Solution best, fcfs;
  try {
    best = matching::solve(loaded.instance, options_);
    fcfs = first_come_first_served(loaded.instance, options_);
  } catch (const std::exception& e) {
    return Error::internal(std::string("the solver failed: ") + e.what());
  }
  auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    // The round may have been accepted while the solver ran: the guarded
    // update below checks the state and writes it in this one transaction,
    // so an accepted round is never turned back into a proposal.
    STEMNET_TRY(std::int64_t still_open,
                c.execute("UPDATE matching_round SET state = 'proposed', solved_at = $2"
                          " WHERE id = $1 AND state <> 'accepted'",
                          {id, utc_now_iso()}));
    if (still_open == 0) return errors::round_accepted();
    STEMNET_TRY_VOID(c.execute("DELETE FROM round_assignment WHERE round_id = $1", {id}));
    STEMNET_TRY_VOID(c.execute("DELETE FROM round_unserved WHERE round_id = $1", {id}));
    for (const auto& a : best.assignments) {
      STEMNET_TRY_VOID(c.execute(
          "INSERT INTO round_assignment (round_id, open_request_id, slot_id, distance_m,"
          " fit_subject, fit_week, fit_grade, equity) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
          {id, loaded.request_ids[a.request], loaded.slot_ids[a.slot], a.distance_m, a.fit.subject,
           a.fit.week, a.fit.grade, a.equity}));
    }
    for (const auto& [r, why] : best.unserved) {
      STEMNET_TRY_VOID(
          c.execute("INSERT INTO round_unserved (round_id, open_request_id, reason,"
                    " equity) VALUES ($1, $2, $3, $4)",
                    {id, loaded.request_ids[r], name(why), loaded.instance.requests[r].equity}));
    }
    json::object summary{{"optimal", totals_json(best.totals)},
                         {"first_come_first_served", totals_json(fcfs.totals)},
                         {"slots", static_cast<std::int64_t>(loaded.instance.slots.size())},
                         {"arcs", static_cast<std::int64_t>(best.arcs)},
                         {"max_candidates", options_.max_candidates},
                         {"travel_unit_m", best.travel_unit_m},
                         {"solve_seconds", best.seconds}};
    STEMNET_TRY_VOID(c.execute("UPDATE matching_round SET summary = $2 WHERE id = $1",
                               {id, json::serialize(summary)}));
    return accounts::audit(c, actor, "round.solve", id,
                           std::to_string(best.totals.served) + " of " +
                               std::to_string(best.totals.requests) + " served");
  });
  if (!done) return std::move(done).error();
  return read(*conn, id);
}

Result<Round> Rounds::read(db::Connection& c, const std::string& id, bool with_items) {
  STEMNET_TRY(auto rows, c.query("SELECT id, region, period_from, period_to, state, created_by,"
                                 " created_at, solved_at, accepted_at, summary FROM matching_round"
                                 " WHERE id = $1",
                                 {id}));
  if (rows.empty()) return errors::round_not_found(id);
  const auto& r = rows[0];
  Round out{r.text(0), r.text(1),     r.text(2),     r.text(3), r.text(4), r.text(5),
            r.text(6), r.opt_text(7), r.opt_text(8), r.text(9), {},        {}};
  if (!with_items) return out;
  const char* common =
      " o.id, s.orgnr, s.name, s.municipality_number, m.name, o.grade, o.pupils, x.equity";
  STEMNET_TRY(auto assigned,
              c.query(std::string("SELECT") + common +
                          ", x.slot_id, f.id, f.title, g.id, g.name, sl.starts_at, x.request_id,"
                          " x.distance_m, x.fit_subject, x.fit_week, x.fit_grade"
                          " FROM round_assignment x JOIN open_request o ON o.id ="
                          " x.open_request_id JOIN school s ON s.orgnr = o.school_orgnr"
                          " JOIN municipality m ON m.number = s.municipality_number"
                          " JOIN offer_slot sl ON sl.id = x.slot_id JOIN offer f ON f.id ="
                          " sl.offer_id JOIN organisation g ON g.id = f.organisation_id"
                          " WHERE x.round_id = $1 ORDER BY m.number, s.name, o.id",
                      {id}));
  for (const auto& a : assigned) {
    RoundItem i = item_of(a);
    i.slot_id = a.text(8);
    i.offer_id = a.text(9);
    i.offer_title = a.text(10);
    i.provider_id = a.text(11);
    i.provider_name = a.text(12);
    i.starts_at = a.text(13);
    i.request_id = a.opt_text(14);
    i.distance_m = a.integer(15);
    i.fit = {static_cast<int>(a.integer(16)), static_cast<int>(a.integer(17)),
             static_cast<int>(a.integer(18))};
    out.assignments.push_back(std::move(i));
  }
  STEMNET_TRY(auto unserved,
              c.query(std::string("SELECT") + common +
                          ", x.reason FROM round_unserved x JOIN open_request o ON o.id ="
                          " x.open_request_id JOIN school s ON s.orgnr = o.school_orgnr"
                          " JOIN municipality m ON m.number = s.municipality_number"
                          " WHERE x.round_id = $1 ORDER BY m.number, s.name, o.id",
                      {id}));
  for (const auto& u : unserved) {
    RoundItem i = item_of(u);
    i.reason = u.text(8);
    out.unserved.push_back(std::move(i));
  }
  return out;
}

Result<Round> Rounds::get(const accounts::Actor& actor, const std::string& id) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(Round round, read(*conn, id));
  if (!may_run(actor, round.region)) return errors::round_not_found(id);
  return round;
}

Result<std::vector<Round>> Rounds::list(const accounts::Actor& actor) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows, conn->query("SELECT id, region FROM matching_round"
                                     " ORDER BY created_at DESC, id"));
  std::vector<Round> out;
  for (const auto& r : rows) {
    if (!may_run(actor, r.text(1))) continue;
    STEMNET_TRY(Round round, read(*conn, r.text(0), /*with_items=*/false));
    out.push_back(std::move(round));
  }
  return out;
}

Result<Round> Rounds::accept(const accounts::Actor& actor, const std::string& id) {
  {
    STEMNET_TRY(auto conn, pool_.acquire());
    auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
      STEMNET_TRY(Round round, read(c, id));
      if (!may_run(actor, round.region)) return errors::round_not_found(id);
      if (round.state != "proposed")
        return round.state == "open" ? errors::round_not_solved() : errors::round_accepted();
      for (const auto& a : round.assignments) {
        STEMNET_TRY(auto room, c.query("SELECT capacity - booked FROM offer_slot WHERE id = $1",
                                       {*a.slot_id}));
        if (room.empty() || room[0].integer(0) <= 0) return errors::slot_filled(*a.slot_id);
        // Made by booking's one conversion, on behalf of the teacher who posted it.
        const booking::OpenRequests::Conversion conversion{a.open_request_id, *a.offer_id,
                                                           a.slot_id, /*brokered=*/true};
        auto made = booking::OpenRequests::convert(c, actor, bookings_, conversion);
        if (!made) {
          if (made.error().code == "booking.open_request_closed")
            return errors::request_no_longer_open(a.open_request_id);
          return std::move(made).error();
        }
        const std::string request_id = made->request_id;
        STEMNET_TRY_VOID(
            c.execute("UPDATE round_assignment SET request_id = $3 WHERE round_id ="
                      " $1 AND open_request_id = $2",
                      {id, a.open_request_id, request_id}));
        // The teacher hears that the wish found an offer.
        STEMNET_TRY_VOID(outbox_.send(
            c, made->teacher_id, "open_request_answer",
            {{"author", a.provider_name.value_or("")},
             {"organisation", actor.person.name},
             {"excerpt", a.offer_title.value_or("") + ", " + when(a.starts_at.value_or(""))},
             {"link", "/foresporsel/" + request_id}}));
      }
      STEMNET_TRY(std::int64_t accepted,
                  c.execute("UPDATE matching_round SET state = 'accepted', accepted_at = $2"
                            " WHERE id = $1 AND state = 'proposed'",
                            {id, utc_now_iso()}));
      if (accepted == 0) return errors::round_accepted();
      return accounts::audit(c, actor, "round.accept", id,
                             std::to_string(round.assignments.size()) + " requests made");
    });
    if (!done) return std::move(done).error();
  }
  STEMNET_TRY(auto conn, pool_.acquire());
  return read(*conn, id);
}

}  // namespace stemnet::matching
