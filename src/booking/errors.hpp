// booking/errors.hpp — every error a person can meet asking for an offer,
// moving a request through its states, giving feedback, and with open
// requests: named factories with stable codes ("booking.*"), listed in
// api/openapi.yaml (ProblemCode, FaultCode) and given texts in
// ui/src/i18n/*/codes/booking.ts. A rule about one body member is a fault at
// its JSON pointer (400 validation.failed), a query parameter's a fault
// naming the parameter.
//
// Example:
//   if (taken == 0) return errors::slot_full(capacity);     // 409 booking.slot_full {capacity}
//   if (in.pupils < 1 || in.pupils > 1000) return errors::pupils_out_of_range();  // at /pupils
#pragma once

#include "core/result.hpp"

#include <string>
#include <string_view>

namespace stemnet::booking::errors {

// --- requests and their moves (404 / 403 / 409)
// No request with this id, or the caller is not a party: booking.request_not_found.
Error request_not_found(std::string_view id);
// No published offer of an approved provider: booking.offer_not_found {offer}.
Error offer_not_found(std::string_view offer_id);
// Only a teacher or contact of the school acts for it: booking.not_your_school {school}.
Error not_your_school(std::string_view school);
// The move is not in the state table for this state and side (type
// "illegal-move"): booking.illegal_move {state, move, side, allowed}.
Error illegal_move(std::string_view state, std::string_view move, std::string_view side,
                   std::string_view allowed);
// No such move: booking.unknown_move {move}.
Error unknown_move(std::string_view move);
// The slot has no place left (type "slot-full"): booking.slot_full {capacity}.
Error slot_full(long long capacity);
// Cancelling an accepted booking that has started: booking.cancel_too_late.
Error cancel_too_late();
// Marking as not held before it has ended: booking.not_held_too_early.
Error not_held_too_early();
// Completing before it has ended: booking.complete_too_early.
Error complete_too_early();
// This side has given its feedback already: booking.feedback_given.
Error feedback_given();
// The booking has no agreed time yet (no calendar entry): booking.no_agreed_time.
Error no_agreed_time(std::string_view id);
// No calendar feed has this address: booking.calendar_not_found.
Error calendar_not_found();
// Bookings and feeds are served as <id>.ics: booking.not_a_calendar_file {file}.
Error not_a_calendar_file(std::string_view file);
// Impact of an organisation that is not shown (unknown, or a provider not
// approved): booking.organisation_not_found {organisation}.
Error organisation_not_found(std::string_view organisation);

// --- rules about one member of a request's body
// The school's organisation number fails its check digit: at /school, booking.school_invalid.
Error school_invalid(std::string_view school);
// No school has this number: at /school, booking.school_not_found {school}.
Error school_not_found(std::string_view school);
// A grade is 1 to 13: at /grade, booking.grade_out_of_range {min, max}.
Error grade_out_of_range();
// The same for the query parameter `grade`.
Error grade_query_out_of_range();
// The offer is for other grades: at `pointer` (/grade, or /offer_id for an
// answer), booking.grade_outside_offer {grade, min, max}.
Error grade_outside_offer(std::string pointer, long long grade, long long min, long long max);
// 1 to 1000 pupils: at /pupils, booking.pupils_out_of_range {min, max}.
Error pupils_out_of_range();
// More pupils than the offer takes at once: at /pupils,
// booking.pupils_over_capacity {capacity}; a larger group sends one request per class.
Error pupils_over_capacity(long long capacity);
// A message or answer of 1 to `max` characters: at `pointer`, booking.text_length {min, max}.
Error text_length(std::string pointer, long long min, long long max);
// The offer has no such slot: at /slot_id, booking.slot_not_in_offer {slot}.
Error slot_not_in_offer(std::string_view slot);
// Accepting confirms a slot: at /slot_id, booking.slot_required.
Error slot_required();
// Proposing needs a time: at /time, booking.time_required.
Error time_required();
// Declining, cancelling, not held: say why, at /reason, booking.reason_required.
Error reason_required();
// A feedback score is 1 to 5: at /score, booking.score_out_of_range {min, max}.
Error score_out_of_range();
// A count of pupils is 0 to 1000: at /<member>, booking.count_out_of_range {min, max}.
Error count_out_of_range(std::string_view member);
// Girls and boys together are more than the pupils reached: at
// /pupils_reached, booking.counts_exceed_reached.
Error counts_exceed_reached();
// Girls or boys without the pupils reached: at /pupils_reached, booking.reached_required.
Error reached_required();
// A required member left out, like the edge's own check: validation.missing.
Error missing(std::string_view member);

// --- open requests
// No open request with this id, or the caller may not see it: booking.open_request_not_found.
Error open_request_not_found(std::string_view id);
// The open request is taken or withdrawn (type "illegal-move"):
// booking.open_request_closed {state, move}.
Error open_request_closed(std::string_view state, std::string_view move);
// Only the school takes an answer or withdraws its request: booking.school_only {move}.
Error school_only(std::string_view move);
// The school answers in the thread of a request, not here: booking.school_cannot_answer.
Error school_cannot_answer();
// Only a member of an approved provider answers for it: booking.not_your_provider {organisation}.
Error not_your_provider(std::string_view organisation);
// At least one subject: at /subjects, booking.subjects_required.
Error subjects_required();
// Not one of the subjects: at `pointer` (or the query parameter `subject`), booking.unknown_subject
// {subject}.
Error unknown_subject(std::string pointer, std::string_view subject);
Error unknown_subject_query(std::string_view subject);
// Not one of the formats: at `pointer`, booking.unknown_format {format}.
Error unknown_format(std::string pointer, std::string_view format);
// 1 to 20 weeks: at /weeks, booking.weeks_count {min, max}.
Error weeks_count();
// A week is written 2027-W12: at `pointer`, booking.week_invalid {week}.
Error week_invalid(std::string pointer, std::string_view week);
// The year has no week 53: at `pointer`, booking.no_week_53 {year}.
Error no_week_53(std::string pointer, std::string_view year);
// The week has passed: at `pointer`, booking.week_passed {week}.
Error week_passed(std::string pointer, std::string_view week);
// The wish is 1 to 2000 characters: at /note, booking.note_length {min, max}.
Error note_length();
// A slot belongs to an offer: at /slot_id, booking.slot_needs_offer.
Error slot_needs_offer();
// The caller is in several providers: at /organisation_id, booking.provider_ambiguous.
Error provider_ambiguous();
// No published offer of an approved provider: at /offer_id, booking.offer_not_found {offer}.
Error offer_unknown(std::string_view offer_id);
// A provider answers with its own offers: at /offer_id, booking.offer_not_yours.
Error offer_not_yours();
// No such answer to this open request: at /answer_id, booking.answer_not_found.
Error answer_not_found();
// The answer names no offer, so it cannot be taken: at /answer_id, booking.answer_without_offer.
Error answer_without_offer();
// Query filters of the open requests: booking.state_filter_invalid,
// booking.county_invalid, booking.municipality_invalid (query faults).
Error state_filter_invalid(std::string_view state);
Error county_invalid(std::string_view county);
Error municipality_invalid(std::string_view municipality);
// ?format= of impact is json or csv: booking.impact_format {format}.
Error impact_format(std::string_view format);

}  // namespace stemnet::booking::errors
