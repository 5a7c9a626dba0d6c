#include "monitor/refresh.hpp"

#include "core/file.hpp"
#include "fixture_server.hpp"
#include "monitor/catalogue.hpp"
#include "monitor/store.hpp"
#include "monitor_db.hpp"
#include "registry/import.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>

namespace stemnet::monitor {
namespace {

// Answers like SSB's PxWeb API v0: the fixture for a known table, 404 else.
http::Router ssb_fixtures(std::atomic<int>& calls, std::string& last_query) {
  http::Router r;
  r.post("/api/v0/no/table/{table}", [&](const http::Request& req, const http::PathParams& p) {
    ++calls;
    last_query = req.body;
    auto bytes = read_file("tests/fixtures/ssb/" + std::string(p.get("table")) + ".json");
    if (!bytes) return http::Response::json(404, R"({"error":"no such table"})");
    return http::Response::json(200, *bytes);
  });
  return r;
}

class Refresh : public ::testing::Test {
 protected:
  void SetUp() override {
    pool_ = stemnet::testing::monitor_db();
    raw_ = std::filesystem::temp_directory_path() / ("stemnet-raw-" + std::to_string(::getpid()));
  }
  void TearDown() override { std::filesystem::remove_all(raw_); }
  RefreshOptions options(const std::string& base) {
    RefreshOptions o;
    o.base_url = base;
    o.raw_dir = raw_;
    o.fetch.first_backoff = std::chrono::milliseconds(5);
    o.fetch.attempts = 2;
    return o;
  }
  std::unique_ptr<db::Pool> pool_;
  std::filesystem::path raw_;
};

TEST_F(Refresh, FetchesImportsAndKeepsTheRawAnswer) {
  std::atomic<int> calls = 0;
  std::string query;
  testing::FixtureServer ssb(ssb_fixtures(calls, query));
  auto o = options(ssb.url(""));
  o.only = "population";
  auto out = refresh(*pool_, o);
  ASSERT_TRUE(out) << out.error().detail;
  ASSERT_EQ(out->size(), 1u);
  const auto& r = (*out)[0];
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.url, ssb.url("/api/v0/no/table/07459"));
  EXPECT_EQ(r.imported.cells, 6);  // Halden's 3001 kept as published
  EXPECT_EQ(r.imported.skipped_areas.count("K-21-22"), 1u);
  EXPECT_TRUE(std::filesystem::exists(r.raw_file)) << r.raw_file;
  EXPECT_NE(query.find("\"json-stat2\""), std::string::npos)
      << query;  // the catalogue's query was sent
  Store store(*pool_);
  auto history = store.provenance("population");
  ASSERT_TRUE(history);
  ASSERT_FALSE(history->empty());
  EXPECT_EQ((*history)[0].kind, "pxweb");
  EXPECT_EQ((*history)[0].file_name, r.url);
  // The same answer again: nothing changes.
  auto again = refresh(*pool_, o);
  ASSERT_TRUE(again);
  EXPECT_TRUE((*again)[0].imported.already_imported);
}

TEST_F(Refresh, OneTableFailingDoesNotStopTheOthers) {
  std::atomic<int> calls = 0;
  std::string query;
  testing::FixtureServer ssb(ssb_fixtures(calls, query));
  auto out = refresh(*pool_, options(ssb.url("")));
  ASSERT_TRUE(out);
  int ok = 0, failed = 0;
  for (const auto& r : *out) {
    (r.ok ? ok : failed)++;
    if (!r.ok) {
      EXPECT_FALSE(r.message.empty()) << r.indicator;
    }
  }
  EXPECT_EQ(ok, 1);  // population; 13259's fixture does not fit the live recipe's codes
  EXPECT_GE(failed, 9);
}

TEST_F(Refresh, WithNoNetworkNothingIsInvented) {
  const std::string before = stemnet::testing::dump(*pool_);
  auto out = refresh(*pool_, options("http://127.0.0.1:9"));
  ASSERT_TRUE(out);
  for (const auto& r : *out) {
    EXPECT_FALSE(r.ok) << r.indicator;
    EXPECT_NE(r.message.find("no answer after 2 attempts"), std::string::npos) << r.message;
  }
  EXPECT_EQ(stemnet::testing::dump(*pool_), before);
}

TEST_F(Refresh, UnknownOrNonSsbIndicatorIsAnError) {
  auto unknown = refresh(*pool_, [&] {
    auto o = options("http://127.0.0.1:9");
    o.only = "nope";
    return o;
  }());
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().param, "only");
  auto udir = refresh(*pool_, [&] {
    auto o = options("http://127.0.0.1:9");
    o.only = "national_test_numeracy_5";
    return o;
  }());
  ASSERT_FALSE(udir);
  EXPECT_NE(udir.error().detail.find("not fetched from SSB"), std::string::npos);
}

}  // namespace
}  // namespace stemnet::monitor
