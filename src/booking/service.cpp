#include "booking/service.hpp"

#include "accounts/audit.hpp"
#include "booking/errors.hpp"
#include "core/strings.hpp"

#include "accounts/secrets.hpp"
#include "core/clock.hpp"
#include "core/encoding.hpp"
#include "core/time.hpp"
#include "geo/area_code.hpp"
#include "notify/templates.hpp"

#include <ctime>
#include <iostream>
#include <map>
#include <set>
#include <tuple>

namespace stemnet::booking {
namespace {

constexpr const char* kColumns =
    "SELECT r.id, r.offer_id, o.title, r.provider_id, r.school_orgnr, s.name, r.teacher_id, "
    "r.grade, r.pupils,"
    " r.wished, r.slot_id, sl.starts_at, sl.ends_at, r.proposed_time, r.state, r.reason, "
    "r.created_at, r.updated_at, pv.name"
    " FROM booking_request r JOIN offer o ON o.id = r.offer_id JOIN school s ON s.orgnr = "
    "r.school_orgnr JOIN organisation pv ON pv.id = r.provider_id"
    " LEFT JOIN offer_slot sl ON sl.id = r.slot_id";

BookingRequest from_row(const db::Row& r) {
  BookingRequest q;
  q.id = r.text(0);
  q.offer_id = r.text(1);
  q.offer_title = r.text(2);
  q.provider_id = r.text(3);
  q.school_orgnr = r.text(4);
  q.school_name = r.text(5);
  q.teacher_id = r.text(6);
  q.grade = static_cast<int>(r.integer(7));
  q.pupils = static_cast<int>(r.integer(8));
  q.wished = r.text(9);
  q.slot_id = r.opt_text(10);
  q.slot_starts_at = r.opt_text(11);
  q.slot_ends_at = r.opt_text(12);
  q.proposed_time = r.opt_text(13);
  q.state = r.text(14);
  q.reason = r.text(15);
  q.created_at = r.text(16);
  q.updated_at = r.text(17);
  q.provider_name = r.text(18);
  return q;
}

}  // namespace

Service::Service(db::Pool& pool, const notify::Outbox& outbox, Now now)
    : pool_(pool), outbox_(outbox), now_(std::move(now)) {}

Result<void> Service::tell_other_side(db::Connection& c, const accounts::Actor& actor,
                                      const BookingRequest& r, Side side, std::string_view kind,
                                      notify::Params params) const {
  params["offer"] = r.offer_title;
  params["school"] = r.school_name;
  params["link"] = "/foresporsel/" + r.id;
  if (side == Side::provider) {
    // The teacher who asked (still one of the school's, or they would not see it).
    if (r.teacher_id == actor.person.id) return ok();
    return outbox_.send(c, r.teacher_id, kind, params);
  }
  return outbox_.send_to_role(c, "provider_member", r.provider_id, kind, params, actor.person.id);
}

Result<BookingRequest> Service::load(db::Connection& c, const std::string& id) {
  STEMNET_TRY(auto rows, c.query(std::string(kColumns) + " WHERE r.id = $1", {id}));
  if (rows.empty()) return errors::request_not_found(id);
  BookingRequest r = from_row(rows[0]);
  STEMNET_TRY(
      auto msgs,
      c.query("SELECT m.id, m.author_id, p.name, m.body, m.created_at FROM request_message m"
              " JOIN person p ON p.id = m.author_id WHERE m.request_id = $1"
              " ORDER BY m.created_at, m.id",
              {id}));
  for (const auto& m : msgs)
    r.messages.push_back({m.text(0), m.text(1), m.text(2), m.text(3), m.text(4)});
  return r;
}

Result<Side> Service::side_of(const accounts::Actor& a, const BookingRequest& r) {
  if (a.has("provider_member", r.provider_id)) return Side::provider;
  if (a.acts_for_school(r.school_orgnr)) return Side::school;
  return errors::request_not_found(r.id);  // not a party: not shown to exist
}

Result<BookingRequest> Service::create(const accounts::Actor& actor, const NewRequest& in) {
  const std::string id = random_token().substr(0, 16);
  {
    // The lease ends before get() takes its own: a handler never holds two.
    STEMNET_TRY(auto conn, pool_.acquire());
    auto done = db::transaction(
        *conn, [&](db::Connection& c) -> Result<void> { return insert(c, actor, in, id); });
    if (!done) return std::move(done).error();
  }
  return get(actor, id);
}

Result<void> Service::insert(db::Connection& c, const accounts::Actor& actor, const NewRequest& in,
                             const std::string& id) const {
  if (!geo::is_organisation_number(in.school)) return errors::school_invalid(in.school);
  if (!in.brokered_for && !actor.acts_for_school(in.school))
    return errors::not_your_school(in.school);
  const std::string teacher = in.brokered_for.value_or(actor.person.id);
  if (in.grade < 1 || in.grade > 13) return errors::grade_out_of_range();
  if (in.pupils < 1 || in.pupils > 1000) return errors::pupils_out_of_range();
  if (characters(in.message) > 4000) return errors::text_length("/message", 0, 4000);
  STEMNET_TRY(auto offer,
              c.query("SELECT o.organisation_id, o.grade_min, o.grade_max, o.capacity FROM offer o"
                      " JOIN organisation g ON g.id = o.organisation_id"
                      " WHERE o.id = $1 AND o.status = 'published' AND g.status = 'approved'",
                      {in.offer_id}));
  if (offer.empty()) return errors::offer_not_found(in.offer_id);
  if (in.grade < offer[0].integer(1) || in.grade > offer[0].integer(2))
    return errors::grade_outside_offer("/grade", in.grade, offer[0].integer(1),
                                       offer[0].integer(2));
  // The offer's capacity is pupils at once; a slot's is classes (bookings).
  if (in.pupils > offer[0].integer(3)) return errors::pupils_over_capacity(offer[0].integer(3));
  if (in.slot_id) {
    STEMNET_TRY(auto slot, c.query("SELECT 1 FROM offer_slot WHERE id = $1 AND offer_id = $2",
                                   {*in.slot_id, in.offer_id}));
    if (slot.empty()) return errors::slot_not_in_offer(*in.slot_id);
  }
  const std::string now = utc_now_iso();
  STEMNET_TRY_VOID(
      c.execute("INSERT INTO booking_request (id, offer_id, provider_id, school_orgnr, "
                "teacher_id, grade, pupils, wished,"
                " slot_id, state, reason, created_at, updated_at)"
                " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'requested', '', $10, $10)",
                {id, in.offer_id, offer[0].text(0), in.school, teacher, in.grade, in.pupils,
                 in.wished, in.slot_id, now}));
  if (!in.message.empty()) {
    STEMNET_TRY_VOID(
        c.execute("INSERT INTO request_message (id, request_id, author_id, body, created_at)"
                  " VALUES ($1, $2, $3, $4, $5)",
                  {random_token().substr(0, 16), id, teacher, in.message, utc_now_iso_ms()}));
  }
  STEMNET_TRY_VOID(
      accounts::audit(c, actor, "request.create", id,
                      "offer " + in.offer_id + (in.brokered_for ? " (matching round)" : "")));
  STEMNET_TRY(BookingRequest made, load(c, id));
  return tell_other_side(
      c, actor, made, Side::school, "request_new",
      {{"grade", std::to_string(in.grade)}, {"pupils", std::to_string(in.pupils)}});
}

Result<BookingRequest> Service::get(const accounts::Actor& actor, const std::string& id) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(BookingRequest r, load(*conn, id));
  auto side = side_of(actor, r);
  if (!side) {
    // The region's coordinators (and admins) see it, but not the thread
    // between school and provider, and make no moves.
    STEMNET_TRY(auto county,
                conn->query("SELECT county_number FROM school WHERE orgnr = $1", {r.school_orgnr}));
    const bool region =
        !county.empty() && !county[0].is_null(0) && actor.coordinates(county[0].text(0));
    if (!region && !actor.is_admin()) return std::move(side).error();
    r.messages.clear();
    return r;
  }
  STEMNET_TRY(State state, state_from(r.state));
  // What the state allows, and of that what the clock allows now: a booking
  // is completed (or not held) once its time has ended, and cancelled only
  // before it starts. move() refuses the rest with their own codes.
  const std::string now = now_();
  const std::optional<std::string> starts = r.slot_starts_at ? r.slot_starts_at : r.proposed_time;
  const std::optional<std::string> ends = r.slot_ends_at ? r.slot_ends_at : r.proposed_time;
  for (Move m : allowed(state, *side)) {
    if ((m == Move::complete || m == Move::not_held) && (!ends || *ends > now)) continue;
    if (m == Move::cancel && state == State::accepted && starts && *starts <= now) continue;
    r.allowed.emplace_back(name(m));
  }
  return r;
}

