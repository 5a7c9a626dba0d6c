// booking/ical.hpp — a booking as an iCalendar event (RFC 5545).
//
// UID is stable for the request, SEQUENCE grows with every change, a
// cancelled booking is sent with METHOD:CANCEL and STATUS:CANCELLED so that
// calendars remove it. Times are local (TZID=Europe/Oslo).
// Example:
//   std::string ics = to_ical({event}, "PUBLISH");
#pragma once

#include "core/time.hpp"

#include <string>
#include <vector>

namespace stemnet::booking {

struct Event {
  std::string uid;
  int sequence = 0;
  Minute starts_at, ends_at;  // local time
  std::string summary, location, description;
  bool cancelled = false;
  std::string stamp;  // "YYYYMMDDTHHMMSSZ", when written
};

// A VCALENDAR with the events; `method` PUBLISH or CANCEL. No CR or LF of any
// field reaches a line: TEXT is escaped, and every line is stripped of them.
std::string to_ical(const std::vector<Event>& events, const std::string& method);
// RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines.
std::string ical_text(const std::string& s);

}  // namespace stemnet::booking
