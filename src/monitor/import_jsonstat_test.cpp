#include "monitor/import_jsonstat.hpp"

#include "core/file.hpp"
#include "monitor/catalogue.hpp"
#include "monitor/store.hpp"
#include "monitor_db.hpp"
#include "registry/import.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace stemnet::monitor {
namespace {

class JsonStatImport : public ::testing::Test {
 protected:
  void SetUp() override { pool_ = stemnet::testing::monitor_db(); }
  std::vector<Cell> cells(const std::string& indicator) {
    Store store(*pool_);
    auto c = store.cells({indicator, std::nullopt, std::nullopt, std::nullopt, {}});
    EXPECT_TRUE(c);
    return c ? *c : std::vector<Cell>{};
  }
  std::unique_ptr<db::Pool> pool_;
};

TEST_F(JsonStatImport, SumsOverADimensionAndReportsUnknownAreas) {
  auto out = import_jsonstat(*pool_, "tests/fixtures/ssb/07459.json", "population",
                             {{"Region", "area"}, {"Tid", "period"}, {"Kjonn", "sum"}});
  ASSERT_TRUE(out) << out.error().where_and_what();
  // Oslo, Stavanger and Halden's 2020–2023 code, two years, kept on the codes as published;
  // the pseudo-areas are reported.
  EXPECT_EQ(out->cells, 6);
  EXPECT_EQ(out->skipped_areas.size(), 2u);
  EXPECT_EQ(out->skipped_areas.at("K-21-22"), 2);
  EXPECT_EQ(out->skipped_areas.at("K-Rest"), 2);
  auto c = cells("population");
  ASSERT_EQ(c.size(), 6u);
  EXPECT_EQ(c[0].area_code, "0301");
  EXPECT_EQ(c[0].period, "2023");
  EXPECT_EQ(c[0].value, 350000.0 + 351000.0);
  EXPECT_EQ(c[2].area_code, "1103");
  EXPECT_EQ(c[2].status, ":");  // one part suppressed: the sum is suppressed, not a number
  EXPECT_FALSE(c[2].value.has_value());
  EXPECT_EQ(c[3].value, 72500.0 + 73500.0);
  EXPECT_EQ(c[4].area_code, "3001");
  // The provenance says which code version the file used: 3001 was valid 2020–2023.
  Store store(*pool_);
  auto prov = store.provenance("population");
  ASSERT_TRUE(prov);
  ASSERT_EQ(prov->size(), 2u);
  EXPECT_TRUE((*prov)[0].codes);
  EXPECT_EQ((*prov)[0].codes_from, "2020-01-01");
  EXPECT_EQ((*prov)[0].codes_to, "2023-12-31");

  auto again = import_jsonstat(*pool_, "tests/fixtures/ssb/07459.json", "population",
                               {{"Region", "area"}, {"Tid", "period"}, {"Kjonn", "sum"}});
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->already_imported);
}

// A period whose areas come from two code lists (Halden 0101, before 2020, beside 3001, from
// 2020) is refused, naming both; nothing is written.
TEST_F(JsonStatImport, APeriodMixingCodeVersionsIsRefused) {
  auto bytes = read_file("tests/fixtures/ssb/07459.json");
  ASSERT_TRUE(bytes);
  std::string mixed = *bytes;
  const auto at = mixed.find("\"K-1103\"");
  ASSERT_NE(at, std::string::npos);
  mixed.replace(at, 8, "\"K-0101\"");
  const auto path = std::filesystem::temp_directory_path() /
                    ("stemnet-mixed-" + std::to_string(::getpid()) + ".json");
  std::ofstream(path, std::ios::binary) << mixed;
  auto out = import_jsonstat(*pool_, path, "population",
                             {{"Region", "area"}, {"Tid", "period"}, {"Kjonn", "sum"}});
  ASSERT_FALSE(out);
  EXPECT_NE(out.error().detail.find("mixes area code versions: 0101 was valid until 2019-12-31, "
                                    "3001 only from 2020-01-01"),
            std::string::npos)
      << out.error().detail;
  EXPECT_TRUE(cells("population").empty());
  std::filesystem::remove(path);
}

TEST_F(JsonStatImport, BreakdownKeepsCategories) {
  auto out = import_jsonstat(*pool_, "tests/fixtures/ssb/07459.json", "higher_education_level",
                             {{"Region", "area"}, {"Tid", "period"}, {"Kjonn", "breakdown:sex"}});
  ASSERT_TRUE(out) << out.error().where_and_what();
  auto c = cells("higher_education_level");
  ASSERT_EQ(c.size(), 12u);  // 0301, 1103 and 3001, two years, two sexes
  EXPECT_EQ(c[0].breakdown, "sex=1");
  EXPECT_EQ(c[1].breakdown, "sex=2");
}