Result<std::vector<BookingRequest>> Service::list(const accounts::Actor& actor) {
  std::vector<std::string> schools, providers;
  for (const auto& role : actor.roles) {
    if ((role.role == "teacher" || role.role == "school_contact") &&
        role.scope.starts_with("school:")) {
      schools.push_back(role.scope.substr(7));
    }
    if (role.role == "provider_member") providers.push_back(role.scope);
  }
  STEMNET_TRY(auto conn, pool_.acquire());
  std::vector<BookingRequest> out;
  for (const auto& s : schools) {
    STEMNET_TRY(auto rows, conn->query(std::string(kColumns) +
                                           " WHERE r.school_orgnr = $1 ORDER BY r.created_at DESC",
                                       {s}));
    for (const auto& row : rows) out.push_back(from_row(row));
  }
  for (const auto& p : providers) {
    STEMNET_TRY(auto rows, conn->query(std::string(kColumns) +
                                           " WHERE r.provider_id = $1 ORDER BY r.created_at DESC",
                                       {p}));
    for (const auto& row : rows) out.push_back(from_row(row));
  }
  // A coordinator's region, or everything for an admin: to look at, not to
  // act on, and without the threads.
  std::vector<std::string> counties;
  for (const auto& role : actor.roles) {
    if (role.role == "coordinator") counties.push_back(role.scope);
  }
  const std::size_t parties = out.size();
  if (actor.is_admin()) {
    STEMNET_TRY(auto rows,
                conn->query(std::string(kColumns) + " ORDER BY r.created_at DESC, r.id"));
    for (const auto& row : rows) out.push_back(from_row(row));
  } else {
    for (const auto& county : counties) {
      STEMNET_TRY(auto rows,
                  conn->query(std::string(kColumns) + " WHERE s.county_number = $1"
                                                      " ORDER BY r.created_at DESC, r.id",
                              {county}));
      for (const auto& row : rows) out.push_back(from_row(row));
    }
  }
  for (std::size_t i = parties; i < out.size(); ++i) out[i].messages.clear();
  // Someone on both sides (a teacher who is also a provider member) sees a request once.
  std::set<std::string> seen;
  std::erase_if(out, [&](const BookingRequest& r) { return !seen.insert(r.id).second; });
  return out;
}

