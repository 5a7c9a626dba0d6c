// Security headers over real HTTP: every kind of answer (API JSON, a problem,
// a static file, a front-end 404, the server's own answer to a request it
// cannot parse) carries the CSP, Referrer-, Permissions-Policy and nosniff;
// HSTS only when the public URL is https.
#include "http_client.hpp"
#include "server_process.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace stemnet::testing {
namespace {

// A front-end folder of the shape Vite builds.
std::string make_ui(const TempDir& dir) {
  const std::string ui = dir.path() + "/ui";
  std::filesystem::create_directories(ui + "/assets");
  std::ofstream(ui + "/index.html")
      << "<!doctype html><html><head><script type=\"module\" src=\"/assets/index-abc.js\">"
         "</script></head><body><div id=\"root\"></div></body></html>";
  std::ofstream(ui + "/assets/index-abc.js") << "console.log('stemnet');";
  return ui;
}

void expect_security_headers(const HttpResponse& res, const std::string& what, bool hsts) {
  SCOPED_TRACE(what);
  const std::string csp = res.header("content-security-policy");
  EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("script-src 'self';"), std::string::npos) << csp;
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("base-uri 'self'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("form-action 'self'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("object-src 'none'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("worker-src 'self' blob:"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos) << csp;
  EXPECT_EQ(res.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(res.header("referrer-policy"), "strict-origin-when-cross-origin");
  const std::string permissions = res.header("permissions-policy");
  for (const char* feature : {"camera=()", "microphone=()", "geolocation=()", "payment=()"}) {
    EXPECT_NE(permissions.find(feature), std::string::npos) << permissions;
  }
  if (hsts) {
    EXPECT_TRUE(res.header("strict-transport-security").starts_with("max-age="))
        << res.header("strict-transport-security");
  } else {
    EXPECT_EQ(res.header("strict-transport-security"), "");
  }
}

class SecurityHeaders : public ::testing::TestWithParam<bool> {};

TEST_P(SecurityHeaders, OnEveryKindOfAnswer) {
  const bool https = GetParam();
  TempDir dir;
  const std::string ui = make_ui(dir);
  ServerProcess server(stemnet::testing::fresh_db_url(dir.path(), "h"),
                       {"--ui", ui, "--mail-dir", dir.path() + "/mail", "--public-url",
                        https ? "https://stemnet.example.no" : "http://localhost:8080"});
  ASSERT_NE(server.port(), 0) << "the server did not start";

  auto api = http_get(server.port(), "/api/v1/counties");
  EXPECT_EQ(api.status, 200) << api.body;
  expect_security_headers(api, "API JSON", https);

  auto problem = http_get(server.port(), "/api/v1/municipalities/9999");
  EXPECT_EQ(problem.status, 404) << problem.body;
  EXPECT_EQ(problem.header("content-type"), "application/problem+json");
  expect_security_headers(problem, "problem+json", https);

  auto page = http_get(server.port(), "/");
  EXPECT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(page.header("content-type").starts_with("text/html"));
  expect_security_headers(page, "index.html", https);

  auto script = http_get(server.port(), "/assets/index-abc.js");
  EXPECT_EQ(script.status, 200);
  expect_security_headers(script, "a static asset", https);

  auto missing = http_get(server.port(), "/assets/missing.js");
  EXPECT_EQ(missing.status, 404);
  expect_security_headers(missing, "a missing static file", https);

  auto head = HttpConnection(server.port()).request("HEAD", "/api/v1/counties");
  EXPECT_EQ(head.status, 200);
  expect_security_headers(head, "HEAD", https);

  HttpConnection raw(server.port());
  ASSERT_TRUE(raw.connected());
  auto unparsed = raw.raw("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n");
  EXPECT_EQ(unparsed.status, 400) << unparsed.body;
  expect_security_headers(unparsed, "the server's answer to an unparsable request", https);
}

INSTANTIATE_TEST_SUITE_P(PublicUrl, SecurityHeaders, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "Https" : "Http"; });

// Each header once: a route's own header (the unsubscribe page's Referrer-Policy
// and CSP, the static files' nosniff) replaces the default instead of doubling it.
TEST(SecurityHeadersOnce, ARoutesOwnHeaderWins) {
  TempDir dir;
  const std::string ui = make_ui(dir);
  ServerProcess server(stemnet::testing::fresh_db_url(dir.path(), "h"),
                       {"--ui", ui, "--mail-dir", dir.path() + "/mail"});
  ASSERT_NE(server.port(), 0);
  auto page = http_get(server.port(), "/api/v1/unsubscribe/not-a-token");
  EXPECT_EQ(page.status, 404);
  EXPECT_EQ(page.header("referrer-policy"), "no-referrer");
  EXPECT_NE(page.header("content-security-policy").find("script-src 'none'"), std::string::npos)
      << page.header("content-security-policy");
  // HttpResponse joins a repeated header's values with a line break.
  for (const char* target :
       {"/", "/assets/index-abc.js", "/api/v1/counties", "/api/v1/unsubscribe/not-a-token"}) {
    auto res = http_get(server.port(), target);
    for (const char* name : {"content-security-policy", "referrer-policy", "x-content-type-options",
                             "permissions-policy"}) {
      EXPECT_FALSE(res.header(name).empty()) << target << " " << name;
      EXPECT_EQ(res.header(name).find('\n'), std::string::npos)
          << target << " sends " << name << " twice: " << res.header(name);
    }
  }
}

}  // namespace
}  // namespace stemnet::testing
