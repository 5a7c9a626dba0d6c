#include "http/security_headers.hpp"

#include <gtest/gtest.h>

#include <string>

namespace stemnet::http {
namespace {

std::string value_of(const std::vector<Header>& headers, const std::string& name) {
  for (const auto& h : headers) {
    if (h.name == name) return h.value;
  }
  return {};
}

TEST(SecurityHeaders, PolicyHasNoInlineScriptAndForbidsFraming) {
  const std::string csp(content_security_policy);
  for (const char* directive :
       {"default-src 'self'", "script-src 'self';", "frame-ancestors 'none'", "base-uri 'self'",
        "form-action 'self'", "object-src 'none'", "worker-src 'self' blob:"}) {
    EXPECT_NE(csp.find(directive), std::string::npos) << directive;
  }
  EXPECT_EQ(csp.find("unsafe"), std::string::npos) << csp;
  EXPECT_EQ(value_of(security_headers(false), "Content-Security-Policy"), csp);
}

TEST(SecurityHeaders, HstsOnlyOverTls) {
  EXPECT_EQ(value_of(security_headers(false), "Strict-Transport-Security"), "");
  EXPECT_NE(value_of(security_headers(true), "Strict-Transport-Security"), "");
  for (const auto& h : security_headers(true)) {
    EXPECT_EQ(h.value.find_first_of("\r\n"), std::string::npos) << h.name;
  }
}

TEST(SecurityHeaders, ServedOverTls) {
  const struct {
    const char* url;
    bool tls;
  } cases[] = {
      {"https://stemnet.no", true},
      {"HTTPS://stemnet.no/", true},
      {"https://localhost:8443", true},
      {"http://stemnet.no", false},
      {"", false},
      {"https:", false},
      {"stemnet.no", false},
      {"http://https://x", false},
  };
  for (const auto& c : cases) EXPECT_EQ(served_over_tls(c.url), c.tls) << c.url;
}

}  // namespace
}  // namespace stemnet::http
