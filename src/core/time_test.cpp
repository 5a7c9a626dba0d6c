#include "core/time.hpp"

#include <gtest/gtest.h>

namespace stemnet {
namespace {

TEST(ParseMinute, RealMinutesParseAndFormatBack) {
  for (const char* good : {"2027-03-16T09:00", "2028-02-29T23:59", "1900-01-01T00:00",
                           "2199-12-31T12:30", "2027-12-31T00:00"}) {
    auto m = parse_minute(good);
    ASSERT_TRUE(m) << good;
    EXPECT_EQ(format(*m), good);
  }
}

TEST(ParseMinute, AnythingElseIsRefused) {
  for (const char* bad : {"!!!!-!!-!!T!!:!!",  "",
                          "2027-03-16",        "2027-03-16T09:00:00",
                          "2027-03-16 09:00",  "2027-02-29T10:00",
                          "2027-13-01T10:00",  "2027-00-10T10:00",
                          "2027-04-31T10:00",  "2027-03-16T24:00",
                          "2027-03-16T09:60",  "1899-12-31T23:59",
                          "2200-01-01T00:00",  "+027-03-16T09:00",
                          "2027-03-16T09:0\n", "2027-03-16T09:00\r\nX-Evil: 1",
                          "2027-3-16T09:00",   "-027-03-16T09:00",
                          "2027-03-16T-9:00",  "２０２７-03-16T09:00"}) {
    EXPECT_FALSE(parse_minute(bad)) << bad;
    auto r = read_minute("time", bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().param, "time");
    EXPECT_EQ(r.error().kind, ErrorKind::invalid_input);
  }
}

TEST(ParseDate, RealDaysOnly) {
  EXPECT_TRUE(parse_date("2024-02-29"));
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_FALSE(parse_date("2023-02-2x"));
  EXPECT_FALSE(parse_date("20230228"));
  EXPECT_FALSE(parse_date("2023-02-28T10:00"));
  EXPECT_EQ(format(*parse_date("2027-01-04")), "2027-01-04");
  EXPECT_EQ(read_date("from", "nope").error().param, "from");
}

TEST(PlusMinutes, RollsOverDaysMonthsAndYears) {
  const Minute m = *parse_minute("2027-12-31T23:30");
  EXPECT_EQ(format(plus_minutes(m, 45)), "2028-01-01T00:15");
  EXPECT_EQ(format(plus_minutes(m, 0)), "2027-12-31T23:30");
  EXPECT_EQ(format(plus_minutes(*parse_minute("2028-02-28T10:00"), 24 * 60)), "2028-02-29T10:00");
  EXPECT_EQ(format(plus_minutes(*parse_minute("2027-03-01T00:10"), -20)), "2027-02-28T23:50");
  EXPECT_EQ(format_ical(*parse_minute("2027-03-16T09:05")), "20270316T090500");
}

TEST(Minute, OrdersByTime) {
  EXPECT_LT(*parse_minute("2027-03-16T09:00"), *parse_minute("2027-03-16T10:00"));
  EXPECT_LT(*parse_minute("2026-12-31T23:59"), *parse_minute("2027-01-01T00:00"));
}

TEST(ValidPeriod, PeriodsAsPublishersWriteThem) {
  for (const char* good : {"2024", "2024-25", "2024-2025", "2024M03", "2024M12", "2024K1", "2024K4",
                           "2024H2", "2024-03-01", "1999-00", "2099"}) {
    EXPECT_TRUE(valid_period(good)) << good;
  }
  for (const char* bad :
       {"", "24", "!!!!", "2024-26", "2024-2026", "2024M13", "2024M00", "2024K5", "2024K0",
        "2024H3", "2024-02-30", "1899", "2200", "2024 ", "2024-25\n", "20245", "2024M3"}) {
    EXPECT_FALSE(valid_period(bad)) << bad;
  }
}

}  // namespace
}  // namespace stemnet
