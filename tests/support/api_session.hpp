// api_session.hpp — signing up over HTTP and calling the API as that person
// (session cookie and CSRF header), for API tests.
#pragma once

#include "http_client.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace stemnet::testing {

// The value of a cookie the server set, from the Set-Cookie lines.
inline std::string set_cookie_value(const HttpResponse& res, const std::string& name) {
  std::stringstream lines(res.header("set-cookie"));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(name + "=", 0) == 0)
      return line.substr(name.size() + 1, line.find(';') - name.size() - 1);
  }
  return "";
}

struct ApiSession {
  std::string cookie;  // "stemnet_session=…"
  std::string csrf;
};

inline ApiSession signup_session(int port, const std::string& email,
                                 const std::string& name = "Test Person") {
  HttpConnection c(port);
  auto res = c.request("POST", "/api/v1/auth/signup", {{"Content-Type", "application/json"}},
                       R"({"email":")" + email + R"(","name":")" + name +
                           R"(","password":"a long enough password"})");
  EXPECT_EQ(res.status, 201) << res.body;
  return {"stemnet_session=" + set_cookie_value(res, "stemnet_session"),
          set_cookie_value(res, "stemnet_csrf")};
}

// A request as `s` (nullptr: anonymous); a body is sent as JSON.
inline HttpResponse api_call(int port, const std::string& method, const std::string& target,
                             const ApiSession* s, const std::string& body = "") {
  std::vector<std::pair<std::string, std::string>> h;
  if (s) {
    h.emplace_back("Cookie", s->cookie);
    h.emplace_back("X-CSRF-Token", s->csrf);
  }
  if (!body.empty()) h.emplace_back("Content-Type", "application/json");
  HttpConnection c(port);
  return c.request(method, target, h, body);
}

}  // namespace stemnet::testing
