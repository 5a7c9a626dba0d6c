#include "app/demo_calendar.hpp"

#include <gtest/gtest.h>

namespace stemnet::app {
namespace {

TEST(DemoCalendar, EasterAndThePublicHolidays) {
  EXPECT_EQ(iso(easter_sunday(2026)), "2026-04-05");
  EXPECT_EQ(iso(easter_sunday(2027)), "2027-03-28");
  EXPECT_EQ(iso(easter_sunday(2028)), "2028-04-16");
  for (const Date d : {Date{2027, 3, 25}, Date{2027, 3, 26}, Date{2027, 3, 29}, Date{2027, 5, 6},
                       Date{2027, 5, 17}, Date{2027, 5, 17}, Date{2026, 12, 25}}) {
    EXPECT_TRUE(is_public_holiday(d)) << iso(d);
  }
  EXPECT_FALSE(is_public_holiday(Date{2027, 3, 24}));
}

TEST(DemoCalendar, SchoolDaysAvoidWeekendsHolidaysAndBreaks) {
  EXPECT_TRUE(is_school_day(Date{2027, 1, 12}));    // a Tuesday in January
  EXPECT_FALSE(is_school_day(Date{2027, 1, 16}));   // a Saturday
  EXPECT_FALSE(is_school_day(Date{2027, 2, 22}));   // week 8, winter break
  EXPECT_FALSE(is_school_day(Date{2026, 10, 1}));   // week 40, autumn break
  EXPECT_FALSE(is_school_day(Date{2026, 12, 21}));  // Christmas
  EXPECT_FALSE(is_school_day(Date{2027, 3, 23}));   // Easter week
  EXPECT_FALSE(is_school_day(Date{2027, 7, 1}));    // summer
  EXPECT_TRUE(is_school_day(Date{2026, 11, 17}));
  EXPECT_EQ(iso(add_days(Date{2026, 12, 30}, 3)), "2027-01-02");
}

}  // namespace
}  // namespace stemnet::app
