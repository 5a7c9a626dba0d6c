#include "core/clock.hpp"

#include <gtest/gtest.h>

namespace stemnet {
namespace {

TEST(IsoWeek, KnownDatesAndYearEdges) {
  EXPECT_EQ(iso_week("2026-11-24"), "2026-W48");
  EXPECT_EQ(iso_week("2027-03-16T09:00"), "2027-W11");
  EXPECT_EQ(iso_week("2027-01-01"), "2026-W53");  // a Friday: the old year's last week
  EXPECT_EQ(iso_week("2027-01-04"), "2027-W01");  // the first Monday of 2027's week 1
  EXPECT_EQ(iso_week("2024-12-30"), "2025-W01");  // a Monday in the new year's week 1
  EXPECT_EQ(iso_week("2020-12-31"), "2020-W53");
  EXPECT_EQ(iso_week("2027-02-30"), "");
  EXPECT_EQ(iso_week("27-03-16"), "");
  EXPECT_EQ(iso_week("2027-x3-16"), "");
}

}  // namespace
}  // namespace stemnet
