// Accounts over real HTTP: cookies, CSRF, throttling and password reset.
#include "api_session.hpp"
#include "http_client.hpp"
#include "mail_box.hpp"
#include "problem_codes.hpp"
#include "server_process.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace stemnet::testing {
namespace {
namespace json = boost::json;

class AccountsApi : public ::testing::Test {
 protected:
  void SetUp() override {
    mail_ = dir_.path() + "/mail";
    server_ = std::make_unique<ServerProcess>(stemnet::testing::fresh_db_url(dir_.path(), "a"),
                                              std::vector<std::string>{"--mail-dir", mail_});
    ASSERT_NE(server_->port(), 0);
  }
  HttpResponse post(const std::string& target, const std::string& body,
                    std::vector<std::pair<std::string, std::string>> headers = {}) {
    headers.emplace_back("Content-Type", "application/json");
    HttpConnection c(server_->port());
    return c.request("POST", target, headers, body);
  }
  struct Session {
    std::string cookie, csrf;
  };
  Session signup(const std::string& email) {
    auto res = post("/api/v1/auth/signup",
                    R"({"email":")" + email +
                        R"(","name":"Kari Nordmann","password":"a long enough password"})");
    EXPECT_EQ(res.status, 201) << res.body;
    return {"stemnet_session=" + set_cookie_value(res, "stemnet_session"),
            set_cookie_value(res, "stemnet_csrf")};
  }
  TempDir dir_;
  std::string mail_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(AccountsApi, SignUpSetsSafeCookies) {
  auto res = post(
      "/api/v1/auth/signup",
      R"({"email":"kari@skole.no","name":"Kari Nordmann","password":"a long enough password"})");
  ASSERT_EQ(res.status, 201) << res.body;
  const std::string cookies = res.header("set-cookie");
  EXPECT_NE(cookies.find("stemnet_session="), std::string::npos);
  const std::string session_line = cookies.substr(cookies.find("stemnet_session="));
  EXPECT_NE(session_line.substr(0, session_line.find('\n')).find("HttpOnly"), std::string::npos);
  EXPECT_NE(session_line.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(session_line.substr(0, session_line.find('\n')).find("Secure"),
            std::string::npos);  // plain HTTP
  auto body = json::parse(res.body).as_object();
  EXPECT_EQ(body.at("email").as_string(), "kari@skole.no");
  EXPECT_EQ(body.at("csrf_token").as_string(), set_cookie_value(res, "stemnet_csrf"));
  EXPECT_EQ(res.body.find("password"), std::string::npos);
}

TEST_F(AccountsApi, SecureCookiesBehindTls) {
  auto res = post("/api/v1/auth/signup",
                  R"({"email":"ola@skole.no","name":"Ola","password":"a long enough password"})",
                  {{"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(res.status, 201);
  EXPECT_NE(res.header("set-cookie").find("; Secure"), std::string::npos);
}

TEST_F(AccountsApi, MeNeedsASession) {
  auto anonymous = http_get(server_->port(), "/api/v1/me");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.header("content-type"), "application/problem+json");
  auto s = signup("kari@skole.no");
  auto me = http_get(server_->port(), "/api/v1/me", {{"Cookie", s.cookie}});
  EXPECT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(json::parse(me.body).at("name").as_string(), "Kari Nordmann");
  auto forged = http_get(server_->port(), "/api/v1/me", {{"Cookie", "stemnet_session=forged"}});
  EXPECT_EQ(forged.status, 401);
  EXPECT_EQ(problem_code(anonymous), "auth.required");
  EXPECT_EQ(problem_code(forged), "auth.session_expired");
}

TEST_F(AccountsApi, ChangesNeedTheCsrfToken) {
  auto s = signup("kari@skole.no");
  auto without = post("/api/v1/auth/logout", "{}", {{"Cookie", s.cookie}});
  EXPECT_EQ(without.status, 403) << without.body;
  EXPECT_NE(without.body.find("/problems/csrf"), std::string::npos);
  EXPECT_EQ(problem_code(without), "auth.csrf");
  auto wrong =
      post("/api/v1/auth/logout", "{}", {{"Cookie", s.cookie}, {"X-CSRF-Token", "x" + s.csrf}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(problem_code(wrong), "auth.csrf");
  auto right = post("/api/v1/auth/logout", "{}", {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}});
  EXPECT_EQ(right.status, 204) << right.body;
  EXPECT_EQ(http_get(server_->port(), "/api/v1/me", {{"Cookie", s.cookie}}).status, 401);
}

TEST_F(AccountsApi, BodiesMustBeJson) {
  HttpConnection c(server_->port());
  auto form =
      c.request("POST", "/api/v1/auth/login",
                {{"Content-Type", "application/x-www-form-urlencoded"}}, "email=a&password=b");
  EXPECT_EQ(form.status, 415);
  EXPECT_EQ(problem_code(form), "request.unsupported_media_type");
  HttpConnection charset(server_->port());
  auto with_charset = charset.request(
      "POST", "/api/v1/auth/login", {{"Content-Type", "Application/JSON; charset=utf-8"}},
      R"({"email":"nobody@skole.no","password":"a long enough password"})");
  EXPECT_EQ(with_charset.status, 401);  // read as JSON; the account does not exist
  HttpConnection lookalike(server_->port());
  EXPECT_EQ(
      lookalike.request("POST", "/api/v1/auth/login", {{"Content-Type", "application/jsonx"}}, "{}")
          .status,
      415);
  auto broken = post("/api/v1/auth/login", "{not json");
  EXPECT_EQ(broken.status, 400);
  auto missing = post("/api/v1/auth/login", R"({"email":"kari@skole.no"})");
  EXPECT_EQ(missing.status, 400);
  EXPECT_NE(missing.body.find("\"param\":\"password\""), std::string::npos) << missing.body;
}

TEST_F(AccountsApi, SignInIsThrottled) {
  signup("kari@skole.no");
  const std::string wrong = R"({"email":"kari@skole.no","password":"wrong password!"})";
  for (int i = 0; i < 5; ++i) {
    auto res = post("/api/v1/auth/login", wrong);
    EXPECT_EQ(res.status, 401) << i;
    EXPECT_EQ(problem_code(res), "auth.wrong_password") << i;
  }
  // From here each failure locks the address for longer (1, 2, 4 … s). On a
  // busy machine a 1 s lock may pass before the next try, so try until the
  // server says 429, and then at once with the right password.
  HttpResponse locked;
  for (int i = 0; i < 5 && locked.status != 429; ++i) locked = post("/api/v1/auth/login", wrong);
  ASSERT_EQ(locked.status, 429) << locked.body;
  const int retry_after = std::atoi(locked.header("retry-after").c_str());
  EXPECT_GE(retry_after, 1);
  EXPECT_EQ(problem_code(locked), "auth.too_many_attempts");
  EXPECT_EQ(problem_param(locked, "retry_after"), locked.header("retry-after"));
  const auto at = std::chrono::steady_clock::now();
  auto right = post("/api/v1/auth/login",
                    R"({"email":"kari@skole.no","password":"a long enough password"})");
  // Locks end on whole seconds: only a margin of a second is sure.
  if (std::chrono::steady_clock::now() - at < std::chrono::seconds(retry_after - 1)) {
    EXPECT_EQ(right.status, 429) << "locked, even with the right password";
  }
}

// The account's own rules, each with its code: a rule about one member is a
// fault at that member, as the edge's checks are.
TEST_F(AccountsApi, RefusalsHaveStableCodes) {
  signup("kari@skole.no");
  std::string heavy_name;
  for (int i = 0; i < 150; ++i) heavy_name += "\xc3\xb8";  // 150 'ø', 300 bytes
  std::string heavy_password;
  for (int i = 0; i < 600; ++i) heavy_password += "\xc3\xb8";  // 600 characters, 1200 bytes
  struct Case {
    const char* what;
    std::string target, body;
    int status;
    std::string code, fault, param, value;
  };
  const std::vector<Case> cases = {
      {"taken address", "/api/v1/auth/signup",
       R"({"email":"KARI@skole.no","name":"Kari","password":"a long enough password"})", 409,
       "accounts.email_taken", "", "", ""},
      {"password over 1024 bytes", "/api/v1/auth/signup",
       R"({"email":"ola@skole.no","name":"Ola","password":")" + heavy_password + R"("})", 400,
       "validation.failed", "/password accounts.password_too_long", "max", "1024"},
      {"unknown address", "/api/v1/auth/login",
       R"({"email":"nobody@skole.no","password":"a long enough password"})", 401,
       "auth.wrong_password", "", "", ""},
      {"not an address", "/api/v1/auth/login",
       R"({"email":"nobody","password":"a long enough password"})", 401, "auth.wrong_password", "",
       "", ""},
      {"wrong reset code", "/api/v1/auth/reset/confirm",
       R"({"token":"not-a-code","password":"a brand new password"})", 400, "validation.failed",
       "/token auth.reset_code_invalid", "", ""},
  };
  for (const auto& c : cases) {
    auto res = post(c.target, c.body);
    EXPECT_EQ(res.status, c.status) << c.what << ": " << res.body;
    EXPECT_EQ(problem_code(res), c.code) << c.what;
    if (!c.fault.empty()) EXPECT_EQ(fault_code(res), c.fault) << c.what;
    if (!c.param.empty()) EXPECT_EQ(problem_param(res, c.param), c.value) << c.what;
  }
  // Limits count characters, as the document's maxLength and a person do: 150 'ø' are 300
  // bytes and a name well within 200 characters.
  auto heavy = post("/api/v1/auth/signup", R"({"email":"ola@skole.no","name":")" + heavy_name +
                                               R"(","password":"a long enough password"})");
  EXPECT_EQ(heavy.status, 201) << heavy.body;
}

TEST_F(AccountsApi, NotificationChoicesHaveStableCodes) {
  auto s = signup("kari@skole.no");
  auto patch = [&](const std::string& body) {
    HttpConnection c(server_->port());
    return c.request(
        "PATCH", "/api/v1/me/notifications",
        {{"Content-Type", "application/json"}, {"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}},
        body);
  };
  auto always = patch(R"({"password_reset":false})");
  EXPECT_EQ(always.status, 400) << always.body;
  // The document allows only true here (validation.not_allowed); without the
  // edge's checks the service says notify.always_on.
  EXPECT_EQ(fault_code(always).substr(0, 16), "/password_reset ") << always.body;
  auto unknown = patch(R"({"no_such_kind":true})");
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_EQ(fault_code(unknown).substr(0, 14), "/no_such_kind ") << unknown.body;
}

TEST_F(AccountsApi, PasswordResetByMailedCode) {
  auto s = signup("kari@skole.no");
  auto asked = post("/api/v1/auth/reset", R"({"email":"kari@skole.no"})");
  EXPECT_EQ(asked.status, 202);
  auto unknown = post("/api/v1/auth/reset", R"({"email":"nobody@skole.no"})");
  EXPECT_EQ(unknown.status, 202);
  EXPECT_EQ(unknown.body, asked.body);  // nothing tells whether an account exists
  std::string token;
  for (const auto& mail : wait_for_mails(mail_, 1)) token = reset_code(mail);
  ASSERT_FALSE(token.empty());
  auto reset = post("/api/v1/auth/reset/confirm",
                    R"({"token":")" + token + R"(","password":"a brand new password"})");
  EXPECT_EQ(reset.status, 200) << reset.body;
  EXPECT_EQ(http_get(server_->port(), "/api/v1/me", {{"Cookie", s.cookie}}).status, 401);
  auto login =
      post("/api/v1/auth/login", R"({"email":"kari@skole.no","password":"a brand new password"})");
  EXPECT_EQ(login.status, 200);
}

}  // namespace
}  // namespace stemnet::testing
