#include "http/forwarded.hpp"

#include "http/message.hpp"

#include <boost/asio/ip/address.hpp>

#include <algorithm>

namespace stemnet::http {
namespace {

bool listed(const std::vector<std::string>& trusted, std::string_view address) {
  return std::find(trusted.begin(), trusted.end(), address) != trusted.end();
}

}  // namespace

std::string client_address(const std::string& peer, std::optional<std::string_view> forwarded_for,
                           const std::vector<std::string>& trusted) {
  if (!forwarded_for || !listed(trusted, peer)) return peer;
  std::string_view rest = *forwarded_for;
  while (!rest.empty()) {
    const auto comma = rest.rfind(',');
    const std::string_view entry =
        trim_ows(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    boost::system::error_code ec;
    const auto address = boost::asio::ip::make_address(std::string(entry), ec);
    if (ec) return peer;  // not an address: what is left of it proves nothing
    const std::string text = address.to_string();
    if (!listed(trusted, text)) return text;
  }
  return peer;
}

std::optional<std::string> normalise_address(std::string_view text) {
  boost::system::error_code ec;
  const auto address = boost::asio::ip::make_address(std::string(trim_ows(text)), ec);
  if (ec) return std::nullopt;
  return address.to_string();
}

}  // namespace stemnet::http