Result<BookingRequest> Service::move(const accounts::Actor& actor, const std::string& id,
                                     const std::string& move_name, const MoveInput& in) {
  STEMNET_TRY(Move move, move_from(move_name));
  {
    // The lease ends before get() takes its own: a handler never holds two.
    STEMNET_TRY(auto conn, pool_.acquire());
    auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
      STEMNET_TRY(BookingRequest r, load(c, id));
      STEMNET_TRY(Side side, side_of(actor, r));
      STEMNET_TRY(State state, state_from(r.state));
      STEMNET_TRY(State next, transition(state, move, side));
      const std::string now = now_();
      const std::optional<std::string> starts =
          r.slot_starts_at ? r.slot_starts_at : r.proposed_time;
      const std::optional<std::string> ends = r.slot_ends_at ? r.slot_ends_at : r.proposed_time;
      std::string slot = r.slot_id.value_or("");
      std::string proposed = r.proposed_time.value_or("");
      std::string reason = r.reason;
      switch (move) {
        case Move::accept:
          if (side == Side::provider) {
            slot = in.slot_id.value_or(slot);
            if (slot.empty()) return errors::slot_required();
            STEMNET_TRY(auto ours,
                        c.query("SELECT 1 FROM offer_slot WHERE id = $1 AND offer_id = $2",
                                {slot, r.offer_id}));
            if (ours.empty()) return errors::slot_not_in_offer(slot);
            // The conditional update is the guard against overbooking.
            STEMNET_TRY(std::int64_t taken,
                        c.execute("UPDATE offer_slot SET booked = booked + 1 WHERE id = $1"
                                  " AND offer_id = $2 AND booked < capacity",
                                  {slot, r.offer_id}));
            if (taken == 0) {
              STEMNET_TRY(auto capacity,
                          c.query("SELECT capacity FROM offer_slot WHERE id = $1", {slot}));
              return errors::slot_full(capacity.empty() ? 0 : capacity[0].integer(0));
            }
          }
          break;
        case Move::propose: {
          if (!in.time) return errors::time_required();
          STEMNET_TRY(Minute when, read_minute("time", *in.time));
          proposed = format(when);
          slot.clear();
          break;
        }
        case Move::decline:
        case Move::cancel:
        case Move::not_held:
          if (!in.reason || in.reason->empty()) return errors::reason_required();
          reason = *in.reason;
          if (move == Move::cancel && starts && *starts <= now && state == State::accepted)
            return errors::cancel_too_late();
          if (move == Move::not_held && (!ends || *ends > now)) return errors::not_held_too_early();
          if (move == Move::cancel && state == State::accepted && !slot.empty()) {
            STEMNET_TRY_VOID(c.execute(
                "UPDATE offer_slot SET booked = booked - 1 WHERE id = $1 AND booked > 0", {slot}));
          }
          break;
        case Move::complete:
          if (!ends || *ends > now) return errors::complete_too_early();
          break;
        case Move::feedback: {
          if (!in.score || *in.score < 1 || *in.score > 5) return errors::score_out_of_range();
          // Counts of pupils must add up: they feed impact and the monitor.
          for (auto [field, v] : {std::pair{"pupils_reached", in.pupils_reached},
                                  std::pair{"girls", in.girls}, std::pair{"boys", in.boys}}) {
            if (v && (*v < 0 || *v > 1000)) return errors::count_out_of_range(field);
          }
          if (in.pupils_reached &&
              in.girls.value_or(0) + in.boys.value_or(0) > *in.pupils_reached) {
            return errors::counts_exceed_reached();
          }
          if (!in.pupils_reached && (in.girls || in.boys)) return errors::reached_required();
          auto inserted = c.execute(
              "INSERT INTO booking_feedback (request_id, side, score, comment, pupils_reached, "
              "girls, boys, created_at)"
              " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
              {id, side == Side::school ? "school" : "provider", *in.score, in.comment,
               side == Side::school ? in.pupils_reached : std::nullopt,
               side == Side::school ? in.girls : std::nullopt,
               side == Side::school ? in.boys : std::nullopt, utc_now_iso()});
          if (!inserted && inserted.error().kind == ErrorKind::conflict) {
            return errors::feedback_given();
          }
          if (!inserted) return std::move(inserted).error();
          break;
        }
      }
      STEMNET_TRY_VOID(c.execute(
          "UPDATE booking_request SET state = $1, slot_id = $2, proposed_time = $3, reason = $4,"
          " updated_at = $5 WHERE id = $6",
          {std::string(name(next)), slot.empty() ? db::Value() : db::Value(slot),
           proposed.empty() ? db::Value() : db::Value(proposed), reason, utc_now_iso(), id}));
      STEMNET_TRY_VOID(
          accounts::audit(c, actor, "request." + move_name, id,
                          std::string(name(state)) + " -> " + std::string(name(next))));
      if (move == Move::feedback) return ok();
      return tell_other_side(c, actor, r, side, "request_update",
                             {{"move", move_name}, {"reason", in.reason.value_or("")}});
    });
    if (!done) return std::move(done).error();
  }
  if (move == Move::complete && on_completed_) on_completed_();
  return get(actor, id);
}

