#include "booking/ical.hpp"

#include <gtest/gtest.h>

namespace stemnet::booking {
namespace {

TEST(Ical, EventWithStableUidAndSequence) {
  Event e{"abc@stemnet.no",
          3,
          *parse_minute("2026-03-16T09:00"),
          *parse_minute("2026-03-16T11:00"),
          "Besøk på kraftverket",
          "Kraftveien 1, Skiptvet",
          "Klasse 9B",
          false,
          "20260301T120000Z"};
  const std::string ics = to_ical({e}, "PUBLISH");
  EXPECT_TRUE(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  EXPECT_NE(ics.find("\r\nUID:abc@stemnet.no\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nSEQUENCE:3\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nDTSTART;TZID=Europe/Oslo:20260316T090000\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nLOCATION:Kraftveien 1\\, Skiptvet\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nSTATUS:CONFIRMED\r\n"), std::string::npos);
  EXPECT_NE(ics.find("BEGIN:VTIMEZONE\r\nTZID:Europe/Oslo\r\n"), std::string::npos);
  EXPECT_TRUE(ics.ends_with("END:VCALENDAR\r\n"));
}

TEST(Ical, CancellationAndEscaping) {
  Event e{"x@stemnet.no",
          5,
          *parse_minute("2026-03-16T09:00"),
          *parse_minute("2026-03-16T11:00"),
          "a;b,c\\d\ne",
          "",
          "",
          true,
          "20260301T120000Z"};
  const std::string ics = to_ical({e}, "CANCEL");
  EXPECT_NE(ics.find("METHOD:CANCEL\r\n"), std::string::npos);
  EXPECT_NE(ics.find("STATUS:CANCELLED\r\n"), std::string::npos);
  EXPECT_NE(ics.find("SUMMARY:a\\;b\\,c\\\\d\\ne\r\n"), std::string::npos);
}

TEST(Ical, LongLinesFoldAt75OctetsBetweenCharacters) {
  Event e{"y@stemnet.no",
          0,
          *parse_minute("2026-03-16T09:00"),
          *parse_minute("2026-03-16T11:00"),
          std::string(100, 'x') + std::string(40, '\xC3'),
          "",
          "",
          false,
          "20260301T120000Z"};
  e.summary = "";
  for (int i = 0; i < 60; ++i) e.summary += "ø";
  const std::string ics = to_ical({e}, "PUBLISH");
  std::size_t start = 0;
  while (start < ics.size()) {
    const std::size_t end = ics.find("\r\n", start);
    EXPECT_LE(end - start, 75u);
    const std::string l = ics.substr(start, end - start);
    // No line begins inside a UTF-8 character (after the folding space).
    if (l.size() > 1 && l[0] == ' ') {
      EXPECT_NE(static_cast<unsigned char>(l[1]) & 0xC0, 0x80);
    }
    start = end + 2;
  }
}

TEST(Ical, NoCarriageReturnOrLineFeedOfAFieldStartsALine) {
  Event e{"z@stemnet.no\r\nATTENDEE:mailto:evil@example.org",
          1,
          *parse_minute("2026-03-16T09:00"),
          *parse_minute("2026-03-16T11:00"),
          "a\r\nX-INJECTED:1",
          "b\rX-INJECTED:2",
          "c\nX-INJECTED:3",
          false,
          "20260301T120000Z\r\nX-INJECTED:4"};
  const std::string ics = to_ical({e}, "PUBLISH\r\nX-INJECTED:5");
  EXPECT_EQ(ics.find("\r\nX-INJECTED"), std::string::npos) << ics;
  EXPECT_EQ(ics.find("\r\nATTENDEE"), std::string::npos) << ics;
  // Every CR is followed by LF, every LF preceded by CR: no bare line breaks.
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics[i] == '\r') {
      EXPECT_EQ(ics[i + 1], '\n') << i;
    }
    if (ics[i] == '\n') {
      EXPECT_EQ(ics[i - 1], '\r') << i;
    }
  }
}

}  // namespace
}  // namespace stemnet::booking
