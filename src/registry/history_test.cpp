// The area history from the files the product ships (SSB KLASS 131, FHI),
// and what a broken change table or code list is told.
#include "registry/history.hpp"

#include "core/file.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace stemnet::registry {
namespace {

const std::string kDir = "data/reference/areas-history/";

NamedBytes named(const std::string& file) {
  auto bytes = read_file(kDir + file);
  EXPECT_TRUE(bytes) << file;
  return {file, bytes ? *bytes : std::string()};
}

HistoryFiles shipped() {
  HistoryFiles f;
  f.changes = named("ssb-klass-131-changes-1972-2024.json");
  for (int year : {2017, 2018, 2019, 2020, 2022, 2023, 2024}) {
    f.lists.push_back({year, named("ssb-klass-131-version-" + std::to_string(year) + ".csv")});
  }
  f.counties = named("counties-2017-2024.csv");
  f.weights = named("fhi-csdata-county-redistricting-b2024.csv");
  return f;
}

std::vector<AreaVersion> versions_of(const AreaHistory& h, const std::string& level,
                                     const std::string& code) {
  std::vector<AreaVersion> out;
  for (const auto& v : h.versions) {
    if (v.level == level && v.code == code) out.push_back(v);
  }
  return out;
}

std::vector<std::string> became(const AreaHistory& h, const std::string& level,
                                const std::string& code, const std::string& on) {
  std::vector<std::string> out;
  for (const auto& c : h.changes) {
    if (c.level == level && c.old_code == code && c.changed_on == on) out.push_back(c.new_code);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(AreaHistory, RealCodesAcrossThe2020And2024Reforms) {
  auto h = build_history(shipped());
  ASSERT_TRUE(h) << h.error().where_and_what();
  // Halden: 0101 until 2019, 3001 in Viken, 3101 in Østfold since 2024.
  auto halden = versions_of(*h, "municipality", "0101");
  ASSERT_EQ(halden.size(), 1u);
  EXPECT_FALSE(halden[0].valid_from);  // older than the history
  EXPECT_EQ(halden[0].valid_to, "2019-12-31");
  EXPECT_EQ(became(*h, "municipality", "0101", "2020-01-01"), std::vector<std::string>{"3001"});
  EXPECT_EQ(became(*h, "municipality", "3001", "2024-01-01"), std::vector<std::string>{"3101"});
  auto h3001 = versions_of(*h, "municipality", "3001");
  ASSERT_EQ(h3001.size(), 1u);
  EXPECT_EQ(h3001[0].valid_from, "2020-01-01");
  EXPECT_EQ(h3001[0].valid_to, "2023-12-31");
  // Kristiansand's 2019 codes merge into 4204; Mandal 1002 into 4205.
  for (const char* code : {"1001", "1017", "1018"}) {
    EXPECT_EQ(became(*h, "municipality", code, "2020-01-01"), std::vector<std::string>{"4204"})
        << code;
  }
  EXPECT_EQ(became(*h, "municipality", "1002", "2020-01-01"), std::vector<std::string>{"4205"});
  // Ålesund 1507 splits into 1508 and 1580 (Haram).
  EXPECT_EQ(became(*h, "municipality", "1507", "2024-01-01"),
            (std::vector<std::string>{"1508", "1580"}));
  // A renaming keeps the code: Sande (Møre og Romsdal) is Sande from 2020.
  auto sande = versions_of(*h, "municipality", "1514");
  ASSERT_EQ(sande.size(), 2u);
  EXPECT_EQ(sande[0].name, "Sande (Møre og Romsdal)");
  EXPECT_EQ(sande[0].valid_to, "2019-12-31");
  EXPECT_EQ(sande[1].name, "Sande");
  EXPECT_EQ(sande[1].valid_from, "2020-01-01");
  EXPECT_FALSE(sande[1].valid_to);
  // Counties follow from their municipalities: Viken 30 → 31/32/33, Trøndelag from 16 and 17.
  EXPECT_EQ(became(*h, "county", "30", "2024-01-01"), (std::vector<std::string>{"31", "32", "33"}));
  EXPECT_EQ(became(*h, "county", "16", "2018-01-01"), std::vector<std::string>{"50"});
  EXPECT_EQ(became(*h, "county", "17", "2018-01-01"), std::vector<std::string>{"50"});
  // 9999 (Uoppgitt) is in every list and is no area.
  EXPECT_TRUE(versions_of(*h, "municipality", "9999").empty());
  // FHI: Viken's population of 2022 lives in Østfold, Akershus and Buskerud.
  double viken = 0;
  int parts = 0;
  for (const auto& w : h->weights) {
    if (w.year == 2022 && w.original_code == "30") {
      viken += w.weight;
      ++parts;
    }
  }
  EXPECT_EQ(parts, 3);
  EXPECT_NEAR(viken, 1.0, 1e-9);
}

TEST(AreaHistory, PseudoAreasAreNeverAreas) {
  for (const char* code : {"9999", "99", "K-Rest", "K-21-22", "K-23", "EAK", "EAFK", "EKG13"}) {
    EXPECT_TRUE(pseudo_area(code)) << code;
  }
  for (const char* code : {"0301", "03", "K-0301", "2100", "1001"}) {
    EXPECT_FALSE(pseudo_area(code)) << code;
  }
}

// Replaces the first `from` in `f` by `to`.
void edit(NamedBytes& f, const std::string& from, const std::string& to) {
  const auto at = f.bytes.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  f.bytes.replace(at, from.size(), to);
}

std::string fails(const HistoryFiles& f) {
  auto h = build_history(f);
  EXPECT_FALSE(h);
  return h ? std::string() : h.error().where_and_what();
}

TEST(AreaHistory, AChangeToACodeInNoListMapsToNothing) {
  auto f = shipped();
  edit(f.changes, R"("newCode":"4204","newName":"Kristiansand")",
       R"("newCode":"4299","newName":"Kristiansand")");
  const auto e = fails(f);
  EXPECT_NE(e.find("maps to nothing: 4299 is not in the 2020 list"), std::string::npos) << e;
  EXPECT_NE(e.find("codeChanges["), std::string::npos) << e;  // names the row
}

TEST(AreaHistory, ACodeThatVanishesWithoutAChangeIsNamed) {
  auto f = shipped();
  // Halden's 2024 change is gone: 3001 vanishes, 3101 comes from nowhere.
  edit(
      f.changes,
      R"({"oldCode":"3001","oldName":"Halden","oldShortName":"","newCode":"3101","newName":"Halden","newShortName":"","changeOccurred":"2024-01-01"},)",
      "");
  const auto e = fails(f);
  EXPECT_NE(e.find("3001 Halden is not in the 2024 list, and no change says what it became"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("ssb-klass-131-version-2023.csv:"), std::string::npos) << e;  // file:line
}

TEST(AreaHistory, ACycleOfChangesOnOneDayIsRefused) {
  auto f = shipped();
  // 0101 → 3001 and back on the same day.
  edit(
      f.changes, R"({"codeChanges":[)",
      R"({"codeChanges":[{"oldCode":"3001","oldName":"Halden","oldShortName":"","newCode":"0101","newName":"Halden","newShortName":"","changeOccurred":"2020-01-01"},)");
  const auto e = fails(f);
  EXPECT_NE(e.find("a cycle of changes on 2020-01-01"), std::string::npos) << e;
}

TEST(AreaHistory, CountiesMustAgreeWithTheirMunicipalities) {
  auto f = shipped();
  edit(f.counties, "30,Viken,2020-01-01,2023-12-31", "30,Viken,2021-01-01,2023-12-31");
  const auto e = fails(f);
  EXPECT_NE(e.find("no county 30 valid on 2020-01-01"), std::string::npos) << e;
}

TEST(AreaHistory, ACodeListedTwiceIsNamedWithItsLine) {
  auto f = shipped();
  edit(f.lists[0].second, "0101,,1,Halden,,", "0101,,1,Halden,,\n0101,,1,Halden,,");
  const auto e = fails(f);
  EXPECT_NE(e.find("municipality 0101 is listed twice"), std::string::npos) << e;
}

}  // namespace
}  // namespace stemnet::registry
