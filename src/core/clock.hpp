// core/clock.hpp — wall-clock time as the database and the API write it.
#pragma once

#include <ctime>
#include <string>
#include <string_view>

namespace stemnet {

// The current UTC time as ISO 8601 with seconds, e.g. "2026-11-23T23:36:32Z".
std::string utc_now_iso();
// The same with milliseconds, e.g. "2026-11-23T23:36:32.125Z", where order
// within a second matters.
std::string utc_now_iso_ms();

// A moment formatted with strftime in UTC or in local time (the process's
// TZ, Europe/Oslo unless the operator says otherwise).
std::string format_utc(std::time_t t, const char* format);
std::string format_local(std::time_t t, const char* format);
// Local time now to the minute, "YYYY-MM-DDTHH:MM": how bookings write times.
std::string local_minute_now();

// The ISO 8601 week of a date "YYYY-MM-DD" (or a time starting with one),
// as "2027-W11"; "" when it is not a date. Week 1 holds the year's first
// Thursday, so 2027-01-01 (a Friday) is in "2026-W53".
std::string iso_week(std::string_view date);

}  // namespace stemnet
