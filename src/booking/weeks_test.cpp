#include "booking/weeks.hpp"

#include <gtest/gtest.h>

namespace stemnet::booking {
namespace {

TEST(WishedWeeks, ReadAsPeopleWriteThem) {
  EXPECT_EQ(wished_weeks({"2027-W04", "2027-W05", "2027-W06", "2027-W07", "2027-W08"}),
            "uke 4\u20138 2027");
  EXPECT_EQ(wished_weeks({"2027-W14", "2027-W12"}), "uke 12 og 14 2027");
  EXPECT_EQ(wished_weeks({"2027-W02", "2027-W03", "2027-W09", "2027-W12", "2027-W13"}),
            "uke 2\u20133, 9 og 12\u201313 2027");
  EXPECT_EQ(wished_weeks({"2027-W01", "2026-W52", "2026-W53"}),
            "uke 52\u201353 2026 og uke 1 2027");
  EXPECT_EQ(wished_weeks({"2027-W10", "2027-W10"}), "uke 10 2027");
  EXPECT_EQ(wished_weeks({}), "");
  EXPECT_EQ(wished_weeks({"2027-W54", "neste vår"}), "2027-W54, neste vår");
}

}  // namespace
}  // namespace stemnet::booking
