// Issue 13 (the API as a contract) over real HTTP: the document is served,
// router and document agree, and every request is checked against the
// document before its handler runs, with every fault named by its JSON
// pointer (body) or parameter (query), its code and its parameters.
#include "api_session.hpp"
#include "http_client.hpp"
#include "server_process.hpp"
#include "test_db.hpp"

#include "api/openapi.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace stemnet::testing {
namespace {
namespace json = boost::json;

class ContractApi : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = stemnet::testing::fresh_db_url(dir_.path(), "contract");
    ASSERT_EQ(run_stemnet({"import", "reference", "data/reference", "--db", db_}).exit_code, 0);
    server_ = std::make_unique<ServerProcess>(
        db_, std::vector<std::string>{"--mail-dir", dir_.path() + "/mail"});
    ASSERT_NE(server_->port(), 0);
  }
  HttpResponse call(const std::string& method, const std::string& target,
                    const std::string& body = "", const ApiSession* s = nullptr) {
    return api_call(server_->port(), method, target, s, body);
  }
  TempDir dir_;
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
};

// (pointer or parameter, code) of every fault of a 400 validation problem.
std::vector<std::pair<std::string, std::string>> faults_of(const HttpResponse& res) {
  std::vector<std::pair<std::string, std::string>> out;
  const auto v = json::parse(res.body);
  for (const auto& f : v.at("errors").as_array()) {
    const auto& o = f.as_object();
    const auto* where =
        o.if_contains("pointer") ? o.if_contains("pointer") : o.if_contains("parameter");
    out.emplace_back(std::string(where->as_string()), std::string(o.at("code").as_string()));
  }
  return out;
}

struct Case {
  const char* family;
  const char* method;
  std::string target;
  std::string body;
  std::vector<std::pair<std::string, std::string>> faults;  // exactly these, in order
};

// One write route of each module (and the query string of a read), each
// fault kind at least once: wrong type, missing member, unknown member,
// number out of range, text too long or short, value not in its list, form.
std::vector<Case> cases() {
  const std::string long_title(201, 'x');
  const std::string long_wish(1001, 'y');
  std::string many_weeks;
  for (int i = 10; i < 31; ++i)
    many_weeks += (many_weeks.empty() ? "" : ",") + ("\"2099-W" + std::to_string(i) + "\"");
  return {
      {"accounts",
       "POST",
       "/api/v1/auth/signup",
       R"({"email":5,"password":"short","extra":1})",
       {{"/email", "validation.wrong_type"},
        {"/password", "validation.too_short"},
        {"/name", "validation.missing"},
        {"/extra", "validation.unknown_member"}}},
      {"organisations",
       "POST",
       "/api/v1/organisations",
       R"({"kind":"bank","name":"","municipality":"46011","orgnr":"12"})",
       {{"/kind", "validation.not_allowed"},
        {"/name", "validation.too_short"},
        {"/orgnr", "validation.bad_format"},
        {"/municipality", "validation.bad_format"}}},
      {"catalogue",
       "POST",
       "/api/v1/offers",
       R"({"organisation_id":"org:923456783","title":")" + long_title +
           R"(","description":"x","format":"kit","subjects":[1],"grades":{"min":"8"},"capacity":0,"travel_radius_km":2001})",
       {{"/title", "validation.too_long"},
        {"/subjects/0", "validation.wrong_type"},
        {"/grades/min", "validation.wrong_type"},
        {"/capacity", "validation.out_of_range"},
        {"/travel_radius_km", "validation.out_of_range"}}},
      {"catalogue",
       "POST",
       "/api/v1/offers/offer:x/slots",
       R"({"starts_at":"2027-02-01 09:00","ends_at":"2027-02-01T10:00","capacity":"3"})",
       {{"/starts_at", "validation.bad_format"}, {"/capacity", "validation.wrong_type"}}},
      {"booking",
       "POST",
       "/api/v1/requests",
       R"({"offer_id":"offer:x","school":"975280640","grade":14,"pupils":1001,"wished":")" +
           long_wish + R"("})",
       {{"/grade", "validation.out_of_range"},
        {"/pupils", "validation.out_of_range"},
        {"/wished", "validation.too_long"}}},
      {"booking (a move that takes no body)",
       "POST",
       "/api/v1/requests/req:x/complete",
       R"({"reason":"done"})",
       {{"/reason", "validation.unknown_member"}}},
      {"open requests",
       "POST",
       "/api/v1/open-requests",
       R"({"school":"975280640","grade":9,"pupils":24,"subjects":["physics"],"weeks":[)" +
           many_weeks + "]}",
       {{"/weeks", "validation.too_many_items"}, {"/note", "validation.missing"}}},
      {"matching",
       "POST",
       "/api/v1/rounds",
       R"({"region":"Vestland","from":"2027-01-01","to":true})",
       {{"/region", "validation.bad_format"}, {"/to", "validation.wrong_type"}}},
      {"members",
       "POST",
       "/api/v1/organisations/org:923456783/join",
       R"({"role":"boss","message":7})",
       {{"/role", "validation.not_allowed"}, {"/message", "validation.wrong_type"}}},
      {"notify",
       "PATCH",
       "/api/v1/me/notifications",
       R"({"request_new":"yes","spam":true})",
       {{"/request_new", "validation.wrong_type"}, {"/spam", "validation.unknown_member"}}},
      {"registry (query)",
       "GET",
       "/api/v1/schools?county=9&limit=abc&frob=1&limit=2",
       "",
       {{"county", "validation.bad_format"},
        {"limit", "validation.wrong_type"},
        {"frob", "validation.unknown_parameter"},
        {"limit", "validation.repeated_parameter"}}},
      {"monitor (query)",
       "GET",
       "/api/v1/indicators/population/data?format=xml&level=town",
       "",
       {{"level", "validation.not_allowed"}, {"format", "validation.not_allowed"}}},
  };
}

