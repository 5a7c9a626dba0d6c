// core/time.hpp — calendar dates and local minutes as the API, the imports and
// the database write them, parsed by one set of functions into real values.
//
// Every date or time that enters stemnet (a slot's start and end, a proposed
// time, a round's period, ...) goes through parse_date / parse_minute or their
// read_* forms, which turn anything that is not a real calendar value into an
// Error::invalid naming the field. Code that reads stored values uses the
// parse_* forms and skips (and reports) a value that is not real, never throws.
//
// Example:
//   auto start = read_minute("starts_at", body_text);     // 400 naming starts_at if bad
//   if (!start) return start.error();
//   Minute end = plus_minutes(*start, 90);
//   std::string stored = format(end);                      // "2027-03-16T10:30"
#pragma once

#include "core/result.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace stemnet {

// The years a date or time may name: far enough back for history, far enough
// ahead for planning, and nothing that overflows a calendar computation.
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2199;

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..28/29/30/31, as the month has
  friend auto operator<=>(const Date&, const Date&) = default;
};

// A local wall-clock time to the minute (Norwegian local time in bookings).
struct Minute {
  Date date;
  int hour = 0;    // 0..23
  int minute = 0;  // 0..59
  friend auto operator<=>(const Minute&, const Minute&) = default;
};

// "YYYY-MM-DD" exactly, a real day between kMinYear and kMaxYear; else nullopt.
std::optional<Date> parse_date(std::string_view text);
// "YYYY-MM-DDTHH:MM" exactly, a real minute of a real day; else nullopt.
std::optional<Minute> parse_minute(std::string_view text);
// The same, as an Error::invalid naming `field` (the JSON member or parameter).
Result<Date> read_date(std::string_view field, std::string_view text);
Result<Minute> read_minute(std::string_view field, std::string_view text);

std::string format(const Date& d);    // "2027-03-16"
std::string format(const Minute& m);  // "2027-03-16T09:00"
// "20270316T090000", the local DATE-TIME form of iCalendar (RFC 5545).
std::string format_ical(const Minute& m);

// The day `n` days later (earlier when negative).
Date add_days(const Date& d, long n);

// The minute `minutes` later by the wall clock (days and months roll over).
Minute plus_minutes(const Minute& m, long minutes);

// The ISO 8601 week of a date, "2027-W11". Week 1 holds the year's first
// Thursday, so 2027-01-01 (a Friday) is in "2026-W53".
std::string iso_week(const Date& d);

// The operator's log line for a stored time that is not a real time (stored
// before every time was parsed): readers skip the row and say so with it.
//   "stemnet: warning: request 'abc' has a stored time that is not a real
//    time ('!!!!-!!-!!T!!:!!'); left out\n"
std::string stored_time_warning(std::string_view what, std::string_view id, std::string_view value);

// A statistical period as publishers write them, naming real years between
// kMinYear and kMaxYear: a year "2024", a school year "2024-25" or
// "2024-2025", SSB's month "2024M03", quarter "2024K1" and half "2024H2", or
// a day "2024-03-01". Imports refuse anything else (naming the row).
bool valid_period(std::string_view period);

}  // namespace stemnet
