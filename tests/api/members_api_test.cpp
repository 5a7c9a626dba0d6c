// People joining and leaving schools and providers, over real HTTP.
#include "api_session.hpp"
#include "http_client.hpp"
#include "mail_box.hpp"
#include "problem_codes.hpp"
#include "server_process.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace stemnet::testing {
namespace {

// "409 organisations.already_asked": the status and the code (of the first
// fault, with its place, for a rule about one member).
std::string answer(const HttpResponse& res) {
  const std::string code = problem_code(res);
  return std::to_string(res.status) + " " + (code == "validation.failed" ? fault_code(res) : code);
}
namespace json = boost::json;

constexpr const char* kSchool = "school:975280640";  // Kirkelund skole, Skiptvet (Østfold, 31)

class MembersApi : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = stemnet::testing::fresh_db_url(dir_.path(), "m");
    ASSERT_EQ(run_stemnet({"import", "reference", "data/reference", "--db", db_}).exit_code, 0);
    server_ = std::make_unique<ServerProcess>(
        db_, std::vector<std::string>{"--mail-dir", dir_.path() + "/mail"});
    ASSERT_NE(server_->port(), 0);
    eva_ = signup_session(port(), "eva@fjordkraft.test", "Eva Kraft");
    ASSERT_EQ(
        call(
            "POST", "/api/v1/organisations", &eva_,
            R"({"kind":"company","name":"Fjordkraft Testdata AS","orgnr":"923456783","municipality":"3116"})")
            .status,
        201);
    coordinator_ = signup_session(port(), "ola@ostfold.test", "Ola Koordinator");
    grant("ola@ostfold.test", "coordinator", "31");
    kari_ = signup_session(port(), "kari@skole.test", "Kari Lærer");
  }
  int port() const { return server_->port(); }
  void grant(const std::string& email, const std::string& role, const std::string& scope) {
    auto r = run_stemnet({"accounts", "grant", email, role, scope, "--db", db_});
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  HttpResponse call(const std::string& method, const std::string& target, const ApiSession* s,
                    const std::string& body = "") {
    return api_call(port(), method, target, s, body);
  }
  json::object body(const HttpResponse& r) { return json::parse(r.body).as_object(); }
  bool has_role(const ApiSession& s, const std::string& role, const std::string& scope) {
    const json::object me = body(call("GET", "/api/v1/me", &s));
    for (const auto& r : me.at("roles").as_array()) {
      if (r.at("role").as_string() == role && r.at("scope").as_string() == scope) return true;
    }
    return false;
  }
  TempDir dir_;
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
  ApiSession eva_, coordinator_, kari_;
};

