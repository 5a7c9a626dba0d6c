#include "monitor/jsonstat/table.hpp"

#include "monitor/jsonstat/read.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace stemnet::monitor::jsonstat {
namespace {

Dataset sample(const std::string& name) {
  auto doc = read_file("tests/fixtures/jsonstat/samples/" + name);
  EXPECT_TRUE(doc) << doc.error().where_and_what();
  return doc && !doc->datasets.empty() ? doc->datasets.front() : Dataset{};
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string table_text(const Dataset& ds, TableFormat format, Content content) {
  std::ostringstream out;
  write_table(ds, format, content, out);
  return out.str();
}

TEST(Table, CanadaAsCsvWithIdsAndLabels) {
  const Dataset ds = sample("canada.json");
  auto ids = lines(table_text(ds, TableFormat::csv, Content::id));
  ASSERT_EQ(ids.size(), 121u);
  EXPECT_EQ(ids[0], "country,year,age,concept,sex,value,status");
  EXPECT_EQ(ids[1], "CA,2012,T,POP,T,34880.5,a");
  EXPECT_EQ(ids[120], "CA,2012,older,PERCENT,F,1,a");

  auto labels = lines(table_text(ds, TableFormat::csv, Content::label));
  EXPECT_EQ(labels[0], "country,year,age group,concepts,sex,Value,Status");
  EXPECT_EQ(labels[5], "Canada,2012,total,weight of age group in the population,male,100,a");
}

TEST(Table, QuotingAndMissingValues) {
  auto ds = read_dataset(R"({"version":"2.0","class":"dataset","id":["place"],"size":[3],
      "dimension":{"place":{"label":"place, \"town\"","category":{"index":["a","b","c"],
      "label":{"a":"Mo i Rana","b":"Oslo, \"capital\"","c":"two\nlines\tand tab"}}}},
      "value":[1.5,null,"n/a"]})",
                         "mem.json");
  ASSERT_TRUE(ds) << ds.error().where_and_what();
  EXPECT_EQ(table_text(*ds, TableFormat::csv, Content::label),
            "\"place, \"\"town\"\"\",Value\n"
            "Mo i Rana,1.5\n"
            "\"Oslo, \"\"capital\"\"\",\n"
            "\"two\nlines\tand tab\",n/a\n");
  EXPECT_EQ(table_text(*ds, TableFormat::tsv, Content::label),
            "place, \"town\"\tValue\n"
            "Mo i Rana\t1.5\n"
            "Oslo, \"capital\"\t\n"
            "two lines and tab\tn/a\n");
}

TEST(Table, UsLaborLabelsNeedQuotes) {
  const Dataset ds = sample("us-labor.json");
  auto rows = lines(table_text(ds, TableFormat::csv, Content::label));
  ASSERT_EQ(rows.size(), 12881u);
  EXPECT_EQ(rows[0], "year,county,labor force status,Value");
  EXPECT_EQ(rows[1], "2012,\"Autauga County, AL\",labor force,25480");
  EXPECT_EQ(rows[4], "2012,\"Autauga County, AL\",unemployment rate,6.5");
}

TEST(Table, RowsByIndexMatchTheWalk) {
  const Dataset ds = sample("galicia.json");
  const Table table(ds, Content::id);
  EXPECT_EQ(table.rows(), 3960u);
  EXPECT_FALSE(table.has_status());
  std::size_t n = 0;
  std::vector<std::string_view> categories;
  table.for_each([&](std::span<const std::string_view> walked, const Cell& cell) {
    const Cell by_index = table.row(n, categories);
    ASSERT_EQ(categories.size(), walked.size());
    for (std::size_t d = 0; d < walked.size(); ++d) EXPECT_EQ(categories[d], walked[d]);
    EXPECT_EQ(by_index.value, cell.value);
    ++n;
  });
  EXPECT_EQ(n, 3960u);
  const Cell missing = table.row(3278, categories);
  EXPECT_FALSE(missing.value);
  EXPECT_EQ(categories[0], "A");  // born in another autonomous community
}

}  // namespace
}  // namespace stemnet::monitor::jsonstat
