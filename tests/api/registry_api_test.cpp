// The registry API over real HTTP: the stemnet binary on a random port
// against a temporary database loaded with data/reference.
#include "http_client.hpp"
#include "problem_codes.hpp"
#include "server_process.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <thread>

namespace stemnet::testing {
namespace {
namespace json = boost::json;

class RegistryApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    db_ = stemnet::testing::fresh_db_url(dir_->path(), "api");
    auto imported = run_stemnet({"import", "reference", "data/reference", "--db", db_});
    ASSERT_EQ(imported.exit_code, 0) << imported.out;
    server_ = new ServerProcess(db_);
    ASSERT_NE(server_->port(), 0) << "the server did not start";
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  static HttpResponse get(const std::string& target,
                          const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    return http_get(server_->port(), target, headers);
  }
  static json::object get_json(const std::string& target, int want_status = 200) {
    auto res = get(target);
    EXPECT_EQ(res.status, want_status) << target << ": " << res.body;
    boost::system::error_code ec;
    auto v = json::parse(res.body, ec);
    EXPECT_FALSE(ec) << target << ": " << res.body;
    return v.is_object() ? v.as_object() : json::object{};
  }
  // A problem+json answer with the status and, if given, the parameter.
  // `code`, if given, is the problem's code, or "<place> <code>" of its first
  // fault when it is validation.failed.
  static void expect_problem(const std::string& target, int status, const std::string& param = "",
                             const std::string& code = "") {
    auto res = get(target);
    EXPECT_EQ(res.status, status) << target << ": " << res.body;
    EXPECT_EQ(res.header("content-type"), "application/problem+json") << target;
    auto body = json::parse(res.body).as_object();
    EXPECT_EQ(body.at("status").as_int64(), status);
    EXPECT_TRUE(body.at("type").as_string().starts_with("https://stemnet.no/problems/"));
    EXPECT_FALSE(body.at("title").as_string().empty());
    EXPECT_FALSE(body.at("detail").as_string().empty());
    if (!param.empty()) {
      ASSERT_TRUE(body.contains("param")) << res.body;
      EXPECT_EQ(body.at("param").as_string(), param) << target;
    }
    if (!code.empty()) {
      const std::string got = problem_code(res);
      EXPECT_EQ(got == "validation.failed" ? fault_code(res) : got, code) << target;
    }
  }