TEST_F(MembersApi, TeacherAsksToJoinASchoolAndTheCoordinatorLetsHerIn) {
  const std::string school = std::string("/api/v1/organisations/") + kSchool;
  EXPECT_EQ(answer(call("POST", school + "/join", &kari_, R"({"role":"provider_member"})")),
            "400 organisations.role_invalid");
  auto asked = call("POST", school + "/join", &kari_,
                    R"({"role":"teacher","message":"Jeg underviser naturfag på 9. trinn"})");
  ASSERT_EQ(asked.status, 201) << asked.body;
  const std::string id(body(asked).at("id").as_string());
  EXPECT_EQ(body(asked).at("state").as_string(), "pending");
  EXPECT_EQ(body(asked).at("organisation").at("name").as_string(), "Kirkelund skole");
  EXPECT_EQ(answer(call("POST", school + "/join", &kari_, R"({"role":"teacher"})")),
            "409 organisations.already_asked");
  EXPECT_EQ(body(call("GET", "/api/v1/me/join-requests", &kari_)).at("items").as_array().size(),
            1u);

  // The school has no contact yet: the county's coordinator is told and decides.
  auto told = mails_to(wait_for_mails(dir_.path() + "/mail", 1), "ola@ostfold.test");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_NE(told[0].find("Kari Lærer: ber om å bli med (lærer, Kirkelund skole)"),
            std::string::npos)
      << told[0];
  EXPECT_EQ(answer(call("GET", school + "/join-requests", &eva_)),
            "403 organisations.managers_only");
  auto pending = call("GET", school + "/join-requests", &coordinator_);
  ASSERT_EQ(pending.status, 200);
  EXPECT_EQ(body(pending).at("items").as_array().size(), 1u);
  EXPECT_EQ(answer(call("POST", "/api/v1/join-requests/" + id + "/approve", &eva_)),
            "404 organisations.join_request_not_found");
  EXPECT_EQ(answer(call("POST", "/api/v1/join-requests/" + id + "/reject", &coordinator_, "{}")),
            "400 /reason validation.missing");  // the document requires it
  auto approved = call("POST", "/api/v1/join-requests/" + id + "/approve", &coordinator_);
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(body(approved).at("state").as_string(), "approved");
  auto twice = call("POST", "/api/v1/join-requests/" + id + "/approve", &coordinator_);
  EXPECT_EQ(answer(twice), "409 organisations.join_request_decided");
  EXPECT_NE(twice.body.find("/problems/illegal-move"), std::string::npos) << twice.body;
  EXPECT_TRUE(has_role(kari_, "teacher", kSchool));
  auto members = call("GET", school + "/members", &kari_);
  ASSERT_EQ(members.status, 200) << members.body;
  EXPECT_EQ(body(members).at("items").as_array().size(), 1u);
  EXPECT_EQ(body(members).at("total").as_int64(), 1);

  // Someone else is turned away, and the mail says why.
  auto per = signup_session(port(), "per@annen.test", "Per Utenfor");
  auto asked_too = call("POST", school + "/join", &per, R"({"role":"teacher"})");
  ASSERT_EQ(asked_too.status, 201);
  const std::string other(body(asked_too).at("id").as_string());
  ASSERT_EQ(call("POST", "/api/v1/join-requests/" + other + "/reject", &coordinator_,
                 R"({"reason":"Vi kjenner deg ikke på skolen"})")
                .status,
            200);
  auto to_per = mails_to(wait_for_mails(dir_.path() + "/mail", 4), "per@annen.test");
  ASSERT_EQ(to_per.size(), 1u);
  EXPECT_NE(to_per[0].find("Vi kjenner deg ikke på skolen"), std::string::npos) << to_per[0];

  // She leaves again; then she cannot see who is there.
  auto left = call(
      "DELETE",
      school + "/members/" +
          std::string(body(members).at("items").as_array()[0].at("person").at("id").as_string()) +
          "?role=teacher",
      &kari_);
  EXPECT_EQ(left.status, 200) << left.body;
  EXPECT_FALSE(has_role(kari_, "teacher", kSchool));
  EXPECT_EQ(answer(call("GET", school + "/members", &kari_)), "403 organisations.people_hidden");
}

TEST_F(MembersApi, EachSeesTheRequestsToJoinTheyMayDecide) {
  const std::string school = std::string("/api/v1/organisations/") + kSchool;
  // A school in Vestland, outside the coordinator's county.
  const std::string bergen = "/api/v1/organisations/school:874738352";  // Alvøen skole
  auto to_decide = [&](const ApiSession* s) {
    auto res = call("GET", "/api/v1/join-requests", s);
    EXPECT_EQ(res.status, 200) << res.body;
    std::vector<std::string> scopes;
    const json::object list = body(res);
    for (const auto& j : list.at("items").as_array())
      scopes.emplace_back(j.at("organisation").at("id").as_string());
    return scopes;
  };
  ASSERT_EQ(call("POST", school + "/join", &kari_, R"({"role":"teacher"})").status, 201);
  auto per = signup_session(port(), "per@bergen.test", "Per Bergen");
  auto far = call("POST", bergen + "/join", &per, R"({"role":"teacher"})");
  ASSERT_EQ(far.status, 201) << far.body;
  // The coordinator of Østfold sees Kirkelund's, not Bergen's; others see none.
  EXPECT_EQ(to_decide(&coordinator_), std::vector<std::string>{kSchool});
  EXPECT_TRUE(to_decide(&eva_).empty());
  EXPECT_TRUE(to_decide(&kari_).empty());
  EXPECT_EQ(answer(call("GET", "/api/v1/join-requests", nullptr)), "401 auth.required");
  EXPECT_EQ(answer(call("GET", "/api/v1/join-requests?all=1", &coordinator_)),
            "400 all validation.unknown_parameter");
  // A school's contact sees their own school's; an admin every one.
  auto contact = signup_session(port(), "kontakt@skole.test", "Kontakt");
  grant("kontakt@skole.test", "school_contact", kSchool);
  EXPECT_EQ(to_decide(&contact), std::vector<std::string>{kSchool});
  auto admin = signup_session(port(), "admin@stemnet.test", "Admin");
  grant("admin@stemnet.test", "admin", "NO");
  EXPECT_EQ(to_decide(&admin).size(), 2u);
  // Decided, it is gone from the list.
  const json::object mine = body(call("GET", "/api/v1/join-requests", &contact));
  ASSERT_EQ(mine.at("items").as_array().size(), 1u);
  const std::string id(mine.at("items").as_array()[0].at("id").as_string());
  ASSERT_EQ(call("POST", "/api/v1/join-requests/" + id + "/approve", &contact).status, 200);
  EXPECT_TRUE(to_decide(&coordinator_).empty());
}