TEST_F(ContractApi, EveryFaultOfABodyOrQueryIsNamedByPointerAndCode) {
  for (const auto& c : cases()) {
    SCOPED_TRACE(std::string(c.family) + ": " + c.method + " " + c.target);
    auto res = call(c.method, c.target, c.body);
    ASSERT_EQ(res.status, 400) << res.body;
    EXPECT_EQ(res.header("content-type"), "application/problem+json");
    const auto v = json::parse(res.body);
    EXPECT_EQ(v.at("code").as_string(), "validation.failed");
    auto got = faults_of(res);
    auto want = c.faults;
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    EXPECT_EQ(got, want) << res.body;
    // Each fault says in English what is wrong, for people reading the raw answer.
    for (const auto& f : v.at("errors").as_array()) {
      EXPECT_FALSE(f.at("detail").as_string().empty());
    }
  }
}

TEST_F(ContractApi, AFaultCarriesTheParametersItsTextNeeds) {
  auto res = call("POST", "/api/v1/requests",
                  R"({"offer_id":"offer:x","school":"975280640","grade":9,"pupils":1001})");
  ASSERT_EQ(res.status, 400) << res.body;
  const auto problem = json::parse(res.body);
  const auto& fault = problem.at("errors").at(0);
  EXPECT_EQ(fault.at("pointer").as_string(), "/pupils");
  EXPECT_EQ(fault.at("params").at("min").as_int64(), 1);
  EXPECT_EQ(fault.at("params").at("max").as_int64(), 1000);
  // The older `param` still names the first fault, as a member path.
  EXPECT_EQ(problem.at("param").as_string(), "pupils");
  auto enumerated = call("POST", "/api/v1/organisations/org:923456783/join", R"({"role":"boss"})");
  const auto listed = json::parse(enumerated.body);
  EXPECT_EQ(listed.at("errors").at(0).at("params").at("allowed").as_string(),
            "teacher, school_contact, provider_member");
}

// Nothing is written when a request is refused at the edge: the same
// e-mail address signs up afterwards as if it had never been tried.
TEST_F(ContractApi, ARefusedRequestWritesNothing) {
  auto refused = call(
      "POST", "/api/v1/auth/signup",
      R"({"email":"kari@skole.test","name":"Kari","password":"a long enough password","admin":true})");
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(
      faults_of(refused),
      (std::vector<std::pair<std::string, std::string>>{{"/admin", "validation.unknown_member"}}));
  auto accepted =
      call("POST", "/api/v1/auth/signup",
           R"({"email":"kari@skole.test","name":"Kari","password":"a long enough password"})");
  EXPECT_EQ(accepted.status, 201) << accepted.body;
}

