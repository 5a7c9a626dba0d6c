// http/cookies.hpp — reading the Cookie header and writing Set-Cookie.
//
// Example:
//   auto token = cookie(req, "stemnet_session");
//   res.headers.push_back({"Set-Cookie", set_cookie("stemnet_session", value, {.http_only =
//   true})});
#pragma once

#include "http/message.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace stemnet::http {

struct CookieOptions {
  bool http_only = true;
  bool secure = false;
  std::string same_site = "Lax";  // Strict | Lax | None
  std::string path = "/";
  std::optional<long> max_age;  // seconds; 0 deletes the cookie
};

// The value of the first cookie with this name, if the request has one.
std::optional<std::string> cookie(const Request& req, std::string_view name);

// A Set-Cookie header value. Names and values must be cookie-safe
// (base64url tokens are).
std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options);

// True when the request came over TLS, directly or through a proxy that
// says so (X-Forwarded-Proto: https): cookies are then marked Secure.
bool over_tls(const Request& req);

}  // namespace stemnet::http