Result<BookingRequest> Service::post_message(const accounts::Actor& actor, const std::string& id,
                                             const std::string& body) {
  if (body.empty() || characters(body) > 4000) return errors::text_length("/body", 1, 4000);
  {
    // The lease ends before get() takes its own: a handler never holds two.
    STEMNET_TRY(auto conn, pool_.acquire());
    auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
      STEMNET_TRY(BookingRequest r, load(c, id));
      STEMNET_TRY(Side side, side_of(actor, r));
      STEMNET_TRY_VOID(
          c.execute("INSERT INTO request_message (id, request_id, author_id, body, created_at)"
                    " VALUES ($1, $2, $3, $4, $5)",
                    {random_token().substr(0, 16), id, actor.person.id, body, utc_now_iso_ms()}));
      STEMNET_TRY_VOID(accounts::audit(c, actor, "request.message", id,
                                       std::to_string(body.size()) + " characters"));
      return tell_other_side(c, actor, r, side, "request_message",
                             {{"author", actor.person.name}, {"excerpt", notify::excerpt(body)}});
    });
    if (!done) return std::move(done).error();
  }
  return get(actor, id);
}

Result<std::optional<Event>> Service::event_of(db::Connection& c, const BookingRequest& r) {
  const bool timed = r.state == "accepted" || r.state == "completed" || r.state == "not_held" ||
                     (r.state == "cancelled" && (r.slot_starts_at || r.proposed_time));
  if (!timed) return std::optional<Event>();
  STEMNET_TRY(auto offer,
              c.query("SELECT duration_minutes, address FROM offer WHERE id = $1", {r.offer_id}));
  STEMNET_TRY(auto changes, c.query("SELECT COUNT(*) FROM audit_log WHERE subject = $1", {r.id}));
  Event e;
  e.uid = r.id + "@stemnet.no";
  e.sequence = static_cast<int>(changes.at(0).integer(0));
  if (r.slot_starts_at && r.slot_ends_at) {
    auto starts = parse_minute(*r.slot_starts_at), ends = parse_minute(*r.slot_ends_at);
    if (!starts || !ends) {
      std::cerr << stored_time_warning("the slot of request", r.id,
                                       starts ? *r.slot_ends_at : *r.slot_starts_at);
      return std::optional<Event>();
    }
    e.starts_at = *starts;
    e.ends_at = *ends;
  } else if (r.proposed_time) {
    auto starts = parse_minute(*r.proposed_time);
    if (!starts) {
      std::cerr << stored_time_warning("request", r.id, *r.proposed_time);
      return std::optional<Event>();
    }
    // A proposed time lasts as long as the offer does.
    e.starts_at = *starts;
    e.ends_at = plus_minutes(*starts, offer.empty() ? 60 : offer[0].integer(0));
  } else {
    return std::optional<Event>();
  }
  e.summary = r.offer_title + " — " + r.school_name;
  e.location = offer.empty() ? "" : offer[0].text(1);
  e.description = "Trinn " + std::to_string(r.grade) + ", " + std::to_string(r.pupils) + " elever.";
  e.cancelled = r.state == "cancelled";
  e.stamp = format_utc(std::time(nullptr), "%Y%m%dT%H%M%SZ");
  return std::optional<Event>(std::move(e));
}

