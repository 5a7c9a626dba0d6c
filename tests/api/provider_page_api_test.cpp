// A provider's public page over real HTTP: a contact person, a web site, what
// it recruits for, a logo and pictures prepared while it is pending and public
// once approved; role models who register without an organisation number;
// and every refusal on the way.
#include "api_session.hpp"
#include "http_client.hpp"
#include "pictures.hpp"
#include "problem_codes.hpp"
#include "server_process.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace stemnet::testing {
namespace {
namespace json = boost::json;

class ProviderPageApi : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = stemnet::testing::fresh_db_url(dir_.path(), "p");
    ASSERT_EQ(run_stemnet({"import", "reference", "data/reference", "--db", db_}).exit_code, 0);
    server_ = std::make_unique<ServerProcess>(
        db_, std::vector<std::string>{"--mail-dir", dir_.path() + "/mail"});
    eva_ = signup_session(server_->port(), "eva@fjordkraft.test");
    per_ = signup_session(server_->port(), "per@konkurrent.test");
    admin_ = signup_session(server_->port(), "admin@stemnet.test");
    ASSERT_EQ(run_stemnet({"accounts", "grant", "admin@stemnet.test", "admin", "NO", "--db", db_})
                  .exit_code,
              0);
  }
  HttpResponse call(const std::string& method, const std::string& target, const ApiSession* s,
                    const std::string& body = "") {
    return api_call(server_->port(), method, target, s, body);
  }
  HttpResponse upload(const ApiSession* s, const std::string& id, const std::string& query,
                      const std::string& bytes, bool csrf = true) {
    std::vector<std::pair<std::string, std::string>> h = {
        {"Content-Type", "application/octet-stream"}};
    if (s) h.emplace_back("Cookie", s->cookie);
    if (s && csrf) h.emplace_back("X-CSRF-Token", s->csrf);
    HttpConnection c(server_->port());
    return c.request("POST", "/api/v1/organisations/" + id + "/files" + query, h, bytes);
  }
  json::value org(const std::string& id, const ApiSession* s) {
    auto res = call("GET", "/api/v1/organisations/" + id, s);
    EXPECT_EQ(res.status, 200) << res.body;
    return json::parse(res.body);
  }

  TempDir dir_;
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
  ApiSession eva_, per_, admin_;
};

constexpr const char* kCompany =
    R"({"kind":"company","name":"Fjordkraft Testdata AS","orgnr":"923456783",)"
    R"("municipality":"4601","profile":"Vi viser ungdom hvordan strøm blir til.",)"
    R"("recruits_for":["apprenticeships","summer_jobs"],"website":"https://fjordkraft.example",)"
    R"("contact":{"name":"Eva Strøm","title":"Skolekontakt","email":"skole@fjordkraft.example",)"
    R"("phone":"+47 55 12 34 56"}})";

