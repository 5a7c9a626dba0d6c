// The monitor API over real HTTP, on the shipped catalogue and the real Udir files.
#include "http_client.hpp"
#include "problem_codes.hpp"
#include "server_process.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <sstream>

#include <array>

namespace stemnet::testing {
namespace {
namespace json = boost::json;

// Runs each command against `db`; each must succeed.
void run_all(const std::string& db, std::vector<std::vector<std::string>> commands) {
  for (auto& args : commands) {
    args.push_back("--db");
    args.push_back(db);
    auto r = run_stemnet(args);
    ASSERT_EQ(r.exit_code, 0) << args[0] << " " << args[1] << ": " << r.out;
  }
}

class MonitorApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const std::string db = stemnet::testing::fresh_db_url(dir_->path(), "monitor");
    ASSERT_NO_FATAL_FAILURE(run_all(
        db,
        {{"import", "reference", "data/reference"},
         {"monitor", "catalogue", "data/indicators/catalogue.json"},
         {"import", "udir", "data/reference/schools/udir_nasjonale_prover_5trinn_2025-26.utf16.tsv",
          "data/reference/schools/udir_nasjonale_prover_ungdomstrinn_2025-26.utf16.tsv"},
         {"import", "csv", "tests/fixtures/monitor/good.csv"},
         {"monitor", "target", "national_test_numeracy_5", "--area", "0301", "--value", "50",
          "--year", "2030", "--by", "Oslo kommune", "--reason", "realfagsstrategien"}}));
    server_ = new ServerProcess(db);
    ASSERT_NE(server_->port(), 0);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  static HttpResponse get(const std::string& target) { return http_get(server_->port(), target); }
  static json::object get_json(const std::string& target) {
    auto res = get(target);
    EXPECT_EQ(res.status, 200) << target << ": " << res.body;
    auto v = json::parse(res.body);
    return v.is_object() ? v.as_object() : json::object{};
  }
  // `code`, if given, is the problem's code, or "<place> <code>" of its first
  // fault when it is validation.failed.
  static void expect_problem(const std::string& target, int status, const std::string& param = "",
                             const std::string& code = "") {
    auto res = get(target);
    EXPECT_EQ(res.status, status) << target << ": " << res.body;
    EXPECT_EQ(res.header("content-type"), "application/problem+json");
    if (!param.empty()) {
      auto body = json::parse(res.body).as_object();
      ASSERT_TRUE(body.contains("param")) << res.body;
      EXPECT_EQ(body.at("param").as_string(), param);
    }
    if (!code.empty()) {
      const std::string got = problem_code(res);
      EXPECT_EQ(got == "validation.failed" ? fault_code(res) : got, code) << target;
    }
  }
  static TempDir* dir_;
  static ServerProcess* server_;
};
TempDir* MonitorApi::dir_ = nullptr;
ServerProcess* MonitorApi::server_ = nullptr;

TEST_F(MonitorApi, IndicatorsAlongTheChain) {
  auto all = get_json("/api/v1/indicators");
  EXPECT_GE(all.at("total").as_int64(), 15);
  EXPECT_TRUE(all.at("next_cursor").is_null());
  auto primary = get_json("/api/v1/indicators?stage=primary");
  ASSERT_FALSE(primary.at("items").as_array().empty());
  for (const auto& i : primary.at("items").as_array())
    EXPECT_EQ(i.at("stage").as_string(), "primary");
  auto engaged = get_json("/api/v1/indicators/schools_engaged");
  EXPECT_EQ(engaged.at("origin").as_string(), "computed");
  EXPECT_FALSE(engaged.at("has_data").as_bool());  // no invented figures
  expect_problem("/api/v1/indicators?stage=kindergarten", 400, "stage",
                 "stage validation.not_allowed");
  expect_problem("/api/v1/indicators/no_such_thing", 404, "", "monitor.indicator_not_found");
}

TEST_F(MonitorApi, IndicatorShowsProvenanceAndTargets) {
  auto d = get_json("/api/v1/indicators/national_test_numeracy_5");
  EXPECT_EQ(d.at("periods").as_array().size(), 1u);
  const auto& provenance = d.at("provenance").as_array();
  ASSERT_EQ(provenance.size(), 1u);
  EXPECT_EQ(provenance[0].at("file").as_string(), "udir_nasjonale_prover_5trinn_2025-26.utf16.tsv");
  EXPECT_EQ(provenance[0].at("sha256").as_string().size(), 64u);
  EXPECT_EQ(provenance[0].at("licence").as_string(), "NLOD");
  ASSERT_EQ(d.at("targets").as_array().size(), 1u);
  EXPECT_EQ(d.at("targets").as_array()[0].at("area").as_string(), "0301");
  // Issue 15, item 7: every indicator says what brings its figures.
  EXPECT_EQ(d.at("fetch").at("command").as_string(), "stemnet import udir FILE…");
  auto employment = get_json("/api/v1/indicators/stem_employment");
  EXPECT_FALSE(employment.at("has_data").as_bool());
  EXPECT_EQ(employment.at("fetch").at("kind").as_string(), "pxweb");
  EXPECT_EQ(employment.at("fetch").at("command").as_string(),
            "stemnet monitor refresh --only stem_employment");
  EXPECT_EQ(get_json("/api/v1/indicators/stem_applicants").at("fetch").at("command").as_string(),
            "stemnet import csv FILE");
  EXPECT_EQ(get_json("/api/v1/indicators/schools_engaged").at("fetch").at("command").as_string(),
            "stemnet monitor compute");
}

TEST_F(MonitorApi, DataAsJsonStat) {
  auto res = get("/api/v1/indicators/national_test_numeracy_5/data?level=county&measure=score");
  EXPECT_EQ(res.header("content-type"), "application/json");
  auto ds = json::parse(res.body).as_object();
  EXPECT_EQ(ds.at("version").as_string(), "2.0");
  EXPECT_EQ(ds.at("class").as_string(), "dataset");
  std::int64_t cells = 1;
  for (const auto& s : ds.at("size").as_array()) cells *= s.as_int64();
  EXPECT_EQ(static_cast<std::int64_t>(ds.at("value").as_array().size()), cells);
  EXPECT_EQ(ds.at("dimension").at("area").at("category").at("index").as_array().size(), 15u);
  EXPECT_EQ(ds.at("dimension").at("area").at("category").at("label").at("03").as_string(), "Oslo");
  EXPECT_EQ(ds.at("role").at("geo").as_array()[0].as_string(), "area");
  EXPECT_FALSE(ds.at("extension").at("stemnet").at("provenance").as_array().empty());
  EXPECT_EQ(res.body.find("E1"), std::string::npos) << "numbers in plain form";
}

TEST_F(MonitorApi, SuppressedCellsStaySuppressed) {
  // Flosta skole: every cell `*` in the 5th-grade file.
  auto ds = get_json("/api/v1/indicators/national_test_numeracy_5/data?area=975283194");
  // No number anywhere: dense nulls, or a sparse value object with no entry.
  const auto& values = ds.at("value");
  if (values.is_array()) {
    ASSERT_EQ(values.as_array().size(), 3u);
    for (const auto& v : values.as_array()) EXPECT_TRUE(v.is_null());
  } else {
    for (const auto& [k, v] : values.as_object()) EXPECT_TRUE(v.is_null()) << k;
  }
  // JSON-stat writes one status for all cells as a string, else an array or
  // an object by cell index: every form must say `*` for all three cells.
  const auto& status = ds.at("status");
  if (status.is_string()) {
    EXPECT_EQ(status.as_string(), "*");
  } else if (status.is_array()) {
    ASSERT_EQ(status.as_array().size(), 3u);
    for (const auto& v : status.as_array()) EXPECT_EQ(v.as_string(), "*");
  } else {
    ASSERT_EQ(status.as_object().size(), 3u);
    for (const auto& [k, v] : status.as_object()) EXPECT_EQ(v.as_string(), "*");
  }
}

TEST_F(MonitorApi, DataAsCsv) {
  auto res = get("/api/v1/indicators/national_test_numeracy_5/data?area=K-0301&format=csv");
  EXPECT_EQ(res.status, 200);
  EXPECT_TRUE(res.header("content-type").starts_with("text/csv"));
  EXPECT_EQ(res.body,
            "indicator,area_level,area,area_name,period,measure,sex,owner,value,status\r\n"
            "national_test_numeracy_5,municipality,0301,Oslo,2025-26,participants,,,6284,\r\n"
            "national_test_numeracy_5,municipality,0301,Oslo,2025-26,score,,,52,\r\n"
            "national_test_numeracy_5,municipality,0301,Oslo,2025-26,uncertainty,,,0.3,\r\n");
  auto csv = get("/api/v1/indicators/stem_students/data?format=csv&period=latest");
  EXPECT_NE(csv.body.find("stem_students,country,NO,Norge,2023,,,:\r\n"), std::string::npos)
      << csv.body;
}

TEST_F(MonitorApi, DataFiltersAreChecked) {
  // Each filter's fault, table-driven: target, param, code ("<parameter> <code>").
  const std::vector<std::array<std::string, 3>> faults = {
      {"?level=planet", "level", "level validation.not_allowed"},
      {"?area=K-21-22", "area", "area validation.bad_format"},   // the document's pattern
      {"?area=974795654", "area", "area monitor.area_invalid"},  // a wrong check digit
      {"?colour=red", "colour", "colour monitor.breakdown_unknown"},
      {"?format=xml", "format", "format validation.not_allowed"},
      {"?area=0301&level=county", "area", "area monitor.area_level_mismatch"},
      {"?period=", "period", "period monitor.parameter_empty"},
      {"?level=county&level=municipality", "level", "level validation.repeated_parameter"},
  };
  for (const auto& [query, param, code] : faults) {
    expect_problem("/api/v1/indicators/population/data" + query, 400, param, code);
  }
  expect_problem("/api/v1/indicators/nope/data", 404, "", "monitor.indicator_not_found");
}

TEST_F(MonitorApi, AreaProfileWithRankAndTarget) {
  auto p = get_json("/api/v1/areas/0301/profile");
  EXPECT_EQ(p.at("name").as_string(), "Oslo");
  bool found = false;
  for (const auto& e : p.at("indicators").as_array()) {
    if (e.at("indicator").at("id").as_string() != "national_test_numeracy_5") continue;
    found = true;
    EXPECT_EQ(e.at("value").to_number<double>(), 52.0);
    EXPECT_GE(e.at("rank").as_int64(), 1);
    EXPECT_GT(e.at("peers").as_int64(), 300);
    EXPECT_EQ(e.at("progress").at("state").as_string(), "reached");  // 52 >= 50
  }
  EXPECT_TRUE(found);
  auto county = get_json("/api/v1/areas/F-46/profile");
  EXPECT_EQ(county.at("level").as_string(), "county");
  expect_problem("/api/v1/areas/9999/profile", 404, "", "monitor.area_not_found");
  expect_problem("/api/v1/areas/974795655/profile", 400, "code", "monitor.profile_area_invalid");
}

TEST_F(MonitorApi, PublicJsonStatValidator) {
  HttpConnection c(server_->port());
  auto good = c.request("POST", "/api/v1/jsonstat/validate", {{"Content-Type", "application/json"}},
                        R"({"version":"2.0","class":"dataset","id":["a"],"size":[2],)"
                        R"("dimension":{"a":{"category":{"index":["x","y"]}}},"value":[1,2]})");
  ASSERT_EQ(good.status, 200) << good.body;
  auto body = json::parse(good.body).as_object();
  EXPECT_TRUE(body.at("valid").as_bool()) << good.body;
  auto bad = c.request("POST", "/api/v1/jsonstat/validate", {{"Content-Type", "application/json"}},
                       R"({"version":"2.0","class":"dataset","id":["a"],"size":[2],)"
                       R"("dimension":{"a":{"category":{"index":["x","y"]}}},"value":[1,2,3]})");
  ASSERT_EQ(bad.status, 200);
  auto report = json::parse(bad.body).as_object();
  EXPECT_FALSE(report.at("valid").as_bool());
  bool named = false;
  for (const auto& i : report.at("issues").as_array()) {
    named |= i.at("code").as_string() == "VALUE_LEN_MISMATCH" &&
             i.at("path").as_string().starts_with("$");
  }
  EXPECT_TRUE(named) << bad.body;
  // What our own data endpoint writes passes our validator.
  auto exported = get("/api/v1/indicators/national_test_numeracy_5/data?level=county");
  auto check = c.request("POST", "/api/v1/jsonstat/validate",
                         {{"Content-Type", "application/json"}}, exported.body);
  EXPECT_TRUE(json::parse(check.body).at("valid").as_bool()) << check.body;
  auto empty = c.request("POST", "/api/v1/jsonstat/validate", {}, "");
  EXPECT_EQ(empty.status, 400);
}

TEST_F(MonitorApi, CachedWithEtags) {
  auto first = get("/api/v1/indicators/population/data");
  const std::string tag = first.header("etag");
  ASSERT_FALSE(tag.empty());
  auto again =
      http_get(server_->port(), "/api/v1/indicators/population/data", {{"If-None-Match", tag}});
  EXPECT_EQ(again.status, 304);
}

// Issue 15, item 3: a series on today's areas from figures kept on the codes as published,
// with real codes: Kristiansand's 2019 codes, Halden 0101 → 3001 → 3101, Stavanger's merger
// without Rennesøy, Ålesund's split, Viken 30 → 31/32/33, Aust- and Vest-Agder → 42.
class MonitorCurrentAreas : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const std::string db = stemnet::testing::fresh_db_url(dir_->path(), "areas");
    ASSERT_NO_FATAL_FAILURE(
        run_all(db, {{"import", "reference", "data/reference"},
                     {"monitor", "catalogue", "data/indicators/catalogue.json"},
                     {"import", "csv", "tests/fixtures/monitor/codes-2019.csv"},
                     {"import", "csv", "tests/fixtures/monitor/codes-2022.csv"}}));
    server_ = new ServerProcess(db);
    ASSERT_NE(server_->port(), 0);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  // The CSV rows of `target`, by "area,period", as the fields after `period`.
  static std::map<std::string, std::string> rows(const std::string& target) {
    auto res = http_get(server_->port(), target);
    EXPECT_EQ(res.status, 200) << res.body;
    std::map<std::string, std::string> out;
    std::istringstream in(res.body);
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      // indicator,area_level,area,area_name,period,<breakdowns...>,value,status[,estimate,how]
      std::vector<std::string> f;
      std::string cur;
      bool quoted = false;
      for (char ch : line) {
        if (ch == '"')
          quoted = !quoted;
        else if (ch == ',' && !quoted) {
          f.push_back(cur);
          cur.clear();
        } else
          cur += ch;
      }
      f.push_back(cur);
      std::string rest;
      for (std::size_t i = 5; i < f.size(); ++i) rest += (i > 5 ? "|" : "") + f[i];
      out[f[2] + "," + f[4]] = rest;
    }
    return out;
  }
  static TempDir* dir_;
  static ServerProcess* server_;
};
TempDir* MonitorCurrentAreas::dir_ = nullptr;
ServerProcess* MonitorCurrentAreas::server_ = nullptr;

