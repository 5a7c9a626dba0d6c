#include "monitor/jsonstat/model.hpp"

#include "monitor/jsonstat/read.hpp"
#include "monitor/jsonstat/write.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace stemnet::monitor::jsonstat {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(Values, DenseSparseAndText) {
  Values dense(std::vector<double>{1, kNaN, 3});
  EXPECT_TRUE(dense.dense());
  EXPECT_EQ(dense.count(), 2u);
  EXPECT_FALSE(dense.number(1));
  EXPECT_FALSE(dense.number(3));  // past the end

  Values sparse = Values::sparse(1000, {{900, 9}, {5, 0.5}, {5, 1.5}, {2000, 1}, {7, kNaN}});
  EXPECT_FALSE(sparse.dense());
  EXPECT_EQ(sparse.count(), 2u);  // 5 (the last entry wins) and 900
  EXPECT_EQ(sparse.number(5), 1.5);
  EXPECT_EQ(sparse.number(900), 9);
  sparse.set_text(900, "n/a");
  EXPECT_FALSE(sparse.number(900));
  EXPECT_EQ(sparse.text(900), "n/a");
  sparse.set(900, 4);
  EXPECT_FALSE(sparse.text(900));

  // Dense when a quarter or more of the cells hold a value; equal either way.
  Values a = Values::sparse(4, {{0, 1}, {3, 4}});
  Values b(std::vector<double>{1, kNaN, kNaN, 4});
  EXPECT_TRUE(a.dense());
  EXPECT_EQ(a, b);
  b.set(1, 2);
  EXPECT_NE(a, b);
}

TEST(Statuses, FormsAndLimits) {
  Statuses all = Statuses::all(3, "e");
  EXPECT_TRUE(all.uniform());
  EXPECT_EQ(all.count(), 3u);
  ASSERT_TRUE(all.set(1, ""));
  EXPECT_FALSE(all.uniform());
  EXPECT_EQ(all.at(1), "");
  EXPECT_EQ(all.at(2), "e");

  Statuses s(100000);
  ASSERT_TRUE(s.set(99999, "p"));
  EXPECT_EQ(s.count(), 1u);
  EXPECT_EQ(s.at(99999), "p");
  for (std::size_t i = 0; i < Statuses::kMaxDistinct - 1; ++i) {
    ASSERT_TRUE(s.set(i, "s" + std::to_string(i)));
  }
  EXPECT_EQ(s.distinct().size(), Statuses::kMaxDistinct);
  EXPECT_FALSE(s.set(70000, "one too many"));
  EXPECT_TRUE(s.set(70000, "s7"));  // an existing one is fine
}

TEST(Dataset, BuiltByHandWritesAndReadsBack) {
  Dataset ds;
  ds.label = "Pupils by county and year";
  Dimension county;
  county.id = "county";
  county.categories = {{.id = "03", .label = "Oslo"}, {.id = "46", .label = "Vestland"}};
  Dimension year;
  year.id = "year";
  year.categories = {{.id = "2023"}, {.id = "2024"}, {.id = "2025"}};
  ASSERT_TRUE(county.reindex());
  ASSERT_TRUE(year.reindex());
  ds.dimensions = {county, year};
  ds.roles["geo"] = {"county"};
  ds.roles["time"] = {"year"};
  ds.values = Values(ds.cell_count());
  ds.values.set(4, 61234);
  ds.statuses = Statuses(ds.cell_count());
  ASSERT_TRUE(ds.statuses.set(4, "p"));

  const std::array<std::string_view, 2> at{"46", "2024"};
  EXPECT_EQ(ds.flat_index(std::span<const std::string_view>(at)), 4u);
  EXPECT_EQ(ds.cell(std::span<const std::string_view>(at))->value, 61234);

  const std::string json = write(ds);
  EXPECT_NE(json.find(R"("value":{"4":61234},"status":{"4":"p"})"), std::string::npos) << json;
  auto back = read_dataset(json, "built.json");
  ASSERT_TRUE(back) << back.error().where_and_what();
  EXPECT_EQ(*back, ds);

  Dimension twice;
  twice.categories = {{.id = "a"}, {.id = "a"}};
  EXPECT_FALSE(twice.reindex());
}

}  // namespace
}  // namespace stemnet::monitor::jsonstat