TEST_F(ContractApi, ABodyThatIsNotJsonOrNotDeclaredJson) {
  HttpConnection c(server_->port());
  auto text = c.request("POST", "/api/v1/auth/signup", {{"Content-Type", "text/plain"}}, "{}");
  EXPECT_EQ(text.status, 415) << text.body;
  auto broken = c.request("POST", "/api/v1/auth/signup", {{"Content-Type", "application/json"}},
                          R"({"email":)");
  ASSERT_EQ(broken.status, 400) << broken.body;
  EXPECT_EQ(faults_of(broken),
            (std::vector<std::pair<std::string, std::string>>{{"", "validation.malformed_json"}}));
  auto missing = c.request("POST", "/api/v1/organisations/org:923456783/reject", {}, "");
  ASSERT_EQ(missing.status, 400) << missing.body;
  EXPECT_EQ(faults_of(missing),
            (std::vector<std::pair<std::string, std::string>>{{"", "validation.missing"}}));
  auto nul =
      c.request("POST", "/api/v1/auth/signup", {{"Content-Type", "application/json"}},
                R"({"email":"a@b.no","name":"K\u0000ari","password":"a long enough password"})");
  ASSERT_EQ(nul.status, 400) << nul.body;
  EXPECT_EQ(
      faults_of(nul),
      (std::vector<std::pair<std::string, std::string>>{{"/name", "validation.nul_character"}}));
}

// Malformed JSON says where it stops being JSON, as an editor counts.
TEST_F(ContractApi, MalformedJsonNamesItsLineAndColumn) {
  HttpConnection c(server_->port());
  auto broken = c.request("POST", "/api/v1/auth/signup", {{"Content-Type", "application/json"}},
                          "{\n  \"email\": \"a@b.no\",\n  oops: 1}");
  ASSERT_EQ(broken.status, 400) << broken.body;
  const auto problem = json::parse(broken.body);
  const auto& fault = problem.at("errors").at(0);
  EXPECT_EQ(fault.at("code").as_string(), "validation.malformed_json");
  EXPECT_EQ(fault.at("params").at("line").as_int64(), 3) << broken.body;
  EXPECT_EQ(fault.at("params").at("column").as_int64(), 3) << broken.body;
  auto trailing =
      c.request("POST", "/api/v1/auth/signup", {{"Content-Type", "application/json"}}, "{} {}");
  ASSERT_EQ(trailing.status, 400) << trailing.body;
  EXPECT_EQ(faults_of(trailing),
            (std::vector<std::pair<std::string, std::string>>{{"", "validation.malformed_json"}}));
}

// A query fault stays a query fault even without a name; a required query
// parameter is checked on a bare request too; a member another one needs
// (dependentRequired) is missing like any other. All before the session.
TEST_F(ContractApi, QueryAndDependentMemberFaults) {
  auto unnamed = call("GET", "/api/v1/counties?=x&limit=3");
  ASSERT_EQ(unnamed.status, 400) << unnamed.body;
  const auto u = json::parse(unnamed.body);
  EXPECT_EQ(u.at("param").as_string(), "query");
  const auto& fault = u.at("errors").at(0).as_object();
  EXPECT_TRUE(fault.contains("parameter")) << unnamed.body;
  EXPECT_FALSE(fault.contains("pointer")) << unnamed.body;
  EXPECT_EQ(fault.at("code").as_string(), "validation.unnamed_parameter");

  auto bare = call("DELETE", "/api/v1/organisations/org:923456783/members/person:x");
  ASSERT_EQ(bare.status, 400) << bare.body;
  EXPECT_EQ(faults_of(bare),
            (std::vector<std::pair<std::string, std::string>>{{"role", "validation.missing"}}));

  auto slot_only = call("POST", "/api/v1/open-requests/open:x/answers",
                        R"({"body":"Vi kan komme","slot_id":"slot:1"})");
  ASSERT_EQ(slot_only.status, 400) << slot_only.body;
  EXPECT_EQ(
      faults_of(slot_only),
      (std::vector<std::pair<std::string, std::string>>{{"/offer_id", "validation.missing"}}));
}

// Hostile bodies are answered quickly and the server keeps serving.
TEST_F(ContractApi, HostileBodiesAreRefusedQuickly) {
  std::string wide = "{";
  for (int i = 0; i < 10000; ++i) wide += (i ? ",\"m" : "\"m") + std::to_string(i) + "\":0";
  wide += "}";
  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  const std::string long_text =
      R"({"email":"a@b.no","password":"a long enough password","name":")" +
      std::string(1000000, 'a') + "\"}";
  const std::string too_long = R"({"name":")" + std::string(2 << 20, 'a') + "\"}";
  struct Hostile {
    const char* what;
    std::string body;
    int status;
  };
  for (const auto& h : {Hostile{"10 000 members", wide, 400}, Hostile{"10 000 levels", deep, 400},
                        Hostile{"a string of 1 MB", long_text, 400},
                        Hostile{"a body over the limit", too_long, 413}}) {
    SCOPED_TRACE(h.what);
    const auto start = std::chrono::steady_clock::now();
    auto res = call("POST", "/api/v1/auth/signup", h.body);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    EXPECT_EQ(res.status, h.status) << res.body.substr(0, 300);
    std::cout << "[ hostile  ] " << h.what << ": " << res.status << " in " << ms << " ms\n";
    if (res.status == 400) {
      const auto v = json::parse(res.body);
      EXPECT_LE(v.at("errors").as_array().size(), 50u);
    }
  }
  auto many = call("POST", "/api/v1/auth/signup", wide);
  EXPECT_EQ(json::parse(many.body).at("params").at("count").as_int64(), 10003)
      << "every unknown member and the three missing ones are counted";
  EXPECT_EQ(http_get(server_->port(), "/healthz").status, 200);
}

