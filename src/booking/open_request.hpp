// booking/open_request.hpp — a school's open wish for any provider.
//
// A teacher posts what the class wants (grade, pupils, subjects, welcome
// formats, digital or not, the weeks that suit); approved providers and the
// region's coordinators see it and answer, naming one of their offers (a
// coordinator: any published offer) and a slot if they like. The school
// takes one answer that names an offer: in one transaction that becomes an
// ordinary request for that offer (booking::Service::insert) and the open
// request is "taken". Or the school withdraws it.
//
// Who sees what: the school's teachers and contacts all of their school's;
// coordinators those of their counties; admins and members of approved
// providers every one, providers only their own organisation's answers.
// Others get 404.
// Example:
//   OpenRequests open(pool, bookings, outbox);
//   auto o = open.create(teacher, {.school = "975280640", .grade = 9, .pupils = 24,
//                                  .subjects = {"natural_science"}, .weeks = {"2027-W12"}});
//   open.answer(provider, o->id, {.body = "Vi kommer gjerne", .offer_id = offer});
//   auto request = open.take(teacher, o->id, answer_id);
#pragma once

#include "booking/service.hpp"
#include "core/page.hpp"

#include <optional>
#include <string>
#include <vector>

namespace stemnet::booking {

struct NewOpenRequest {
  std::string school;  // organisation number
  int grade = 0, pupils = 0;
  std::vector<std::string> subjects, formats, weeks;
  bool digital_ok = false;
  std::string note;
};

struct AnswerInput {
  std::string body;
  std::optional<std::string> offer_id, slot_id, organisation_id;
};

struct OpenAnswer {
  std::string id, body, author_id, author_name, created_at;
  std::optional<std::string> offer_id, offer_title, slot_id, organisation_id, organisation_name;
  std::optional<std::string> slot_starts_at, slot_ends_at, offer_provider_id, offer_provider_name;
};

struct OpenRequest {
  std::string id, school_orgnr, school_name, municipality_number, municipality_name;
  std::optional<std::string> county_number, county_name;
  std::string teacher_id;
  int grade = 0, pupils = 0;
  std::vector<std::string> subjects, formats, weeks;
  bool digital_ok = false;
  std::string note, state;  // open | taken | withdrawn
  std::optional<std::string> request_id;
  std::vector<OpenAnswer> answers;
  std::vector<std::string> allowed;  // answer, take, withdraw: what the caller may do now
  std::string created_at, updated_at;
};

struct OpenFilter {
  std::optional<std::string> state, county, municipality, subject;
  std::optional<int> grade;
};

class OpenRequests {
 public:
  OpenRequests(db::Pool& pool, Service& bookings, const notify::Outbox& outbox);

  Result<OpenRequest> create(const accounts::Actor& actor, const NewOpenRequest& in);
  Result<OpenRequest> get(const accounts::Actor& actor, const std::string& id);
  // Newest first; the caller's view only.
  Result<Page<OpenRequest>> list(const accounts::Actor& actor, const OpenFilter& filter,
                                 const PageRequest& page);
  Result<OpenRequest> answer(const accounts::Actor& actor, const std::string& id,
                             const AnswerInput& in);
  // The new booking request made from the answer.
  Result<BookingRequest> take(const accounts::Actor& actor, const std::string& id,
                              const std::string& answer_id);
  Result<OpenRequest> withdraw(const accounts::Actor& actor, const std::string& id);

  // An open request made into a booking request, in the caller's transaction:
  // the school's grade, pupils, weeks and note for `offer_id` (and `slot_id`),
  // through `bookings` (its checks, its mail); brokered (a matching round), it
  // is made on behalf of the teacher who posted the open request. The open
  // request becomes 'taken' only while it is open, else
  // booking.open_request_closed. The one way both a school's take and a
  // round's accept do it.
  struct Conversion {
    std::string open_request_id, offer_id;
    std::optional<std::string> slot_id;
    bool brokered = false;
  };
  struct Converted {
    std::string request_id, teacher_id;  // the new request; who posted the open request
  };
  static Result<Converted> convert(db::Connection& c, const accounts::Actor& actor,
                                   Service& bookings, const Conversion& in);

  static constexpr std::size_t kKeyParts = 2;  // (created_at, id), descending

  // Checks an ISO week such as "2027-W12" (weeks 1 to 53).
  static bool valid_week(std::string_view week);

 private:
  enum class View { none, school, coordinator, provider, admin };
  // `providers`, when given, are the caller's approved providers (looked up
  // once for a whole list); otherwise they are looked up.
  Result<View> view_of(db::Connection& c, const accounts::Actor& a, const OpenRequest& r,
                       const std::vector<std::string>* providers = nullptr);
  static Result<OpenRequest> load(db::Connection& c, const std::string& id);
  // The request with its answers read.
  static Result<OpenRequest> with_answers(db::Connection& c, OpenRequest r);
  Result<OpenRequest> shown(db::Connection& c, const accounts::Actor& a, OpenRequest r,
                            const std::vector<std::string>* providers = nullptr);

  db::Pool& pool_;
  Service& bookings_;
  const notify::Outbox& outbox_;
};

}  // namespace stemnet::booking
