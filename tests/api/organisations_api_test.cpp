// Organisations over real HTTP: registering a provider, approval by the
// region's coordinator, and every refusal on the way.
#include "api_session.hpp"
#include "http_client.hpp"
#include "problem_codes.hpp"
#include "server_process.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <sstream>

namespace stemnet::testing {
namespace {
namespace json = boost::json;

constexpr const char* kProvider =
    R"({"kind":"company","name":"Fjordkraft Testdata AS","orgnr":"923456783","municipality":"4601",)"
    R"("sector":"energy","profile":"Vi viser ungdom hvordan strøm blir til.","recruits_for":["apprenticeships","summer_jobs"]})";

class OrganisationsApi : public ::testing::Test {
 protected:
  using Session = ApiSession;
  void SetUp() override {
    db_ = stemnet::testing::fresh_db_url(dir_.path(), "o");
    ASSERT_EQ(run_stemnet({"import", "reference", "data/reference", "--db", db_}).exit_code, 0);
    server_ = std::make_unique<ServerProcess>(
        db_, std::vector<std::string>{"--mail-dir", dir_.path() + "/mail"});
    ASSERT_NE(server_->port(), 0);
  }
  Session signup(const std::string& email) { return signup_session(server_->port(), email); }
  void grant(const std::string& email, const std::string& role, const std::string& scope) {
    auto r = run_stemnet({"accounts", "grant", email, role, scope, "--db", db_});
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  HttpResponse call(const std::string& method, const std::string& target, const Session* s,
                    const std::string& body = "") {
    return api_call(server_->port(), method, target, s, body);
  }
  std::string register_provider(const Session& s) {
    auto res = call("POST", "/api/v1/organisations", &s, kProvider);
    EXPECT_EQ(res.status, 201) << res.body;
    return std::string(json::parse(res.body).at("id").as_string());
  }
  TempDir dir_;
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(OrganisationsApi, RegisterNeedsASessionAndAValidNumber) {
  auto anonymous = call("POST", "/api/v1/organisations", nullptr, kProvider);
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(problem_code(anonymous), "auth.required");
  auto s = signup("eva@fjordkraft.test");
  std::string bad = kProvider;
  bad.replace(bad.find("923456783"), 9, "923456784");
  auto res = call("POST", "/api/v1/organisations", &s, bad);
  EXPECT_EQ(res.status, 400);
  EXPECT_NE(res.body.find("\"param\":\"orgnr\""), std::string::npos) << res.body;
  EXPECT_EQ(fault_code(res), "/orgnr organisations.orgnr_invalid");
  Session no_csrf{s.cookie, ""};
  auto forged = call("POST", "/api/v1/organisations", &no_csrf, kProvider);
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(problem_code(forged), "auth.csrf");
  // Registered twice.
  register_provider(s);
  auto twice = call("POST", "/api/v1/organisations", &s, kProvider);
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_EQ(problem_code(twice), "organisations.already_registered");
}

TEST_F(OrganisationsApi, PendingUntilTheRegionsCoordinatorApproves) {
  auto eva = signup("eva@fjordkraft.test");
  const std::string id = register_provider(eva);
  EXPECT_EQ(id, "org:923456783");
  // Pending: the public does not see it; its member does.
  auto hidden = call("GET", "/api/v1/organisations/" + id, nullptr);
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(problem_code(hidden), "organisations.not_found");
  EXPECT_EQ(json::parse(call("GET", "/api/v1/organisations", nullptr).body).at("total").as_int64(),
            0);
  auto mine = call("GET", "/api/v1/organisations/" + id, &eva);
  EXPECT_EQ(mine.status, 200);
  EXPECT_EQ(json::parse(mine.body).at("status").as_string(), "pending");
  // Eva cannot approve her own company.
  auto own = call("POST", "/api/v1/organisations/" + id + "/approve", &eva);
  EXPECT_EQ(own.status, 403);
  EXPECT_EQ(problem_code(own), "organisations.deciders_only");
  EXPECT_EQ(problem_param(own, "county"), "46");

  auto oslo = signup("coordinator@oslo.test");
  grant("coordinator@oslo.test", "coordinator", "03");
  auto vestland = signup("coordinator@vestland.test");
  grant("coordinator@vestland.test", "coordinator", "46");
  // A coordinator acts only in their region: Oslo's does not even see it.
  auto elsewhere = call("POST", "/api/v1/organisations/" + id + "/approve", &oslo);
  EXPECT_EQ(elsewhere.status, 404);
  EXPECT_EQ(problem_code(elsewhere), "organisations.not_found");
  auto approved = call("POST", "/api/v1/organisations/" + id + "/approve", &vestland);
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(json::parse(approved.body).at("status").as_string(), "approved");
  auto again = call("POST", "/api/v1/organisations/" + id + "/approve", &vestland);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(problem_code(again), "organisations.already_decided");
  EXPECT_EQ(problem_param(again, "status"), "approved");
  EXPECT_EQ(call("GET", "/api/v1/organisations/" + id, nullptr).status, 200);
}

TEST_F(OrganisationsApi, OnlyMembersChangeAProfile) {
  auto eva = signup("eva@fjordkraft.test");
  const std::string id = register_provider(eva);
  auto admin = signup("admin@stemnet.test");
  grant("admin@stemnet.test", "admin", "NO");
  ASSERT_EQ(call("POST", "/api/v1/organisations/" + id + "/approve", &admin).status, 200);
  auto other = signup("per@konkurrent.test");
  // A change names only what changes; kind and organisation number are not changed.
  const std::string change = R"({"name":"Overtatt AS","sector":"energy"})";
  auto refused = call("PATCH", "/api/v1/organisations/" + id, &other, change);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(problem_code(refused), "organisations.members_only");
  auto own = call("PATCH", "/api/v1/organisations/" + id, &eva, change);
  EXPECT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(json::parse(own.body).at("name").as_string(), "Overtatt AS");
  // A PATCH changes only what it names.
  auto profile =
      call("PATCH", "/api/v1/organisations/" + id, &eva,
           R"({"profile":"Vi viser fram vannkraft.","website":null,"contact":{"name":"Eva"}})");
  ASSERT_EQ(profile.status, 200) << profile.body;
  const auto changed = json::parse(profile.body);
  EXPECT_EQ(changed.at("profile").as_string(), "Vi viser fram vannkraft.");
  EXPECT_EQ(changed.at("name").as_string(), "Overtatt AS");
  EXPECT_EQ(changed.at("municipality").as_string(), "4601");
  EXPECT_TRUE(changed.at("website").is_null());
  EXPECT_EQ(changed.at("contact").at("name").as_string(), "Eva");
  EXPECT_TRUE(changed.at("contact").at("email").is_null());
  // A wrong type is named, and changes nothing; null clears a list.
  auto typed = call("PATCH", "/api/v1/organisations/" + id, &eva, R"({"sector":5})");
  EXPECT_EQ(typed.status, 400) << typed.body;
  EXPECT_EQ(json::parse(typed.body).at("param").as_string(), "sector");
  auto cleared = call("PATCH", "/api/v1/organisations/" + id, &eva, R"({"recruits_for":null})");
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(json::parse(cleared.body).at("recruits_for").as_array().empty());
  EXPECT_EQ(json::parse(cleared.body).at("profile").as_string(), "Vi viser fram vannkraft.");
}

TEST_F(OrganisationsApi, ProvidersOnSvalbardAreDecidedByAnAdmin) {
  auto eva = signup("eva@svalbard.test");
  std::string body = kProvider;
  body.replace(body.find("\"4601\""), 6, "\"2100\"");
  auto reg = call("POST", "/api/v1/organisations", &eva, body);
  ASSERT_EQ(reg.status, 201) << reg.body;
  auto admin = signup("admin@stemnet.test");
  grant("admin@stemnet.test", "admin", "NO");
  EXPECT_EQ(call("POST", "/api/v1/organisations/org:923456783/approve", &admin).status, 200);
  // A change to a municipality that does not exist is a bad request, not a database error.
  auto bad =
      call("PATCH", "/api/v1/organisations/org:923456783", &eva, R"({"municipality":"9999"})");
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(fault_code(bad), "/municipality organisations.municipality_unknown");
  EXPECT_EQ(problem_param(bad, "number"), "9999");
}

TEST_F(OrganisationsApi, RejectionNeedsAReason) {
  auto eva = signup("eva@fjordkraft.test");
  const std::string id = register_provider(eva);
  auto vestland = signup("coordinator@vestland.test");
  grant("coordinator@vestland.test", "coordinator", "46");
  auto no_reason = call("POST", "/api/v1/organisations/" + id + "/reject", &vestland);
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(problem_code(no_reason), "validation.failed");  // the document requires a body
  auto rejected = call("POST", "/api/v1/organisations/" + id + "/reject", &vestland,
                       R"({"reason":"not a real company"})");
  EXPECT_EQ(rejected.status, 200);
  EXPECT_EQ(json::parse(rejected.body).at("status").as_string(), "rejected");
}

TEST_F(OrganisationsApi, GrantChecksTheScope) {
  signup("someone@test.no");
  auto bad_county =
      run_stemnet({"accounts", "grant", "someone@test.no", "coordinator", "99", "--db", db_});
  EXPECT_EQ(bad_county.exit_code, 1);
  auto bad_school =
      run_stemnet({"accounts", "grant", "someone@test.no", "teacher", "school:123", "--db", db_});
  EXPECT_EQ(bad_school.exit_code, 1);
  auto good_school = run_stemnet(
      {"accounts", "grant", "someone@test.no", "teacher", "school:974795655", "--db", db_});
  EXPECT_EQ(good_school.exit_code, 0) << good_school.out;
  auto nobody = run_stemnet({"accounts", "grant", "nobody@test.no", "admin", "NO", "--db", db_});
  EXPECT_EQ(nobody.exit_code, 1);
}

}  // namespace
}  // namespace stemnet::testing
