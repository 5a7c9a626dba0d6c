#include "booking/errors.hpp"

namespace stemnet::booking::errors {
namespace {

std::string s(std::string_view v) { return std::string(v); }

}  // namespace

Error request_not_found(std::string_view id) {
  return Error::not_found("no request '" + s(id) + "'").coded("booking.request_not_found");
}

Error offer_not_found(std::string_view offer_id) {
  return Error::not_found("no published offer '" + s(offer_id) + "'")
      .coded("booking.offer_not_found", {{"offer", s(offer_id)}});
}

Error not_your_school(std::string_view school) {
  return Error::forbidden("only a teacher or contact of this school acts for it")
      .coded("booking.not_your_school", {{"school", s(school)}});
}

Error illegal_move(std::string_view state, std::string_view move, std::string_view side,
                   std::string_view allowed) {
  Error e =
      Error::conflict("cannot " + s(move) + " a request that is " + s(state) + " (as the " +
                      s(side) + "); allowed now: " + (allowed.empty() ? "nothing" : s(allowed)))
          .coded(
              "booking.illegal_move",
              {{"state", s(state)}, {"move", s(move)}, {"side", s(side)}, {"allowed", s(allowed)}});
  e.type = "illegal-move";
  return e;
}

Error unknown_move(std::string_view move) {
  return Error::not_found("no move '" + s(move) + "'")
      .coded("booking.unknown_move", {{"move", s(move)}});
}

Error slot_full(long long capacity) {
  Error e = Error::conflict("the slot is full (" + std::to_string(capacity) + " of " +
                            std::to_string(capacity) + " places taken)")
                .coded("booking.slot_full", {{"capacity", capacity}});
  e.type = "slot-full";
  return e;
}

Error cancel_too_late() {
  return Error::conflict("it has started already: mark it completed or not held instead")
      .coded("booking.cancel_too_late");
}

Error not_held_too_early() {
  return Error::conflict("it has not happened yet: cancel it instead")
      .coded("booking.not_held_too_early");
}

Error complete_too_early() {
  return Error::conflict("it can be completed when it has taken place")
      .coded("booking.complete_too_early");
}

Error feedback_given() {
  return Error::conflict("this side has given its feedback already")
      .coded("booking.feedback_given");
}

Error no_agreed_time(std::string_view id) {
  return Error::not_found("the request '" + s(id) + "' has no agreed time yet")
      .coded("booking.no_agreed_time");
}

Error calendar_not_found() {
  return Error::not_found("no calendar has this address").coded("booking.calendar_not_found");
}

Error not_a_calendar_file(std::string_view file) {
  return Error::not_found("'" + s(file) + "': calendars are served as {id}.ics")
      .coded("booking.not_a_calendar_file", {{"file", s(file)}});
}

Error organisation_not_found(std::string_view organisation) {
  return Error::not_found("no organisation '" + s(organisation) + "'")
      .coded("booking.organisation_not_found", {{"organisation", s(organisation)}});
}

Error school_invalid(std::string_view school) {
  return Error::field("/school", "booking.school_invalid",
                      "'" + s(school) + "' is not an organisation number (9 digits, mod 11)",
                      {{"school", s(school)}});
}

Error school_not_found(std::string_view school) {
  return Error::field("/school", "booking.school_not_found", "no school has number " + s(school),
                      {{"school", s(school)}});
}

Error grade_out_of_range() {
  return Error::field("/grade", "booking.grade_out_of_range", "a grade is 1 to 13",
                      {{"min", 1LL}, {"max", 13LL}});
}

Error grade_query_out_of_range() {
  return Error::query("grade", "booking.grade_out_of_range", "a grade is 1 to 13",
                      {{"min", 1LL}, {"max", 13LL}});
}

Error grade_outside_offer(std::string pointer, long long grade, long long min, long long max) {
  return Error::field(
      std::move(pointer), "booking.grade_outside_offer",
      "the offer is for grades " + std::to_string(min) + " to " + std::to_string(max),
      {{"grade", grade}, {"min", min}, {"max", max}});
}

Error pupils_out_of_range() {
  return Error::field("/pupils", "booking.pupils_out_of_range", "1 to 1000 pupils",
                      {{"min", 1LL}, {"max", 1000LL}});
}

Error pupils_over_capacity(long long capacity) {
  return Error::field("/pupils", "booking.pupils_over_capacity",
                      "the offer takes at most " + std::to_string(capacity) +
                          " pupils at once; send one request per class",
                      {{"capacity", capacity}});
}

Error text_length(std::string pointer, long long min, long long max) {
  return Error::field(
      std::move(pointer), "booking.text_length",
      "a text of " + std::to_string(min) + " to " + std::to_string(max) + " characters",
      {{"min", min}, {"max", max}});
}

Error slot_not_in_offer(std::string_view slot) {
  return Error::field("/slot_id", "booking.slot_not_in_offer",
                      "the offer has no slot '" + s(slot) + "'", {{"slot", s(slot)}});
}

Error slot_required() {
  return Error::field("/slot_id", "booking.slot_required",
                      "accepting confirms a slot: name one, or propose a time");
}

Error time_required() {
  return Error::field("/time", "booking.time_required", "propose a time as YYYY-MM-DDTHH:MM");
}

Error reason_required() { return Error::field("/reason", "booking.reason_required", "say why"); }

Error score_out_of_range() {
  return Error::field("/score", "booking.score_out_of_range", "a score is 1 to 5",
                      {{"min", 1LL}, {"max", 5LL}});
}

Error count_out_of_range(std::string_view member) {
  return Error::field("/" + s(member), "booking.count_out_of_range", "0 to 1000 pupils",
                      {{"min", 0LL}, {"max", 1000LL}});
}

Error counts_exceed_reached() {
  return Error::field("/pupils_reached", "booking.counts_exceed_reached",
                      "girls and boys together are more than the pupils reached");
}

Error reached_required() {
  return Error::field("/pupils_reached", "booking.reached_required",
                      "say how many pupils were reached in all");
}

Error missing(std::string_view member) {
  return Error::field("/" + s(member), "validation.missing", s(member) + " is required");
}

Error open_request_not_found(std::string_view id) {
  return Error::not_found("no open request '" + s(id) + "'")
      .coded("booking.open_request_not_found");
}

Error open_request_closed(std::string_view state, std::string_view move) {
  Error e = Error::conflict("the open request is " + s(state) + ": it cannot be " +
                            (move == "answer" ? "answered"
                             : move == "take" ? "taken"
                                              : "withdrawn"))
                .coded("booking.open_request_closed", {{"state", s(state)}, {"move", s(move)}});
  e.type = "illegal-move";
  return e;
}

Error school_only(std::string_view move) {
  return Error::forbidden("only the school may " + s(move) + " here")
      .coded("booking.school_only", {{"move", s(move)}});
}

Error school_cannot_answer() {
  return Error::forbidden("the school answers in the thread of a request")
      .coded("booking.school_cannot_answer");
}

Error not_your_provider(std::string_view organisation) {
  return Error::forbidden("only a member of an approved provider answers for it")
      .coded("booking.not_your_provider", {{"organisation", s(organisation)}});
}

Error subjects_required() {
  return Error::field("/subjects", "booking.subjects_required", "name at least one subject");
}

Error unknown_subject(std::string pointer, std::string_view subject) {
  return Error::field(std::move(pointer), "booking.unknown_subject",
                      "unknown subject '" + s(subject) + "'", {{"subject", s(subject)}});
}

Error unknown_subject_query(std::string_view subject) {
  return Error::query("subject", "booking.unknown_subject", "unknown subject '" + s(subject) + "'",
                      {{"subject", s(subject)}});
}

Error unknown_format(std::string pointer, std::string_view format) {
  return Error::field(std::move(pointer), "booking.unknown_format",
                      "unknown format '" + s(format) + "'", {{"format", s(format)}});
}

Error weeks_count() {
  return Error::field("/weeks", "booking.weeks_count", "name 1 to 20 weeks that suit, as 2027-W12",
                      {{"min", 1LL}, {"max", 20LL}});
}

Error week_invalid(std::string pointer, std::string_view week) {
  return Error::field(std::move(pointer), "booking.week_invalid",
                      "a week is written 2027-W12; got '" + s(week) + "'", {{"week", s(week)}});
}

Error no_week_53(std::string pointer, std::string_view year) {
  return Error::field(std::move(pointer), "booking.no_week_53", s(year) + " has no week 53",
                      {{"year", s(year)}});
}

Error week_passed(std::string pointer, std::string_view week) {
  return Error::field(std::move(pointer), "booking.week_passed", "week " + s(week) + " has passed",
                      {{"week", s(week)}});
}

Error note_length() {
  return Error::field("/note", "booking.note_length",
                      "say what you wish for, in 1 to 2000 characters",
                      {{"min", 1LL}, {"max", 2000LL}});
}

Error slot_needs_offer() {
  return Error::field("/slot_id", "booking.slot_needs_offer", "a slot belongs to an offer");
}

Error provider_ambiguous() {
  return Error::field("/organisation_id", "booking.provider_ambiguous",
                      "you are in several providers: name the one");
}

Error offer_unknown(std::string_view offer_id) {
  return Error::field("/offer_id", "booking.offer_not_found",
                      "no published offer '" + s(offer_id) + "'", {{"offer", s(offer_id)}});
}

Error offer_not_yours() {
  return Error::field("/offer_id", "booking.offer_not_yours",
                      "a provider answers with its own offers");
}

Error answer_not_found() {
  return Error::field("/answer_id", "booking.answer_not_found", "no such answer to this request");
}

Error answer_without_offer() {
  return Error::field("/answer_id", "booking.answer_without_offer",
                      "this answer names no offer: take one that does, or wait for one");
}

Error state_filter_invalid(std::string_view state) {
  return Error::query("state", "booking.state_filter_invalid", "open, taken or withdrawn",
                      {{"state", s(state)}});
}

Error county_invalid(std::string_view county) {
  return Error::query("county", "booking.county_invalid", "a county number has two digits",
                      {{"county", s(county)}});
}

Error municipality_invalid(std::string_view municipality) {
  return Error::query("municipality", "booking.municipality_invalid",
                      "a municipality number has four digits", {{"municipality", s(municipality)}});
}

Error impact_format(std::string_view format) {
  return Error::query("format", "booking.impact_format", "format is json or csv",
                      {{"format", s(format)}});
}

}  // namespace stemnet::booking::errors