TEST_F(JsonStatImport, ShareOfATotal) {
  auto out =
      import_jsonstat(*pool_, "tests/fixtures/ssb/13259.json", "upper_secondary_stem_programmes",
                      {{"Region", "area"}, {"Tid", "period"}, {"Utdprogram", "share:TP,EL/00"}});
  ASSERT_TRUE(out) << out.error().where_and_what();
  auto c = cells("upper_secondary_stem_programmes");
  ASSERT_EQ(c.size(), 3u);  // country, 03, 46
  EXPECT_EQ(c[0].area_level, "country");
  EXPECT_DOUBLE_EQ(*c[0].value, 18.0);  // (200 + 160) / 2000
  EXPECT_EQ(c[1].area_code, "03");
  EXPECT_DOUBLE_EQ(*c[1].value, 18.0);
  EXPECT_EQ(c[2].area_code, "46");
  EXPECT_EQ(c[2].status, "..");  // a part missing: no share is made up
}

TEST_F(JsonStatImport, BadMappingsAreClearErrors) {
  struct Case {
    DimensionMap map;
    const char* message;
  };
  const Case cases[] = {
      {{{"Region", "area"}, {"Tid", "period"}}, "dimension Kjonn has 2 categories: map it"},
      {{{"Region", "area"}, {"Tid", "period"}, {"Kjonn", "colour"}}, "'colour' is not a role"},
      {{{"Region", "area"}, {"Tid", "period"}, {"Kjonn", "pick:9"}}, "has no category '9'"},
      {{{"Region", "area"}, {"Tid", "sum"}, {"Kjonn", "sum"}},
       "map exactly one dimension to period"},
      {{{"Region", "area"}, {"Tid", "period"}, {"Kjonn", "sum"}, {"Alder", "sum"}},
       "no dimension 'Alder'"},
      {{{"Region", "area"}, {"Tid", "period"}, {"Kjonn", "breakdown"}}, "has no breakdown 'kjonn'"},
  };
  const std::string before = stemnet::testing::dump(*pool_);
  for (const auto& c : cases) {
    auto out = import_jsonstat(*pool_, "tests/fixtures/ssb/07459.json", "population", c.map);
    ASSERT_FALSE(out) << c.message;
    EXPECT_NE(out.error().detail.find(c.message), std::string::npos) << out.error().detail;
  }
  EXPECT_EQ(stemnet::testing::dump(*pool_), before);
}

TEST_F(JsonStatImport, MalformedTableNamesTheFile) {
  auto out = import_jsonstat_bytes(*pool_, "{\"class\":\"dataset\",", {"jsonstat", "broken.json"},
                                   "population", {{"Region", "area"}, {"Tid", "period"}});
  ASSERT_FALSE(out);
  EXPECT_NE(out.error().where_and_what().find("broken.json"), std::string::npos)
      << out.error().where_and_what();
}

TEST_F(JsonStatImport, NationalTableAndFlaggedNumbers) {
  // No area dimension: the country's figures. "p" (provisional) flags a number; it stays a number.
  const std::string table =
      R"({"version":"2.0","class":"dataset","id":["Kjonn","ContentsCode","Tid"],"size":[2,1,1],)"
      R"("dimension":{"Kjonn":{"category":{"index":["1","2"]}},"ContentsCode":{"category":{"index":["Studenter"]}},)"
      R"("Tid":{"category":{"index":["2024"]}}},"value":[100,200],"status":{"1":"p"}})";
  auto out = import_jsonstat_bytes(*pool_, table, {"jsonstat", "national.json"}, "stem_students",
                                   {{"Tid", "period"}, {"Kjonn", "breakdown:sex"}});
  ASSERT_TRUE(out) << out.error().where_and_what();
  auto c = cells("stem_students");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].area_level, "country");
  EXPECT_EQ(c[1].value, 200.0);
  EXPECT_EQ(c[1].status, "");
}

TEST_F(JsonStatImport, SuppressedWinsAcrossAShare) {
  const std::string table =
      R"({"version":"2.0","class":"dataset","id":["Region","Prog","Tid"],"size":[1,2,1],)"
      R"("dimension":{"Region":{"category":{"index":["F-03"]}},"Prog":{"category":{"index":["00","TP"]}},)"
      R"("Tid":{"category":{"index":["2024"]}}},"value":[null,null],"status":{"0":":","1":".."}})";
  auto out = import_jsonstat_bytes(
      *pool_, table, {"jsonstat", "share.json"}, "upper_secondary_stem_programmes",
      {{"Region", "area"}, {"Tid", "period"}, {"Prog", "share:TP/00"}});
  ASSERT_TRUE(out) << out.error().where_and_what();
  auto c = cells("upper_secondary_stem_programmes");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].status, ":");  // the total is suppressed: so is the share, whatever the part says
}