// std::regex recurses once per character: a pattern must never meet a string
// longer than its member's maxLength (the contract cuts it first), and no date
// or time longer than any date. Before, an address of 40 000 characters
// overflowed the server's stack on sign-up, reset and adding a member.
TEST_F(ContractApi, LongStringsNeverReachAPattern) {
  const std::string address = std::string(400000, 'a') + "@skole.no";
  struct Long {
    const char* target;
    std::string body;
    std::string pointer, code;
  };
  for (const auto& l : {Long{"/api/v1/auth/reset", R"({"email":")" + address + "\"}", "/email",
                             "validation.too_long"},
                        Long{"/api/v1/auth/signup",
                             R"({"email":")" + std::string(300000, 'x') +
                                 R"(@a.no","name":"K","password":"a long enough password"})",
                             "/email", "validation.too_long"},
                        Long{"/api/v1/offers/offer:x/slots",
                             R"({"starts_at":"2027-02-01T09:00:00.)" + std::string(400000, '0') +
                                 R"(Z","ends_at":"2027-02-01T10:00"})",
                             "/starts_at", "validation.bad_format"}}) {
    SCOPED_TRACE(l.target);
    auto res = call("POST", l.target, l.body);
    ASSERT_EQ(res.status, 400) << res.body.substr(0, 300);
    EXPECT_EQ(faults_of(res),
              (std::vector<std::pair<std::string, std::string>>{{l.pointer, l.code}}));
  }
  EXPECT_EQ(http_get(server_->port(), "/healthz").status, 200);
}

// Every pattern that can match without bound has a maxLength beside it, so the
// cut above always applies.
TEST(Contract, EveryUnboundedPatternHasAMaxLength) {
  std::vector<std::string> unbounded;
  std::function<void(const json::value&, const std::string&)> walk = [&](const json::value& v,
                                                                         const std::string& at) {
    if (const auto* o = v.if_object()) {
      if (const auto* p = o->if_contains("pattern"); p && p->is_string()) {
        const std::string_view re = p->as_string();
        const bool open = re.find('+') != std::string_view::npos ||
                          re.find('*') != std::string_view::npos ||
                          re.find(",}") != std::string_view::npos;
        if (open && !o->contains("maxLength")) unbounded.push_back(at);
      }
      for (const auto& [k, child] : *o) walk(child, at + "/" + std::string(k));
    } else if (const auto* a = v.if_array()) {
      for (std::size_t i = 0; i < a->size(); ++i) walk((*a)[i], at + "/" + std::to_string(i));
    }
  };
  walk(api::document(), "");
  EXPECT_EQ(unbounded, std::vector<std::string>{});
}

// The document is served as the server holds it, and is the one in the repository.
TEST_F(ContractApi, TheDocumentIsServedAsJson) {
  auto res = http_get(server_->port(), "/api/v1/openapi.json");
  ASSERT_EQ(res.status, 200);
  EXPECT_EQ(res.header("content-type"), "application/json");
  const auto served = json::parse(res.body);
  EXPECT_EQ(served, api::document());
  EXPECT_EQ(served.at("openapi").as_string(), "3.1.0");
  auto again =
      http_get(server_->port(), "/api/v1/openapi.json", {{"If-None-Match", res.header("etag")}});
  EXPECT_EQ(again.status, 304);
}

// Every route the router knows is in the document, and every operation of
// the document is routed.
TEST(Contract, RouterAndDocumentAgree) {
  TempDir dir;
  auto listed = run_stemnet(
      {"serve", "--db", stemnet::testing::fresh_db_url(dir.path(), "r"), "--list-routes"});
  EXPECT_EQ(listed.exit_code, 0) << listed.out;
  EXPECT_EQ(listed.out.find("UNDOCUMENTED"), std::string::npos) << listed.out;
  EXPECT_EQ(listed.out.find("NOT ROUTED"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("documented  POST /api/v1/requests/{id}/accept"), std::string::npos)
      << listed.out;
}

}  // namespace
}  // namespace stemnet::testing