TEST_F(MonitorCurrentAreas, PublishedCodesAreKept) {
  auto published = rows("/api/v1/indicators/population/data?format=csv");
  EXPECT_EQ(published.at("1001,2019"), "92000|");
  EXPECT_EQ(published.at("30,2022"), "1250000|");
  EXPECT_EQ(published.count("4204,2019"), 0u);
}

TEST_F(MonitorCurrentAreas, CountsAreSummedRenumberedOrEstimatedAndSayHow) {
  auto now = rows("/api/v1/indicators/population/data?format=csv&areas=current");
  // A merger of counts: summed from all its parts.
  EXPECT_EQ(now.at("4204,2019"),
            "112000||false|summed from 1001, 1017, 1018 by SSB's change of 2020-01-01");
  // A renumbering, twice.
  EXPECT_EQ(now.at("3101,2019"),
            "31000||false|from 0101 by SSB's changes of 2020-01-01, 2024-01-01");
  EXPECT_EQ(now.at("3101,2022"), "31400||false|from 3001 by SSB's change of 2024-01-01");
  // Stavanger 2019 without Rennesøy (1142): never a partial sum.
  EXPECT_EQ(now.at("1103,2019").substr(0, 6), "|..|fa");
  EXPECT_NE(now.at("1103,2019").find("no figure for 1142"), std::string::npos);
  // A municipality split has no weights: not shown as a number.
  EXPECT_NE(now.at("1508,2022").find("not comparable: 1507 was split"), std::string::npos);
  EXPECT_EQ(now.at("1580,2022").substr(0, 3), "|..");
  // A county split: an estimate by FHI's shares, adding up to Viken's figure.
  double viken = 0;
  for (const char* c : {"31", "32", "33"}) {
    const auto& r = now.at(std::string(c) + ",2022");
    EXPECT_NE(r.find("|true|estimated from 30 × "), std::string::npos) << r;
    viken += std::stod(r.substr(0, r.find('|')));
  }
  EXPECT_NEAR(viken, 1250000, 1);
  // Aust- and Vest-Agder became Agder whole.
  EXPECT_EQ(now.at("42,2019").substr(0, 7), "305000|");
  // Old codes are gone from the series on today's areas.
  EXPECT_EQ(now.count("1001,2019"), 0u);
  EXPECT_EQ(now.count("30,2022"), 0u);
  // One area of today, with the figures that moved into it.
  auto one = rows("/api/v1/indicators/population/data?format=csv&areas=current&area=4204");
  EXPECT_EQ(one.size(), 1u);
  EXPECT_EQ(one.count("4204,2019"), 1u);
}

