// Accounts over real HTTP: cookies, CSRF, throttling and password reset.
#include "api_session.hpp"
#include "http_client.hpp"
#include "mail_box.hpp"
#include "server_process.hpp"

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
    server_ = std::make_unique<ServerProcess>("sqlite:" + dir_.path() + "/a.db",
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
}

TEST_F(AccountsApi, ChangesNeedTheCsrfToken) {
  auto s = signup("kari@skole.no");
  auto without = post("/api/v1/auth/logout", "{}", {{"Cookie", s.cookie}});
  EXPECT_EQ(without.status, 403) << without.body;
  EXPECT_NE(without.body.find("/problems/csrf"), std::string::npos);
  auto wrong =
      post("/api/v1/auth/logout", "{}", {{"Cookie", s.cookie}, {"X-CSRF-Token", "x" + s.csrf}});
  EXPECT_EQ(wrong.status, 403);
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
  for (int i = 0; i < 5; ++i) EXPECT_EQ(post("/api/v1/auth/login", wrong).status, 401) << i;
  // From here each failure locks the address for longer (1, 2, 4 … s). On a
  // busy machine a 1 s lock may pass before the next try, so try until the
  // server says 429, and then at once with the right password.
  HttpResponse locked;
  for (int i = 0; i < 5 && locked.status != 429; ++i) locked = post("/api/v1/auth/login", wrong);
  ASSERT_EQ(locked.status, 429) << locked.body;
  const int retry_after = std::atoi(locked.header("retry-after").c_str());
  EXPECT_GE(retry_after, 1);
  const auto at = std::chrono::steady_clock::now();
  auto right = post("/api/v1/auth/login",
                    R"({"email":"kari@skole.no","password":"a long enough password"})");
  // Locks end on whole seconds: only a margin of a second is sure.
  if (std::chrono::steady_clock::now() - at < std::chrono::seconds(retry_after - 1)) {
    EXPECT_EQ(right.status, 429) << "locked, even with the right password";
  }
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
