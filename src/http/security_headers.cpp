#include "http/security_headers.hpp"

#include <cctype>
#include <string>

namespace stemnet::http {

std::vector<Header> security_headers(bool tls) {
  std::vector<Header> out{
      {"Content-Security-Policy", std::string(content_security_policy)},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},  // for browsers that do not know frame-ancestors
      {"Referrer-Policy", "strict-origin-when-cross-origin"},
      {"Permissions-Policy",
       "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
       "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
  };
  // Only over TLS: sent over plain http it would be ignored at best, and a
  // development server on localhost must not pin browsers to https.
  if (tls) out.push_back({"Strict-Transport-Security", "max-age=31536000; includeSubDomains"});
  return out;
}

bool served_over_tls(std::string_view public_url) {
  constexpr std::string_view scheme = "https://";
  if (public_url.size() < scheme.size()) return false;
  for (std::size_t i = 0; i < scheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(public_url[i])) != scheme[i]) return false;
  }
  return true;
}

}  // namespace stemnet::http