TEST_F(MembersApi, ProviderMembersAddAndRemoveColleagues) {
  const std::string org = "/api/v1/organisations/org:923456783";
  auto per = signup_session(port(), "per@fjordkraft.test", "Per Kollega");
  auto stranger = signup_session(port(), "x@annen.test");
  // Not approved yet: to outsiders the provider does not exist.
  EXPECT_EQ(answer(call("POST", org + "/join", &stranger, R"({"role":"provider_member"})")),
            "404 organisations.not_found");
  EXPECT_EQ(answer(call("POST", org + "/members", &stranger,
                        R"({"email":"x@annen.test","role":"provider_member"})")),
            "403 organisations.managers_only");
  auto nobody = call("POST", org + "/members", &eva_,
                     R"({"email":"nobody@fjordkraft.test","role":"provider_member"})");
  EXPECT_EQ(answer(nobody), "404 accounts.not_found");
  EXPECT_EQ(problem_param(nobody, "email"), "nobody@fjordkraft.test");
  auto teacher =
      call("POST", org + "/members", &eva_, R"({"email":"per@fjordkraft.test","role":"teacher"})");
  EXPECT_EQ(answer(teacher), "400 organisations.role_invalid");
  EXPECT_EQ(problem_param(teacher, "allowed"), "provider_member");
  auto added = call("POST", org + "/members", &eva_,
                    R"({"email":"Per@Fjordkraft.test","role":"provider_member"})");
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(body(added).at("items").as_array().size(), 2u);
  EXPECT_TRUE(has_role(per, "provider_member", "org:923456783"));
  EXPECT_EQ(answer(call("POST", org + "/members", &eva_,
                        R"({"email":"per@fjordkraft.test","role":"provider_member"})")),
            "409 organisations.already_member");
  EXPECT_EQ(answer(call("GET", org + "/members", &stranger)), "403 organisations.people_hidden");
  EXPECT_EQ(call("GET", org + "/members", &coordinator_).status, 200) << "its county's coordinator";
  // Per is told, in his language, with who and where.
  auto to_per = mails_to(wait_for_mails(dir_.path() + "/mail", 1), "per@fjordkraft.test");
  ASSERT_EQ(to_per.size(), 1u);
  EXPECT_NE(to_per[0].find("er lagt til (medlem, Fjordkraft Testdata AS)"), std::string::npos)
      << to_per[0];

  // Eva removes Per; she, the last member, cannot leave.
  const std::string per_id(body(call("GET", "/api/v1/me", &per)).at("id").as_string());
  const std::string eva_id(body(call("GET", "/api/v1/me", &eva_)).at("id").as_string());
  EXPECT_EQ(call("DELETE", org + "/members/" + per_id, &eva_).status, 400) << "which role";
  EXPECT_EQ(answer(call("DELETE", org + "/members/" + per_id + "?role=provider_member", &stranger)),
            "403 organisations.managers_only");
  auto removed = call("DELETE", org + "/members/" + per_id + "?role=provider_member", &eva_);
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_FALSE(has_role(per, "provider_member", "org:923456783"));
  auto last = call("DELETE", org + "/members/" + eva_id + "?role=provider_member", &eva_);
  EXPECT_EQ(answer(last), "409 organisations.last_member");
  EXPECT_TRUE(has_role(eva_, "provider_member", "org:923456783"));
  // Without the CSRF header nothing changes.
  HttpConnection c(port());
  EXPECT_EQ(c.request("DELETE", org + "/members/" + eva_id + "?role=provider_member",
                      {{"Cookie", eva_.cookie}})
                .status,
            403);
}

}  // namespace
}  // namespace stemnet::testing
