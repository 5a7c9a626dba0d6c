#include "booking/ical.hpp"

namespace stemnet::booking {
namespace {

// Lines longer than 75 octets are folded (CRLF and a space), never inside a
// UTF-8 character.
void line(std::string& out, std::string content) {
  // The last guard: a CR or LF would end the line early and start another.
  std::erase_if(content, [](char c) { return c == '\r' || c == '\n'; });
  std::size_t start = 0, width = 75;
  while (content.size() - start > width) {
    std::size_t cut = start + width;
    while (cut > start && (static_cast<unsigned char>(content[cut]) & 0xC0) == 0x80) --cut;
    out += content.substr(start, cut - start) + "\r\n ";
    start = cut;
    width = 74;  // the leading space counts
  }
  out += content.substr(start) + "\r\n";
}

}  // namespace

std::string ical_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

std::string to_ical(const std::vector<Event>& events, const std::string& method) {
  std::string out;
  line(out, "BEGIN:VCALENDAR");
  line(out, "VERSION:2.0");
  line(out, "PRODID:-//stemnet//bookings//NB");
  line(out, "CALSCALE:GREGORIAN");
  line(out, "METHOD:" + method);
  // The zone the local times are in (RFC 5545 wants its definition along).
  for (const char* l :
       {"BEGIN:VTIMEZONE", "TZID:Europe/Oslo", "BEGIN:STANDARD", "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
        "TZNAME:CET", "END:STANDARD", "BEGIN:DAYLIGHT", "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
        "TZNAME:CEST", "END:DAYLIGHT", "END:VTIMEZONE"}) {
    line(out, l);
  }
  for (const auto& e : events) {
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + e.uid);
    line(out, "SEQUENCE:" + std::to_string(e.sequence));
    line(out, "DTSTAMP:" + e.stamp);
    line(out, "DTSTART;TZID=Europe/Oslo:" + format_ical(e.starts_at));
    line(out, "DTEND;TZID=Europe/Oslo:" + format_ical(e.ends_at));
    line(out, "SUMMARY:" + ical_text(e.summary));
    if (!e.location.empty()) line(out, "LOCATION:" + ical_text(e.location));
    if (!e.description.empty()) line(out, "DESCRIPTION:" + ical_text(e.description));
    line(out, std::string("STATUS:") + (e.cancelled ? "CANCELLED" : "CONFIRMED"));
    line(out, "END:VEVENT");
  }
  line(out, "END:VCALENDAR");
  return out;
}

}  // namespace stemnet::booking