TEST_F(JsonStatImport, NothingToImportIsAnError) {
  const std::string table =
      R"({"version":"2.0","class":"dataset","id":["Region","Tid"],"size":[2,1],)"
      R"("dimension":{"Region":{"category":{"index":["K-21-22","K-Rest"]}},"Tid":{"category":{"index":["2024"]}}},)"
      R"("value":[1,2]})";
  auto out = import_jsonstat_bytes(*pool_, table, {"jsonstat", "pseudo.json"}, "population",
                                   {{"Region", "area"}, {"Tid", "period"}});
  ASSERT_FALSE(out);
  EXPECT_NE(out.error().detail.find("nothing to import"), std::string::npos) << out.error().detail;
  EXPECT_NE(out.error().detail.find("K-21-22, K-Rest"), std::string::npos) << out.error().detail;
}

// Issue 15, item 5: real SSB answers, as SSB sent them (tests/fixtures/ssb/real), into a
// test catalogue's indicators.
class RealSsbAnswers : public JsonStatImport {
 protected:
  void SetUp() override {
    JsonStatImport::SetUp();
    const std::string file = "tests/fixtures/ssb/real/catalogue.json";
    auto bytes = read_file(file);
    ASSERT_TRUE(bytes);
    auto list = read_catalogue(*bytes, file);
    ASSERT_TRUE(list) << list.error().where_and_what();
    ASSERT_TRUE(load_catalogue(*pool_, *list));
  }
  static std::string real(const std::string& name) { return "tests/fixtures/ssb/real/" + name; }
  // The one cell of an area, period and breakdown, or a failure naming it.
  static const Cell* find(const std::vector<Cell>& cells, const std::string& code,
                          const std::string& period, const std::string& breakdown = "") {
    for (const auto& c : cells)
      if (c.area_code == code && c.period == period && c.breakdown == breakdown) return &c;
    ADD_FAILURE() << "no cell " << code << " " << period << " " << breakdown;
    return nullptr;
  }
};

TEST_F(RealSsbAnswers, KostraAccountsJsonStat2WithStatus) {
  // 12367: primary school (function FGK8b), net operating expenses (AGD2), whole accounts (A).
  auto out =
      import_jsonstat(*pool_, real("ssb-12367-kostra-regnskap.json"), "primary_school_net_spending",
                      {{"KOKkommuneregion0000", "area"},
                       {"KOKregnskapsomfa0000", "pick:A"},
                       {"KOKfunksjon0000", "pick:FGK8b"},
                       {"KOKart0000", "pick:AGD2"},
                       {"Tid", "period"}});
  ASSERT_TRUE(out) << out.error().where_and_what();
  // EAKUO (the country without Oslo) and the KOSTRA groups are no area: reported, not stored.
  EXPECT_EQ(out->skipped_areas,
            (std::map<std::string, std::int64_t>{{"EAKUO", 5}, {"EKG16", 5}, {"EKG17", 5}}));
  auto c = cells("primary_school_net_spending");
  ASSERT_EQ(c.size(), 10u);  // EAK and 3001, five years each
  const Cell* country = find(c, "NO", "2020");
  ASSERT_TRUE(country);
  EXPECT_EQ(country->area_level, "country");  // EAK, "Landet"
  EXPECT_EQ(country->value, 78044855.0);
  // Halden kept on its 2020-2023 code, as published; before 2020 SSB says "." (cannot exist).
  const Cell* halden = find(c, "3001", "2020");
  ASSERT_TRUE(halden);
  EXPECT_EQ(halden->area_level, "municipality");
  EXPECT_EQ(halden->value, 419480.0);
  const Cell* before = find(c, "3001", "2015");
  ASSERT_TRUE(before);
  EXPECT_EQ(before->status, ".");
  EXPECT_FALSE(before->value);
  Store store(*pool_);
  auto prov = store.provenance("primary_school_net_spending");
  ASSERT_TRUE(prov);
  ASSERT_FALSE(prov->empty());
  EXPECT_EQ((*prov)[0].codes_from, "2020-01-01");  // 3001's code version
  EXPECT_EQ((*prov)[0].codes_to, "2023-12-31");
}

