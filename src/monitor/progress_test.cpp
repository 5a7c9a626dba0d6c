#include "monitor/progress.hpp"

#include <gtest/gtest.h>

namespace stemnet::monitor {
namespace {

struct Case {
  const char* name;
  std::vector<Point> series;
  double target;
  int year;
  const char* direction;
  const char* want;
};

TEST(Progress, States) {
  const Case cases[] = {
      {"no data", {}, 50, 2030, "higher_is_better", "unknown"},
      {"reached", {{2023, 48}, {2024, 51}}, 50, 2030, "higher_is_better", "reached"},
      {"one value short", {{2024, 40}}, 50, 2030, "higher_is_better", "unknown"},
      {"rising fast enough",
       {{2022, 40}, {2023, 42}, {2024, 44}},
       50,
       2027,
       "higher_is_better",
       "on_track"},
      {"rising too slowly",
       {{2022, 40}, {2023, 40.5}, {2024, 41}},
       50,
       2027,
       "higher_is_better",
       "behind"},
      {"falling", {{2022, 44}, {2023, 42}, {2024, 40}}, 50, 2030, "higher_is_better", "behind"},
      {"lower is better, reached", {{2024, 9}}, 10, 2030, "lower_is_better", "reached"},
      {"lower is better, falling",
       {{2022, 20}, {2023, 18}, {2024, 16}},
       10,
       2027,
       "lower_is_better",
       "on_track"},
      {"only the last three count",
       {{2010, 0}, {2022, 40}, {2023, 42}, {2024, 44}},
       50,
       2027,
       "higher_is_better",
       "on_track"},
      {"unsorted input",
       {{2024, 44}, {2022, 40}, {2023, 42}},
       50,
       2027,
       "higher_is_better",
       "on_track"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(progress(c.series, c.target, c.year, c.direction).state, c.want) << c.name;
  }
}

TEST(Progress, ProjectsAlongTheTrend) {
  auto p = progress({{2022, 40}, {2023, 42}, {2024, 44}}, 50, 2027, "higher_is_better");
  ASSERT_TRUE(p.projected.has_value());
  EXPECT_DOUBLE_EQ(*p.projected, 50.0);
}

TEST(PeriodYear, FirstFourDigits) {
  EXPECT_EQ(period_year("2025-26"), 2025);
  EXPECT_EQ(period_year("2024"), 2024);
  EXPECT_EQ(period_year("2024K3"), 2024);
  EXPECT_FALSE(period_year("24").has_value());
  EXPECT_FALSE(period_year("Q3-2024").has_value());
}

}  // namespace
}  // namespace stemnet::monitor