Result<std::string> Service::ical(const accounts::Actor& actor, const std::string& id) {
  STEMNET_TRY(BookingRequest r, get(actor, id));
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto event, event_of(*conn, r));
  if (!event) return errors::no_agreed_time(id);
  return to_ical({*event}, event->cancelled ? "CANCEL" : "PUBLISH");
}

Result<std::string> Service::new_calendar_token(const accounts::Actor& actor) {
  const std::string token = random_token();
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY_VOID(conn->execute(
      "INSERT INTO calendar_token (person_id, token_hash, created_at) VALUES ($1, $2, $3)"
      " ON CONFLICT (person_id) DO UPDATE SET token_hash = excluded.token_hash,"
      " created_at = excluded.created_at",
      {actor.person.id, sha256_hex(token), utc_now_iso()}));
  return token;
}

Result<std::string> Service::calendar_feed(const std::string& token) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto who, conn->query("SELECT person_id FROM calendar_token WHERE token_hash = $1",
                                    {sha256_hex(token)}));
  if (who.empty()) return errors::calendar_not_found();
  STEMNET_TRY(auto roles, conn->query("SELECT role, scope FROM person_role WHERE person_id = $1",
                                      {who[0].text(0)}));
  std::vector<Event> events;
  for (const auto& role : roles) {
    const std::string r = role.text(0), scope = role.text(1);
    const bool school = (r == "teacher" || r == "school_contact") && scope.starts_with("school:");
    if (!school && r != "provider_member") continue;
    STEMNET_TRY(auto rows,
                conn->query(std::string(kColumns) + (school ? " WHERE r.school_orgnr = $1"
                                                            : " WHERE r.provider_id = $1"),
                            {school ? scope.substr(7) : scope}));
    for (const auto& row : rows) {
      STEMNET_TRY(auto e, event_of(*conn, from_row(row)));
      if (e) events.push_back(std::move(*e));
    }
  }
  return to_ical(events, "PUBLISH");
}

}  // namespace stemnet::booking