TEST_F(RealSsbAnswers, KostraSuppressedCellsStaySuppressed) {
  // AGD56 (transfers from own enterprises) holds SSB's ":" cells.
  auto out =
      import_jsonstat(*pool_, real("ssb-12367-kostra-regnskap.json"), "primary_school_net_spending",
                      {{"KOKkommuneregion0000", "area"},
                       {"KOKregnskapsomfa0000", "pick:A"},
                       {"KOKfunksjon0000", "pick:100"},
                       {"KOKart0000", "pick:AGD56"},
                       {"Tid", "period"}});
  ASSERT_TRUE(out) << out.error().where_and_what();
  auto c = cells("primary_school_net_spending");
  const Cell* country = find(c, "NO", "2015");
  ASSERT_TRUE(country);
  EXPECT_EQ(country->status, ":");
  EXPECT_FALSE(country->value);
}

TEST_F(RealSsbAnswers, OlderPxWebAnswerWithDotAndDoubleDot) {
  // 05300: no area dimension (the country's figures); the share living under 1 km away.
  auto out = import_jsonstat(
      *pool_, real("ssb-05300-kultur.json"), "culture_venue_near",
      {{"Avstand1", "pick:01"}, {"Kulturtilbud", "breakdown:venue"}, {"Tid", "period"}});
  ASSERT_TRUE(out) << out.error().where_and_what();
  auto c = cells("culture_venue_near");
  EXPECT_EQ(c.size(), 72u);  // 8 venues x 9 years
  const Cell* cinema = find(c, "NO", "1991", "venue=01");
  ASSERT_TRUE(cinema);
  EXPECT_EQ(cinema->value, 16.0);
  const Cell* bookshop = find(c, "NO", "2021", "venue=08");
  ASSERT_TRUE(bookshop);
  EXPECT_EQ(bookshop->status, ".");
  // 50 km or more: ".." (not available) for cinemas in 1991.
  auto far = import_jsonstat(
      *pool_, real("ssb-05300-kultur.json"), "culture_venue_near",
      {{"Avstand1", "pick:06"}, {"Kulturtilbud", "breakdown:venue"}, {"Tid", "period"}});
  ASSERT_TRUE(far) << far.error().where_and_what();
  const Cell* missing = find(cells("culture_venue_near"), "NO", "1991", "venue=01");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, "..");
}

TEST_F(RealSsbAnswers, JsonStat1Answer) {
  auto out = import_jsonstat(*pool_, real("ssb-fiskeoppdrett-lonn-jsonstat1.json"),
                             "fish_farming_monthly_earnings",
                             {{"Kjonn", "breakdown:sex"},
                              {"Alder", "pick:999"},
                              {"ContentsCode", "pick:MndfortjIalt"},
                              {"Tid", "period"}});
  ASSERT_TRUE(out) << out.error().where_and_what();
  auto c = cells("fish_farming_monthly_earnings");
  EXPECT_EQ(c.size(), 21u);  // 3 x 7 years
  const Cell* women = find(c, "NO", "2008", "sex=2");
  ASSERT_TRUE(women);
  EXPECT_EQ(women->value, 31622.0);
  const Cell* all = find(c, "NO", "2002", "sex=0");
  ASSERT_TRUE(all);
  EXPECT_EQ(all->value, 24572.0);
  auto thirties = import_jsonstat(*pool_, real("ssb-fiskeoppdrett-lonn-jsonstat1.json"),
                                  "fish_farming_monthly_earnings",
                                  {{"Kjonn", "breakdown:sex"},
                                   {"Alder", "pick:30-34"},
                                   {"ContentsCode", "pick:Ansatte"},
                                   {"Tid", "period"}});
  ASSERT_TRUE(thirties) << thirties.error().where_and_what();
  const Cell* hidden = find(cells("fish_farming_monthly_earnings"), "NO", "2005", "sex=0");
  ASSERT_TRUE(hidden);
  EXPECT_EQ(hidden->status, "..");
}

TEST(DimensionMap, ParsesPairs) {
  auto m = parse_dimension_map({"Region=area", "Tid=period", "Kjonn=share:2/0"});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->at("Kjonn"), "share:2/0");
  for (std::vector<std::string> bad :
       {std::vector<std::string>{"Region"}, {"=area"}, {"Region="}, {"Tid=period", "Tid=area"}}) {
    auto r = parse_dimension_map(bad);
    ASSERT_FALSE(r) << bad[0];
    EXPECT_EQ(r.error().param, "map");
  }
}

}  // namespace
}  // namespace stemnet::monitor
