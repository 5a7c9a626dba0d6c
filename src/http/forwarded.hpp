// http/forwarded.hpp — who the client is when a reverse proxy stands between.
//
// Behind a proxy every TCP connection comes from the proxy, so throttles and
// limits per client address would lump all people together. When the peer
// is a proxy the operator trusts (`serve --trusted-proxy`), the client is
// the rightmost address of X-Forwarded-For that is not itself a trusted
// proxy: the entries to its left were written by the client and prove
// nothing. From any other peer the header is ignored.
// Example:
//   std::string who = client_address("127.0.0.1", req.header("X-Forwarded-For"), {"127.0.0.1"});
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stemnet::http {

// The client's address: `peer`, or, when `peer` is in `trusted`, the
// rightmost untrusted entry of `forwarded_for` that is an IP address (the
// peer itself when there is none).
std::string client_address(const std::string& peer, std::optional<std::string_view> forwarded_for,
                           const std::vector<std::string>& trusted);

// An IPv4 or IPv6 address in the form the server compares peers in
// ("::1", "127.0.0.1"); nullopt when `text` is not one.
std::optional<std::string> normalise_address(std::string_view text);

}  // namespace stemnet::http
