// core/clock.hpp — wall-clock time as the database and the API write it.
#pragma once

#include <ctime>
#include <string>

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

}  // namespace stemnet
