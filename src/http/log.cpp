#include "http/log.hpp"

#include <boost/url/pct_string_view.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace stemnet::http {
namespace {

constexpr std::string_view kRedacted = "[redacted]";
constexpr std::array<std::string_view, 2> kSecretSegments = {"/calendar/", "/unsubscribe/"};
constexpr std::array<std::string_view, 3> kSecretParams = {"kode", "code", "token"};

bool secret_param(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(kSecretParams.begin(), kSecretParams.end(), lower) != kSecretParams.end();
}

}  // namespace

std::string loggable_target(const Request& req) {
  const std::string_view target = req.target;
  const auto question = target.find('?');
  std::string out(target.substr(0, question));
  // The decoded path decides, so that %2F or %63alendar hide nothing.
  for (auto segment : kSecretSegments) {
    if (const auto at = req.path.find(segment); at != std::string::npos) {
      out = req.path.substr(0, at + segment.size()) + std::string(kRedacted);
      break;
    }
  }
  if (question == std::string_view::npos) return out;
  std::string_view query = target.substr(question + 1);
  out += '?';
  bool first = true;
  while (true) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    if (!first) out += '&';
    first = false;
    const auto eq = pair.find('=');
    const std::string_view name = pair.substr(0, eq);
    auto pct = boost::urls::make_pct_string_view(name);
    const bool secret = secret_param(pct ? pct->decode() : std::string(name));
    if (secret && eq != std::string_view::npos) {
      out.append(name);
      out += '=';
      out += kRedacted;
    } else {
      out.append(pair);
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return out;
}

}  // namespace stemnet::http