TEST_F(ProviderPageApi, APageIsPreparedWhilePendingAndPublicOnceApproved) {
  auto reg = call("POST", "/api/v1/organisations", &eva_, kCompany);
  ASSERT_EQ(reg.status, 201) << reg.body;
  const auto made = json::parse(reg.body);
  EXPECT_EQ(made.at("contact").at("name").as_string(), "Eva Strøm");
  EXPECT_EQ(made.at("contact").at("phone").as_string(), "+47 55 12 34 56");
  EXPECT_EQ(made.at("website").as_string(), "https://fjordkraft.example");
  EXPECT_EQ(made.at("recruits_for").as_array().size(), 2u);
  EXPECT_TRUE(made.at("logo").is_null());
  const std::string id = "org:923456783";

  // While pending, its members add a logo and pictures; nobody else sees them.
  auto logo = upload(&eva_, id, "?role=logo&name=logo.png", test_picture(400, 160, ".png"));
  ASSERT_EQ(logo.status, 201) << logo.body;
  const std::string logo_url(json::parse(logo.body).at("url").as_string());
  auto picture = upload(&eva_, id, "?name=kraftverk.jpg", test_picture(2400, 1600));
  ASSERT_EQ(picture.status, 201) << picture.body;
  const auto pic = json::parse(picture.body);
  EXPECT_EQ(pic.at("role").as_string(), "picture");
  EXPECT_EQ(pic.at("width").as_int64(), 1600);  // resized once, on the way in
  const std::string picture_url(pic.at("url").as_string());
  auto own = call("GET", logo_url, &eva_);
  EXPECT_EQ(own.status, 200);
  EXPECT_EQ(own.header("cache-control"), "private, no-cache");
  EXPECT_EQ(call("GET", logo_url, nullptr).status, 404);
  EXPECT_EQ(call("GET", logo_url, &per_).status, 404);

  // Approved: the page and its pictures are public, cached a day.
  ASSERT_EQ(call("POST", "/api/v1/organisations/" + id + "/approve", &admin_).status, 200);
  const auto page = org(id, nullptr);
  EXPECT_EQ(page.at("logo").at("url").as_string(), logo_url);
  ASSERT_EQ(page.at("pictures").as_array().size(), 1u);
  EXPECT_EQ(page.at("pictures").at(0).at("url").as_string(), picture_url);
  auto shown = call("GET", picture_url, nullptr);
  EXPECT_EQ(shown.status, 200);
  EXPECT_EQ(shown.header("content-type"), "image/jpeg");
  EXPECT_EQ(shown.header("cache-control"), "public, max-age=86400");
  EXPECT_EQ(shown.header("content-disposition").rfind("inline", 0), 0u);

  // A new logo replaces the old one.
  auto second = upload(&eva_, id, "?role=logo&name=ny.webp", test_picture(300, 300, ".webp"));
  ASSERT_EQ(second.status, 201) << second.body;
  const auto replaced = org(id, nullptr);
  EXPECT_EQ(replaced.at("logo").at("name").as_string(), "ny.webp");
  EXPECT_EQ(call("GET", logo_url, nullptr).status, 404);

  // The contact is changed member by member, and cleared with null.
  auto phone = call("PATCH", "/api/v1/organisations/" + id, &eva_, R"({"contact":{"phone":null}})");
  ASSERT_EQ(phone.status, 200) << phone.body;
  EXPECT_TRUE(json::parse(phone.body).at("contact").at("phone").is_null());
  EXPECT_EQ(json::parse(phone.body).at("contact").at("name").as_string(), "Eva Strøm");
  auto none = call("PATCH", "/api/v1/organisations/" + id, &eva_, R"({"contact":null})");
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_TRUE(json::parse(none.body).at("contact").at("name").is_null());

  // A member removes a picture; another person cannot.
  EXPECT_EQ(call("DELETE", picture_url, &per_).status, 403);
  EXPECT_EQ(call("DELETE", picture_url, &eva_).status, 204);
  EXPECT_TRUE(org(id, nullptr).at("pictures").as_array().empty());
  EXPECT_EQ(call("GET", picture_url, nullptr).status, 404);
}

