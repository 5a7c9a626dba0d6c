#include "core/file.hpp"
#include "monitor/area.hpp"
#include "monitor/catalogue.hpp"
#include "monitor/import.hpp"
#include "monitor/store.hpp"
#include "monitor_db.hpp"
#include "registry/import.hpp"

#include <gtest/gtest.h>

#include <set>

namespace stemnet::monitor {
namespace {

const std::string kCatalogue = "data/indicators/catalogue.json";
const std::string kFixtures = "tests/fixtures/monitor/";

std::vector<Indicator> shipped_catalogue() {
  auto bytes = read_file(kCatalogue);
  EXPECT_TRUE(bytes);
  auto list = read_catalogue(*bytes, kCatalogue);
  EXPECT_TRUE(list) << list.error().where_and_what();
  return list ? *list : std::vector<Indicator>{};
}

TEST(Catalogue, ShipsTheChainWithSources) {
  auto list = shipped_catalogue();
  EXPECT_GE(list.size(), 15u);
  std::set<std::string> stages;
  for (const auto& ind : list) {
    stages.insert(ind.stage);
    EXPECT_FALSE(ind.name.nb.empty()) << ind.id;
    EXPECT_FALSE(ind.name.en.empty()) << ind.id;
    EXPECT_FALSE(ind.licence.empty()) << ind.id;
    EXPECT_FALSE(ind.attribution.empty()) << ind.id;
  }
  for (const char* s : {"primary", "lower_secondary", "upper_secondary", "higher_education",
                        "labour_market", "engagement"}) {
    EXPECT_TRUE(stages.count(s)) << s;
  }
}

TEST(Catalogue, RejectsBadEntriesNamingThePath) {
  struct Case {
    const char* json;
    const char* message;
  };
  const std::string good_rest =
      R"("names":{"nb":"a","nn":"a","en":"a"},"definition":{"nb":"d","en":"d"},"unit":"u","decimals":0,)"
      R"("direction":"neutral","levels":["country"],"breakdowns":[],)"
      R"("source":{"name":"SSB","licence":"NLOD","attribution":"SSB"},"fetch":{"kind":"file"})";
  const Case cases[] = {
      {"{}", "indicators: expected an array"},
      {R"({"indicators":[{"id":"Bad Id","stage":"primary",)"
       "X"
       "}]}",
       "indicators[0].id"},
      {R"({"indicators":[{"id":"a","stage":"kindergarten",)"
       "X"
       "}]}",
       "indicators[0].stage: unknown chain stage"},
      {R"({"indicators":[{"id":"a","stage":"primary",)"
       "X"
       R"(},{"id":"a","stage":"primary",)"
       "X"
       "}]}",
       "indicators[1].id: 'a' is already used"},
  };
  for (const auto& c : cases) {
    std::string json = c.json;
    for (std::size_t at; (at = json.find("\"X\"")) != std::string::npos;)
      json.replace(at, 3, good_rest);
    for (std::size_t at; (at = json.find(",X")) != std::string::npos;)
      json.replace(at, 2, "," + good_rest);
    auto r = read_catalogue(json, "cat.json");
    ASSERT_FALSE(r) << json;
    EXPECT_NE(r.error().where_and_what().find(c.message), std::string::npos)
        << r.error().where_and_what();
  }
}

TEST(Area, NormalisesPublishersCodes) {
  struct Case {
    const char* in;
    AreaHint hint;
    AreaRef want;
  };
  const Case good[] = {
      {"K-0301", AreaHint::any, {"municipality", "0301"}},
      {"0301", AreaHint::any, {"municipality", "0301"}},
      {"F-03", AreaHint::any, {"county", "03"}},
      {"03", AreaHint::any, {"county", "03"}},
      {"3200", AreaHint::county, {"county", "32"}},
      {"3201", AreaHint::county, {"municipality", "3201"}},
      {"0", AreaHint::any, {"country", "NO"}},
      {"EAFK", AreaHint::any, {"country", "NO"}},
      {"EAK", AreaHint::any, {"country", "NO"}},
      {" NO ", AreaHint::any, {"country", "NO"}},
      {"974795655", AreaHint::any, {"school", "974795655"}},
  };
  for (const auto& c : good) {
    auto r = normalize_area(c.in, c.hint);
    ASSERT_TRUE(r) << c.in;
    EXPECT_EQ(*r, c.want) << c.in;
  }
  for (const char* bad : {"K-21-22", "K-23", "K-Rest", "", "Oslo", "974795656", "F-3"}) {
    auto r = normalize_area(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().param, "area");
  }
}

class MonitorImport : public ::testing::Test {
 protected:
  void SetUp() override { pool_ = stemnet::testing::monitor_db(); }
  std::int64_t count(const std::string& where) {
    auto c = pool_->acquire();
    auto rows = (*c)->query("SELECT COUNT(*) FROM indicator_value WHERE " + where);
    EXPECT_TRUE(rows) << where;
    return rows ? (*rows)[0].integer(0) : -1;
  }
  std::unique_ptr<db::Pool> pool_;
};

TEST_F(MonitorImport, UdirFilesWithExactCounts) {
  auto r = import_udir(
      *pool_, {"data/reference/schools/udir_nasjonale_prover_5trinn_2025-26.utf16.tsv",
               "data/reference/schools/udir_nasjonale_prover_ungdomstrinn_2025-26.utf16.tsv"});
  ASSERT_TRUE(r) << r.error().where_and_what();
  ASSERT_EQ(r->size(), 2u);
  // 2 445 rows × 9 measure cells; 1 527 × 9.
  EXPECT_EQ((*r)[0].cells, 2445 * 9);
  EXPECT_EQ((*r)[1].cells, 1527 * 9);
  // Every `*` stays suppressed, every empty cell missing; none is a number.
  EXPECT_EQ(count("indicator_id LIKE '%\\_5' ESCAPE '\\' AND status = '*'"), 6063);
  EXPECT_EQ(count("indicator_id LIKE '%\\_5' ESCAPE '\\' AND status = '..'"), 225);
  EXPECT_EQ(count("indicator_id LIKE '%\\_8' ESCAPE '\\' AND status = '*'"), 3279);
  EXPECT_EQ(count("indicator_id LIKE '%\\_8' ESCAPE '\\' AND status = '..'"), 234);
  EXPECT_EQ(count("status <> '' AND value IS NOT NULL"), 0);
  // Schools at the school level: 2 071 + 1 155 schools × 3 measures per subject.
  EXPECT_EQ(count("indicator_id = 'national_test_numeracy_5' AND area_level = 'school'"), 2071 * 3);
  EXPECT_EQ(count("indicator_id = 'national_test_numeracy_8' AND area_level = 'school'"), 1155 * 3);

  Store store(*pool_);
  auto oslo = store.cells(
      {"national_test_numeracy_5", "municipality", "0301", "2025-26", {{"measure", "score"}}});
  ASSERT_TRUE(oslo);
  ASSERT_EQ(oslo->size(), 1u);
  EXPECT_EQ((*oslo)[0].value, 52.0);

  auto again = import_udir(
      *pool_, {"data/reference/schools/udir_nasjonale_prover_5trinn_2025-26.utf16.tsv"});
  ASSERT_TRUE(again);
  EXPECT_TRUE((*again)[0].already_imported);
}

TEST_F(MonitorImport, UdirColumnsBySexAreSeparateCells) {
  auto r = import_udir(*pool_, {"tests/fixtures/udir/by-sex.utf16.tsv"});
  ASSERT_TRUE(r) << r.error().where_and_what();
  EXPECT_EQ((*r)[0].cells, 2 * 6);
  Store store(*pool_);
  auto national =
      store.cells({"national_test_numeracy_5", "country", "NO", "2025-26", {{"measure", "score"}}});
  ASSERT_TRUE(national);
  ASSERT_EQ(national->size(), 3u);  // all, boys, girls: three figures, none lost
  EXPECT_EQ((*national)[0].breakdown, "measure=score");
  EXPECT_EQ((*national)[0].value, 49.0);
  EXPECT_EQ((*national)[1].breakdown, "measure=score;sex=1");
  EXPECT_EQ((*national)[1].value, 50.0);
  EXPECT_EQ((*national)[2].breakdown, "measure=score;sex=2");
  EXPECT_EQ((*national)[2].value, 48.0);
  auto school =
      store.cells({"national_test_numeracy_5", "school", "990334021", "2025-26", {{"sex", "2"}}});
  ASSERT_TRUE(school);
  ASSERT_EQ(school->size(), 2u);
  EXPECT_EQ((*school)[0].status, "*");
}

TEST_F(MonitorImport, UdirNeedsTheSchoolsInTheRegistry) {
  const std::string before = stemnet::testing::dump(*pool_);
  auto r = import_udir(*pool_, {"tests/fixtures/udir/good.utf16.tsv",
                                "tests/fixtures/udir/unknown-school.utf16.tsv"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().line, 5);
  EXPECT_NE(r.error().detail.find("school 975283011 is not in the registry"), std::string::npos)
      << r.error().detail;
  EXPECT_EQ(stemnet::testing::dump(*pool_), before);  // the good file did not land either
}

TEST_F(MonitorImport, MalformedUdirFileChangesNothing) {
  const std::string before = stemnet::testing::dump(*pool_);
  auto bad =
      import_udir(*pool_, {"data/reference/schools/udir_nasjonale_prover_5trinn_2025-26.utf16.tsv",
                           "tests/fixtures/udir/bad-number.utf16.tsv"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().line, 5);
  EXPECT_EQ(stemnet::testing::dump(*pool_), before);
}

TEST_F(MonitorImport, CsvTidyFormat) {
  auto r = import_csv(*pool_, kFixtures + "good.csv");
  ASSERT_TRUE(r) << r.error().where_and_what();
  EXPECT_EQ(r->cells, 6);
  Store store(*pool_);
  auto students = store.cells({"stem_students", "country", "NO", "2023", {}});
  ASSERT_TRUE(students);
  ASSERT_EQ(students->size(), 3u);
  EXPECT_EQ((*students)[0].breakdown, "");
  EXPECT_EQ((*students)[0].status, ":");
  EXPECT_FALSE((*students)[0].value.has_value());
  EXPECT_EQ((*students)[1].breakdown, "sex=1");
  EXPECT_EQ((*students)[1].value, 12345.0);
  auto again = import_csv(*pool_, kFixtures + "good.csv");
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->already_imported);
}

TEST_F(MonitorImport, NewerFileReplacesCellsAndKeepsHistory) {
  ASSERT_TRUE(import_csv(*pool_, kFixtures + "good.csv"));
  // Another file with population for 0301 in 2024 ... and a newer period.
  auto newer = import_csv(*pool_, kFixtures + "newer.csv");
  ASSERT_TRUE(newer);
  Store store(*pool_);
  auto history = store.provenance("population");
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);  // 2024 from good.csv, 2025 from newer.csv
  EXPECT_FALSE((*history)[0].superseded_by.has_value());
}

TEST_F(MonitorImport, BadCsvFilesNameFileLineAndChangeNothing) {
  struct Case {
    const char* file;
    long line;
    const char* message;
  };
  const Case cases[] = {
      {"pseudo-area.csv", 2, "'K-21-22' is not a country, county, municipality or school code"},
      {"bad-number.csv", 2, "not a number: '7O0'"},
      {"unknown-indicator.csv", 2, "no indicator 'no_such_indicator'"},
      {"value-and-status.csv", 2, "cannot also have a value"},
      {"missing-column.csv", 1, "missing column 'period'"},
      {"unknown-breakdown.csv", 2, "has no breakdown 'colour'"},
      {"duplicate.csv", 3, "is given twice"},
  };
  const std::string before = stemnet::testing::dump(*pool_);
  for (const auto& c : cases) {
    auto r = import_csv(*pool_, kFixtures + c.file);
    ASSERT_FALSE(r) << c.file;
    EXPECT_EQ(r.error().line, c.line) << c.file << ": " << r.error().where_and_what();
    EXPECT_NE(r.error().detail.find(c.message), std::string::npos) << r.error().where_and_what();
    EXPECT_EQ(stemnet::testing::dump(*pool_), before) << c.file;
  }
}

TEST(Breakdown, KeysAreCanonical) {
  EXPECT_EQ(breakdown_key({{"subject", "numeracy"}, {"sex", "2"}}), "sex=2;subject=numeracy");
  EXPECT_EQ(breakdown_key({}), "");
  auto parts = breakdown_parts("sex=2;subject=numeracy");
  EXPECT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts["subject"], "numeracy");
  EXPECT_TRUE(breakdown_parts("").empty());
}

}  // namespace
}  // namespace stemnet::monitor
