#include "http/cookies.hpp"

namespace stemnet::http {

std::optional<std::string> cookie(const Request& req, std::string_view name) {
  for (const auto& h : req.headers) {
    if (h.name.size() != 6 || (h.name[0] != 'C' && h.name[0] != 'c')) continue;
    std::string lower = h.name;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower != "cookie") continue;
    std::string_view rest = h.value;
    while (!rest.empty()) {
      const auto semi = rest.find(';');
      std::string_view pair = trim_ows(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      const auto eq = pair.find('=');
      if (eq == std::string_view::npos) continue;
      if (trim_ows(pair.substr(0, eq)) == name) {
        std::string_view value = trim_ows(pair.substr(eq + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
          value = value.substr(1, value.size() - 2);
        return std::string(value);
      }
    }
  }
  return std::nullopt;
}

std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& o) {
  std::string out(name);
  out += "=";
  out += value;
  out += "; Path=" + o.path;
  if (o.max_age) out += "; Max-Age=" + std::to_string(*o.max_age);
  if (o.http_only) out += "; HttpOnly";
  if (o.secure) out += "; Secure";
  if (!o.same_site.empty()) out += "; SameSite=" + o.same_site;
  return out;
}

bool over_tls(const Request& req) {
  auto proto = req.header("X-Forwarded-Proto");
  return proto && *proto == "https";
}

}  // namespace stemnet::http