TEST_F(MonitorCurrentAreas, SharesOfMergedAreasAreNotComparable) {
  auto now = rows("/api/v1/indicators/higher_education_level/data?format=csv&areas=current");
  // (the first field is the indicator's breakdown, empty for the total)
  EXPECT_EQ(now.at("4204,2019").substr(0, 5), "||..|");
  EXPECT_NE(now.at("4204,2019").find("not comparable: merged from 1001, 1017, 1018"),
            std::string::npos);
  // A renumbered share carries over.
  EXPECT_EQ(now.at("3101,2019").substr(0, 10), "|24||false");
  auto bad = http_get(server_->port(), "/api/v1/indicators/population/data?areas=today");
  EXPECT_EQ(bad.status, 400) << bad.body;
}

TEST_F(MonitorCurrentAreas, JsonStatCarriesTheDerivations) {
  auto res =
      http_get(server_->port(), "/api/v1/indicators/population/data?areas=current&area=3101");
  ASSERT_EQ(res.status, 200) << res.body;
  auto ds = json::parse(res.body).as_object();
  const auto& ext = ds.at("extension").at("stemnet").as_object();
  EXPECT_EQ(ext.at("areas").as_string(), "current");
  ASSERT_EQ(ext.at("derivations").as_array().size(), 2u);
  EXPECT_EQ(ext.at("derivations").as_array()[0].at("how").as_string(),
            "from 0101 by SSB's changes of 2020-01-01, 2024-01-01");
}

}  // namespace
}  // namespace stemnet::testing
