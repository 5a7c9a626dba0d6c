// booking/service.hpp — requests for offers, the moves on them, the message
// thread, feedback, and the audit log. Every change is one transaction and
// one audit row.
//
// Who: the school side is a teacher or school contact of the request's
// school; the provider side is a member of the offer's provider. Others do
// not see the request (404). A slot is never overbooked: accepting takes a
// place with a conditional update inside the transaction, so of two racing
// acceptances of the last place one gets 409 "slot-full".
// Example:
//   auto r = svc.create(teacher, {.offer_id = id, .school = "974795655", .grade = 9, .pupils =
//   24}); auto a = svc.move(provider, r->id, "accept", {.slot_id = slot});
#pragma once

#include "accounts/model.hpp"
#include "booking/ical.hpp"
#include "booking/state.hpp"
#include "core/clock.hpp"  // local_minute_now, the usual Now
#include "core/result.hpp"
#include "db/database.hpp"
#include "notify/outbox.hpp"

#include <ctime>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace stemnet::booking {

struct NewRequest {
  std::string offer_id, school;  // school: organisation number
  int grade = 0, pupils = 0;
  std::string wished, message;
  std::optional<std::string> slot_id;
  // Made by a coordinator's matching round on behalf of this teacher (the
  // round checks the coordinator's region): the teacher is the requester.
  std::optional<std::string> brokered_for;
};

struct MoveInput {
  std::optional<std::string> slot_id, time, reason;
  // feedback
  std::optional<int> score, pupils_reached, girls, boys;
  std::string comment;
};

struct Message {
  std::string id, author_id, author_name, body, created_at;
};

struct BookingRequest {
  std::string id, offer_id, offer_title, provider_id, provider_name, school_orgnr, school_name,
      teacher_id;
  int grade = 0, pupils = 0;
  std::string wished;
  std::optional<std::string> slot_id, slot_starts_at, slot_ends_at, proposed_time;
  std::string state, reason, created_at, updated_at;
  std::vector<Message> messages;
  std::vector<std::string> allowed;  // moves the asking side may make now
};

struct ImpactYear;
struct Impact;
struct Engagement;

class Service {
 public:
  // `now` gives local time as "YYYY-MM-DDTHH:MM" (when slots start and end).
  using Now = std::function<std::string()>;
  // Each change is told to the other side through `outbox`.
  Service(db::Pool& pool, const notify::Outbox& outbox, Now now);

  Result<BookingRequest> create(const accounts::Actor& actor, const NewRequest& in);
  // create()'s checks and writes inside the caller's transaction, with the
  // caller's id for the new request (an open request taken makes one).
  Result<void> insert(db::Connection& c, const accounts::Actor& actor, const NewRequest& in,
                      const std::string& id) const;
  Result<BookingRequest> get(const accounts::Actor& actor, const std::string& id);
  Result<std::vector<BookingRequest>> list(const accounts::Actor& actor);
  Result<BookingRequest> move(const accounts::Actor& actor, const std::string& id,
                              const std::string& move, const MoveInput& in);
  // Called after a booking is completed (its transaction committed): the
  // server recomputes the indicators that count completed bookings.
  void on_completed(std::function<void()> f) { on_completed_ = std::move(f); }
  Result<BookingRequest> post_message(const accounts::Actor& actor, const std::string& id,
                                      const std::string& body);
  // The booking as an iCalendar document (parties only; once it has a time).
  Result<std::string> ical(const accounts::Actor& actor, const std::string& id);
  // A new secret feed token for the actor (the old one stops working).
  Result<std::string> new_calendar_token(const accounts::Actor& actor);
  // Every booking with a time of the schools and providers of the person
  // whose feed token this is; ErrorKind::not_found for an unknown token.
  Result<std::string> calendar_feed(const std::string& token);
  // Impact of a provider ("org:…") or a school ("school:<orgnr>"), by year.
  Result<Impact> impact(const std::string& organisation_id);
  // Schools engaged per area and year, for the monitor's schools_engaged.
  Result<std::vector<Engagement>> engagement();

 private:
  static Result<BookingRequest> load(db::Connection& c, const std::string& id);
  Result<Side> side_of(const accounts::Actor& actor, const BookingRequest& r);
  Result<std::optional<struct Event>> event_of(db::Connection& c, const BookingRequest& r);
  Result<void> tell_other_side(db::Connection& c, const accounts::Actor& actor,
                               const BookingRequest& r, Side side, std::string_view kind,
                               notify::Params params) const;
  db::Pool& pool_;
  const notify::Outbox& outbox_;
  Now now_;
  std::function<void()> on_completed_;
};

// What an organisation's bookings did, one row per year of completed
// bookings. Counts under kMinPupils (of schools, municipalities and pupils)
// are withheld (nullopt), always: a figure that small could point at one
// class or one school.
struct ImpactYear {
  int year = 0;
  long bookings = 0;
  std::optional<long> schools, municipalities, pupils, girls, boys;
  double hours = 0;
  std::optional<double> average_feedback;  // what the other side scored, 1-5
  long feedbacks = 0;
};
inline constexpr long kMinPupils = 5;

// A provider's or a school's impact: each year, and all years together (a
// school met in two years counts once; year is 0).
struct Impact {
  std::vector<ImpactYear> years;
  ImpactYear all;
};

// Schools with at least one completed booking in a year, against all the
// registry's schools, per area (country "NO", county, municipality); and the
// pupils those bookings reached by the school's count (the provider's when
// the school gave none), of them the pupils at role-model talks.
struct Engagement {
  std::string level, code;
  int year = 0;
  long engaged = 0, schools = 0;
  long pupils_reached = 0, pupils_met_role_model = 0;
};

}  // namespace stemnet::booking