  static TempDir* dir_;
  static std::string db_;
  static ServerProcess* server_;
};
TempDir* RegistryApi::dir_ = nullptr;
std::string RegistryApi::db_;
ServerProcess* RegistryApi::server_ = nullptr;

TEST_F(RegistryApi, OperationsEndpoints) {
  EXPECT_EQ(get_json("/healthz").at("status").as_string(), "ok");
  EXPECT_EQ(get_json("/readyz").at("status").as_string(), "ready");
  get("/api/v1/counties");
  auto metrics = get("/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_TRUE(metrics.header("content-type").starts_with("text/plain; version=0.0.4"));
  EXPECT_NE(
      metrics.body.find(
          "stemnet_http_requests_total{method=\"GET\",route=\"/api/v1/counties\",status=\"200\"}"),
      std::string::npos);
  EXPECT_NE(
      metrics.body.find(
          "stemnet_http_request_duration_seconds_bucket{route=\"/api/v1/counties\",le=\"+Inf\"}"),
      std::string::npos);
}

TEST_F(RegistryApi, Counties) {
  auto res = get("/api/v1/counties");
  EXPECT_EQ(res.header("content-type"), "application/json");
  auto body = get_json("/api/v1/counties");
  EXPECT_EQ(body.at("total").as_int64(), 15);
  EXPECT_TRUE(body.at("next_cursor").is_null());
  const auto& items = body.at("items").as_array();
  ASSERT_EQ(items.size(), 15u);
  const auto& oslo = items[0].as_object();
  EXPECT_EQ(oslo.at("number").as_string(), "03");
  EXPECT_EQ(oslo.at("population").as_int64(), 717710);
  const auto& troms = items[13].as_object();
  EXPECT_EQ(troms.at("name").as_string(), "Troms - Romsa - Tromssa");
  EXPECT_EQ(troms.at("name_norwegian").as_string(), "Troms");
  EXPECT_EQ(troms.at("parallel_names").as_array().size(), 3u);
}

TEST_F(RegistryApi, MunicipalitiesPageThroughInNumberOrder) {
  std::vector<std::string> numbers;
  std::string target = "/api/v1/municipalities?limit=100";
  for (int guard = 0; guard < 10; ++guard) {
    auto body = get_json(target);
    EXPECT_EQ(body.at("total").as_int64(), 357);
    for (const auto& m : body.at("items").as_array())
      numbers.emplace_back(m.at("number").as_string());
    if (body.at("next_cursor").is_null()) break;
    target = "/api/v1/municipalities?limit=100&cursor=" +
             std::string(body.at("next_cursor").as_string());
  }
  ASSERT_EQ(numbers.size(), 357u);
  EXPECT_TRUE(std::is_sorted(numbers.begin(), numbers.end()));
  EXPECT_EQ(std::set<std::string>(numbers.begin(), numbers.end()).size(), 357u);
}

TEST_F(RegistryApi, MunicipalitiesByCountyAndTerritories) {
  EXPECT_EQ(get_json("/api/v1/municipalities?county=42&limit=1000").at("total").as_int64(), 25);
  EXPECT_EQ(get_json("/api/v1/municipalities?include=territories&limit=1").at("total").as_int64(),
            359);
  auto svalbard = get_json("/api/v1/municipalities/2100");
  EXPECT_EQ(svalbard.at("kind").as_string(), "territory");
  EXPECT_TRUE(svalbard.at("county").is_null());
}

TEST_F(RegistryApi, OneMunicipality) {
  auto m = get_json("/api/v1/municipalities/5612");
  EXPECT_EQ(m.at("name").as_string(), "Guovdageaidnu - Kautokeino");
  EXPECT_EQ(m.at("name_norwegian").as_string(), "Kautokeino");
  EXPECT_EQ(m.at("county").at("number").as_string(), "56");
  EXPECT_EQ(m.at("label_point").at("lat").as_double(), 69.134);
  auto oslo = get("/api/v1/municipalities/0301");
  EXPECT_NE(oslo.body.find("\"area_km2\":454.12"), std::string::npos) << oslo.body;  // not 4.5412E2
  expect_problem("/api/v1/municipalities/0000", 404, "", "registry.municipality_not_found");
  expect_problem("/api/v1/municipalities/oslo", 400, "number",
                 "registry.municipality_number_invalid");
}

// Issue 15, item 1: a code of any year since 2017 resolves, as it was, and says what it became.
TEST_F(RegistryApi, AMunicipalityAsItWasOnADay) {
  auto k = get_json("/api/v1/municipalities/1001?on=2019-06-01");
  EXPECT_EQ(k.at("name").as_string(), "Kristiansand");
  EXPECT_EQ(k.at("county").at("name").as_string(), "Vest-Agder");
  EXPECT_EQ(k.at("valid_to").as_string(), "2019-12-31");
  ASSERT_EQ(k.at("became").as_array().size(), 1u);
  EXPECT_EQ(k.at("became").as_array()[0].at("number").as_string(), "4204");
  EXPECT_EQ(k.at("became").as_array()[0].at("on").as_string(), "2020-01-01");
  // Halden 0101 → 3001 → 3101: today's is two changes on.
  auto halden = get_json("/api/v1/municipalities/0101?on=2017-01-01");
  ASSERT_EQ(halden.at("today").as_array().size(), 1u);
  EXPECT_EQ(halden.at("today").as_array()[0].at("number").as_string(), "3101");
  EXPECT_EQ(get_json("/api/v1/municipalities/3001?on=2023-06-30").at("county").at("name"), "Viken");
  // Ålesund 1507 split in 2024: both of today's.
  auto alesund = get_json("/api/v1/municipalities/1507?on=2022-01-01");
  std::set<std::string> today;
  for (const auto& t : alesund.at("today").as_array())
    today.insert(std::string(t.at("number").as_string()));
  EXPECT_EQ(today, (std::set<std::string>{"1508", "1580"}));
  // Oslo never changed; today's answer without `on` is the registry's.
  EXPECT_TRUE(get_json("/api/v1/municipalities/0301?on=2018-01-01").at("valid_to").is_null());
  expect_problem("/api/v1/municipalities/1001", 404, "", "registry.municipality_not_found");
  expect_problem("/api/v1/municipalities/1001?on=2021-01-01", 404, "", "registry.not_valid_on");
  expect_problem("/api/v1/municipalities/9999?on=2019-01-01", 404, "", "registry.pseudo_area");
  expect_problem("/api/v1/municipalities/1001?on=2016-12-31", 400, "on",
                 "on registry.before_history");
  expect_problem("/api/v1/municipalities/1001?on=2019-02-30", 400, "on");
}

TEST_F(RegistryApi, ACountyAsItWasWithFhiSharesOfTodaysCounties) {
  auto viken = get_json("/api/v1/counties/30?on=2022-01-01");
  EXPECT_EQ(viken.at("name").as_string(), "Viken");
  EXPECT_EQ(viken.at("became").as_array().size(), 3u);
  double share = 0;
  for (const auto& t : viken.at("today").as_array()) share += t.at("share").as_double();
  EXPECT_NEAR(share, 1.0, 1e-9);
  EXPECT_EQ(get_json("/api/v1/counties/16?on=2017-06-01").at("became").as_array()[0].at("number"),
            "50");
  EXPECT_EQ(get_json("/api/v1/counties/03").at("today").as_array()[0].at("number"), "03");
  expect_problem("/api/v1/counties/30", 404, "", "registry.not_valid_on");  // today: gone
  expect_problem("/api/v1/counties/13?on=2018-01-01", 404, "", "registry.county_not_found");
  expect_problem("/api/v1/counties/99", 404, "", "registry.pseudo_area");
  expect_problem("/api/v1/counties/3", 400, "number");
}

TEST_F(RegistryApi, SchoolSearchIsCaseAndDiacriticInsensitive) {
  for (const char* q : {"Gr%C3%BCnerl%C3%B8kka", "GR%C3%9CNERL%C3%98KKA", "grunerloekka"}) {
    auto body = get_json(std::string("/api/v1/schools?q=") + q);
    bool found = false;
    for (const auto& s : body.at("items").as_array())
      found |= s.at("orgnr").as_string() == "874589802";
    EXPECT_TRUE(found) << q;
  }
  auto bergen = get_json("/api/v1/schools?municipality=4601&limit=1");
  EXPECT_GT(bergen.at("total").as_int64(), 50);
  EXPECT_FALSE(bergen.at("next_cursor").is_null());
  auto county = get_json("/api/v1/schools?county=03&q=skole&limit=1000");
  for (const auto& s : county.at("items").as_array())
    EXPECT_EQ(s.at("county").at("number").as_string(), "03");
  EXPECT_EQ(get_json("/api/v1/schools?limit=1").at("total").as_int64(), 2571);
}

TEST_F(RegistryApi, SchoolsAreInNorwegianAlphabeticalOrder) {
  auto body = get_json("/api/v1/schools?municipality=4601&limit=1000");
  std::vector<std::string> names;
  for (const auto& s : body.at("items").as_array()) names.emplace_back(s.at("name").as_string());
  ASSERT_GT(names.size(), 4u);
  // ... Ytre Arna, Ytrebygda, then Å last (not among the a's).
  EXPECT_EQ(names[names.size() - 2], "Ådnamarka skule");
  EXPECT_EQ(names.back(), "Åstveit skole");
  EXPECT_EQ(names[names.size() - 3], "Ytrebygda skole");
}

TEST_F(RegistryApi, OneSchool) {
  auto s = get_json("/api/v1/schools/974795655");
  EXPECT_EQ(s.at("name").as_string(), "Longyearbyen skole grunnskole");
  EXPECT_EQ(s.at("municipality").at("number").as_string(), "2100");
  EXPECT_EQ(s.at("location_precision").as_string(), "municipality");
  EXPECT_TRUE(s.at("county").is_null());  // Svalbard is in no county, whatever Udir's files say
  EXPECT_FALSE(s.at("grades").as_array().empty());
  // a valid number, no such school
  expect_problem("/api/v1/schools/975283011", 404, "", "registry.school_not_found");
  // wrong check digit
  expect_problem("/api/v1/schools/975283004", 400, "orgnr", "registry.orgnr_invalid");
  expect_problem("/api/v1/schools/12", 400, "orgnr", "registry.orgnr_invalid");
}

TEST_F(RegistryApi, Institutions) {
  EXPECT_EQ(get_json("/api/v1/institutions?kind=science_centre").at("total").as_int64(), 13);
  EXPECT_EQ(get_json("/api/v1/institutions?kind=higher_education").at("total").as_int64(), 24);
  EXPECT_EQ(get_json("/api/v1/institutions?limit=1000").at("total").as_int64(), 37);
  expect_problem("/api/v1/institutions?kind=museum", 400, "kind", "kind validation.not_allowed");
}

TEST_F(RegistryApi, BadParametersAreProblems) {
  expect_problem("/api/v1/counties?limit=0", 400, "limit");
  expect_problem("/api/v1/counties?limit=1001", 400, "limit");
  expect_problem("/api/v1/counties?limit=abc", 400, "limit");
  expect_problem("/api/v1/counties?cursor=%21%21", 400, "cursor");
  expect_problem("/api/v1/schools?municipalty=0301", 400, "municipalty");
  expect_problem("/api/v1/schools?county=3", 400, "county", "county validation.bad_format");
  expect_problem("/api/v1/municipalities?county=oslo", 400, "county",
                 "county validation.bad_format");
}

TEST_F(RegistryApi, UnknownRoutesAndWrongMethods) {
  expect_problem("/api/v1/nothing", 404);
  HttpConnection c(server_->port());
  auto res = c.request("POST", "/api/v1/counties", {}, "{}");
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.header("allow"), "GET, HEAD");
  EXPECT_EQ(res.header("content-type"), "application/problem+json");
}

TEST_F(RegistryApi, EtagAndIfNoneMatch) {
  auto first = get("/api/v1/municipalities/0301");
  const std::string tag = first.header("etag");
  ASSERT_FALSE(tag.empty());
  auto again = get("/api/v1/municipalities/0301", {{"If-None-Match", tag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("etag"), tag);
  auto other = get("/api/v1/municipalities/4601", {{"If-None-Match", tag}});
  EXPECT_EQ(other.status, 200);
}

TEST_F(RegistryApi, BoundariesAsPublished) {
  auto counties = get("/api/v1/boundaries/counties");
  ASSERT_EQ(counties.status, 200) << counties.body;
  EXPECT_EQ(counties.header("content-type"), "application/geo+json");
  auto fc = json::parse(counties.body).as_object();
  EXPECT_EQ(fc.at("type").as_string(), "FeatureCollection");
  EXPECT_EQ(fc.at("features").as_array().size(), 15u);

  auto municipalities = get("/api/v1/boundaries/municipalities");
  ASSERT_EQ(municipalities.status, 200);
  auto topo = json::parse(municipalities.body).as_object();
  EXPECT_EQ(topo.at("type").as_string(), "Topology");
  EXPECT_EQ(topo.at("objects").at("Kommuner").at("geometries").as_array().size(), 357u);

  // Compressed when asked for, with its own entity tag.
  auto zipped = get("/api/v1/boundaries/municipalities", {{"Accept-Encoding", "gzip, br"}});
  ASSERT_EQ(zipped.status, 200);
  EXPECT_EQ(zipped.header("content-encoding"), "gzip");
  EXPECT_EQ(zipped.header("vary"), "Accept-Encoding");
  ASSERT_GT(zipped.body.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(zipped.body[0]), 0x1f);
  EXPECT_LT(zipped.body.size(), municipalities.body.size() / 2);
  EXPECT_NE(zipped.header("etag"), municipalities.header("etag"));
  auto refused = get("/api/v1/boundaries/municipalities", {{"Accept-Encoding", "gzip;q=0"}});
  EXPECT_EQ(refused.header("content-encoding"), "");
  EXPECT_EQ(refused.body, municipalities.body);

  expect_problem("/api/v1/boundaries/parishes", 404, "", "registry.boundaries_unknown");
}

TEST(Server, ServesTheFrontEndWithClientRoutes) {
  TempDir dir;
  const std::string ui = dir.path() + "/ui";
  std::filesystem::create_directories(ui + "/assets");
  std::ofstream(ui + "/index.html") << "<!doctype html><title>stemnet</title>";
  std::ofstream(ui + "/assets/index-abc123.js") << std::string(4000, 'x');
  std::ofstream(ui + "/favicon.svg") << "<svg/>";
  ServerProcess server(stemnet::testing::fresh_db_url(dir.path(), "s"), {"--ui", ui});
  ASSERT_NE(server.port(), 0);

  auto index = http_get(server.port(), "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.header("cache-control"), "no-cache");
  // A client-side route gets the page; the browser's router takes over.
  auto route = http_get(server.port(), "/kommuner/0301");
  EXPECT_EQ(route.status, 200);
  EXPECT_EQ(route.body, index.body);
  auto asset = http_get(server.port(), "/assets/index-abc123.js", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(asset.status, 200);
  EXPECT_EQ(asset.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(asset.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(asset.header("content-encoding"), "gzip");
  EXPECT_EQ(http_get(server.port(), "/favicon.svg").header("content-type"), "image/svg+xml");
  auto again = http_get(server.port(), "/", {{"If-None-Match", index.header("etag")}});
  EXPECT_EQ(again.status, 304);
  // Missing files and unknown API paths stay 404 problems, never the page.
  for (const char* missing : {"/assets/gone-1.js", "/logo.png", "/api/v1/nothing"}) {
    auto res = http_get(server.port(), missing);
    EXPECT_EQ(res.status, 404) << missing;
    EXPECT_EQ(res.header("content-type"), "application/problem+json") << missing;
  }
  // Only GET and HEAD reach the files.
  HttpConnection c(server.port());
  EXPECT_EQ(c.request("POST", "/kommuner", {{"Content-Type", "application/json"}}, "{}").status,
            404);
}

TEST_F(RegistryApi, HeadAnswersHeadersOnly) {
  HttpConnection c(server_->port());
  auto head = c.request("HEAD", "/api/v1/counties");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_GT(std::atoi(head.header("content-length").c_str()), 1000);
  // The connection stays usable after a HEAD.
  EXPECT_EQ(c.request("GET", "/healthz").status, 200);
}

TEST_F(RegistryApi, KeepAliveServesManyRequestsOnOneConnection) {
  HttpConnection c(server_->port());
  for (int i = 0; i < 20; ++i)
    ASSERT_EQ(c.request("GET", "/api/v1/municipalities/0301").status, 200) << i;
  auto last = c.request("GET", "/healthz", {{"Connection", "close"}});
  EXPECT_EQ(last.status, 200);
  EXPECT_TRUE(c.closed_by_peer());
}

TEST_F(RegistryApi, OversizedBodyIs413) {
  HttpConnection c(server_->port());
  auto res = c.request("POST", "/api/v1/counties", {}, std::string(2 << 20, 'x'));
  EXPECT_EQ(res.status, 413);
  EXPECT_EQ(res.header("content-type"), "application/problem+json");
  EXPECT_EQ(problem_code(res), "request.body_too_large");
  EXPECT_EQ(problem_param(res, "max"), std::to_string(1 << 20));
}

TEST_F(RegistryApi, MalformedRequestIs400AndTheServerKeepsServing) {
  HttpConnection c(server_->port());
  auto res = c.raw("GET /api/v1/counties HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n");
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.header("content-type"), "application/problem+json");
  HttpConnection garbage(server_->port());
  auto nonsense = garbage.raw("\x16\x03\x01 not http at all\r\n\r\n");
  EXPECT_EQ(nonsense.status, 400);
  EXPECT_EQ(problem_code(res), "request.malformed");
  EXPECT_EQ(problem_code(nonsense), "request.malformed");
  EXPECT_EQ(get("/healthz").status, 200);
}

// A header line that starts with a space or tab continues the one before
// (obs-fold): RFC 9112 5.2 has a server refuse it, and Beast would fold it.
TEST_F(RegistryApi, ObsFoldIsRefused) {
  for (const char* fold : {" ", "\t"}) {
    HttpConnection c(server_->port());
    auto res = c.raw(std::string("GET /api/v1/counties HTTP/1.1\r\nHost: x\r\nX-Note: a\r\n") +
                     fold + "b\r\n\r\n");
    EXPECT_EQ(res.status, 400) << res.body;
    EXPECT_EQ(res.header("content-type"), "application/problem+json");
    EXPECT_NE(res.body.find("obs-fold"), std::string::npos) << res.body;
  }
  // A space inside a value is fine, and the server keeps serving.
  HttpConnection c(server_->port());
  EXPECT_EQ(c.raw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Note: a  b\r\n\r\n").status, 200);
}

// Bytes that are not UTF-8 in a path or parameter (%FF) come back in
// problem details as U+FFFD: every answer is valid UTF-8 JSON.
TEST_F(RegistryApi, ProblemsAreValidUtf8WhateverTheRequest) {
  for (const char* target :
       {"/api/v1/municipalities/%FF", "/api/v1/%FF%FE", "/api/v1/counties?%FF=1",
        "/api/v1/counties?limit=%FF%FE", "/api/v1/offers?format=%FF%FE", "/api/v1/schools/%C3%28",
        "/api/v1/schools/%ED%A0%80"}) {
    auto res = get(target);
    EXPECT_GE(res.status, 400) << target;
    EXPECT_EQ(res.header("content-type"), "application/problem+json") << target;
    boost::system::error_code ec;
    auto v = json::parse(res.body, ec);  // refuses ill-formed UTF-8
    ASSERT_FALSE(ec) << target << ": " << res.body;
    EXPECT_NE(v.at("detail").as_string().find("\xEF\xBF\xBD"), json::string::npos)
        << target << ": " << res.body;
  }
}

TEST(Server, StopsGracefullyOnSigterm) {
  TempDir dir;
  ServerProcess server(stemnet::testing::fresh_db_url(dir.path(), "empty"));
  ASSERT_NE(server.port(), 0);
  HttpConnection idle(server.port());  // an idle keep-alive connection must not hold shutdown up
  ASSERT_EQ(idle.request("GET", "/healthz").status, 200);
  std::string out;
  EXPECT_EQ(server.stop(SIGTERM, &out), 0);
  EXPECT_NE(out.find("stemnet stopped"), std::string::npos) << out;
}

TEST(Server, ARequestInFlightFinishesDuringShutdown) {
  TempDir dir;
  ServerProcess server(stemnet::testing::fresh_db_url(dir.path(), "inflight"));
  ASSERT_NE(server.port(), 0);
  HttpConnection c(server.port());
  ASSERT_TRUE(c.connected());
  // Half a request: the header and part of the body. Then the signal.
  const std::string head =
      "POST /api/v1/counties HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhello";
  ASSERT_EQ(c.raw_send(head), head.size());
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  std::thread stopper([&server] { server.stop(SIGTERM); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // The rest of the body arrives after the signal: the request is answered.
  auto res = c.raw("world");
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.header("connection"), "close");
  stopper.join();
}

TEST(Server, ReadyzAnswersOnAnEmptyDatabase) {
  TempDir dir;
  ServerProcess server(stemnet::testing::fresh_db_url(dir.path(), "empty"));
  ASSERT_NE(server.port(), 0);
  EXPECT_EQ(http_get(server.port(), "/readyz").status, 200);
  auto body = json::parse(http_get(server.port(), "/api/v1/counties").body).as_object();
  EXPECT_EQ(body.at("total").as_int64(), 0);
}

TEST(Server, PortInUseIsAClearError) {
  TempDir dir;
  ServerProcess first(stemnet::testing::fresh_db_url(dir.path(), "a"));
  ASSERT_NE(first.port(), 0);
  auto second = run_stemnet({"serve", "--db", stemnet::testing::fresh_db_url(dir.path(), "b"),
                             "--bind", "127.0.0.1", "--port", std::to_string(first.port())});
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_NE(second.out.find("cannot listen on 127.0.0.1:" + std::to_string(first.port())),
            std::string::npos)
      << second.out;
}

}  // namespace
}  // namespace stemnet::testing