TEST_F(ProviderPageApi, RefusalsNameTheirCodes) {
  ASSERT_EQ(call("POST", "/api/v1/organisations", &eva_, kCompany).status, 201);
  const std::string id = "org:923456783";
  const std::string png = test_picture(200, 100, ".png");
  struct Case {
    const ApiSession* who;
    std::string query, bytes;
    int status;
    std::string code;
    bool csrf = true;
  };
  const std::vector<Case> cases = {
      {nullptr, "?name=a.png", png, 401, "auth.required"},
      {&eva_, "?name=a.png", png, 403, "auth.csrf", false},
      {&per_, "?name=a.png", png, 404, "organisations.not_found"},  // pending: not there to others
      {&eva_, "?role=material&name=a.png", png, 400, "role validation.not_allowed"},
      {&eva_, "?role=logo&name=svg.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", 415,
       "media.type_not_allowed"},
      {&eva_, "?name=ark.pdf", "%PDF-1.4\n%%EOF\n", 415, "media.type_not_allowed"},
      {&eva_, "", png, 400, "name validation.missing"},
  };
  for (const auto& c : cases) {
    auto res = upload(c.who, id, c.query, c.bytes, c.csrf);
    EXPECT_EQ(res.status, c.status) << c.query << ": " << res.body;
    EXPECT_EQ(refusal(res), c.code) << c.query;
  }
  EXPECT_TRUE(org(id, &eva_).at("pictures").as_array().empty());
  ASSERT_EQ(call("POST", "/api/v1/organisations/" + id + "/approve", &admin_).status, 200);
  // Approved, others see it but may not change it.
  auto other = upload(&per_, id, "?name=a.png", png);
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(refusal(other), "organisations.members_only");
  EXPECT_EQ(refusal(call("GET", "/api/v1/organisations/" + id + "/files/nope", nullptr)),
            "media.file_not_found");
  // Profile rules, each at its member.
  const std::vector<std::pair<std::string, std::string>> bad = {
      {R"({"website":"http://fjordkraft.example"})", "/website organisations.website_invalid"},
      {R"({"website":"https://a b"})", "/website organisations.website_invalid"},
      {R"({"contact":{"email":"skole"}})", "/contact/email organisations.contact_email_invalid"},
      {R"({"contact":{"phone":"55 12"}})", "/contact/phone organisations.contact_phone_invalid"},
      {R"({"recruits_for":["careers"]})", "/recruits_for/0 validation.not_allowed"},
      {R"({"logo_url":"https://x.example/logo.png"})", "/logo_url validation.unknown_member"},
  };
  for (const auto& [body, fault] : bad) {
    auto res = call("PATCH", "/api/v1/organisations/" + id, &eva_, body);
    EXPECT_EQ(res.status, 400) << body << ": " << res.body;
    EXPECT_EQ(fault_code(res), fault) << body;
  }
}

TEST_F(ProviderPageApi, ARoleModelIsAPersonWithAFieldAndAPlace) {
  // No organisation number: a role model names what they do and where.
  auto missing = call("POST", "/api/v1/organisations", &per_,
                      R"({"kind":"volunteer","name":"Kari Nordmann","municipality":"5001",)"
                      R"("affiliation":"NTNU"})");
  EXPECT_EQ(missing.status, 400) << missing.body;
  EXPECT_EQ(fault_code(missing), "/field organisations.field_required");
  auto nowhere = call("POST", "/api/v1/organisations", &per_,
                      R"({"kind":"volunteer","name":"Kari Nordmann","municipality":"5001",)"
                      R"("field":"Havbruksingeniør"})");
  EXPECT_EQ(fault_code(nowhere), "/affiliation organisations.affiliation_required");
  auto reg = call("POST", "/api/v1/organisations", &per_,
                  R"({"kind":"volunteer","name":"Kari Nordmann","municipality":"5001",)"
                  R"("field":"Havbruksingeniør","affiliation":"NTNU","recruits_for":["studies"]})");
  ASSERT_EQ(reg.status, 201) << reg.body;
  const auto kari = json::parse(reg.body);
  const std::string id(kari.at("id").as_string());
  EXPECT_EQ(id.rfind("volunteer:", 0), 0u);
  EXPECT_TRUE(kari.at("orgnr").is_null());
  EXPECT_EQ(kari.at("field").as_string(), "Havbruksingeniør");
  EXPECT_EQ(kari.at("affiliation").as_string(), "NTNU");
  // A role model cannot drop what names them.
  auto cleared = call("PATCH", "/api/v1/organisations/" + id, &per_, R"({"field":null})");
  EXPECT_EQ(fault_code(cleared), "/field organisations.field_required");
  // Approved like a provider, they offer a talk and a digital Q&A.
  ASSERT_EQ(call("POST", "/api/v1/organisations/" + id + "/approve", &admin_).status, 200);
  for (const char* format : {"role_model_talk", "digital_qa"}) {
    auto offer = call("POST", "/api/v1/offers", &per_,
                      std::string(R"({"organisation_id":")") + id +
                          R"(","title":"Fra fjord til middagsbord","description":"Kari forteller )"
                          R"(om havbruk.","format":")" +
                          format + R"(","subjects":["biology"],"municipality":"5001"})");
    EXPECT_EQ(offer.status, 201) << format << ": " << offer.body;
  }
}

}  // namespace
}  // namespace stemnet::testing
