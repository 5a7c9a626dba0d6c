#include "http/forwarded.hpp"

#include <gtest/gtest.h>

namespace stemnet::http {
namespace {

const std::vector<std::string> kProxies = {"127.0.0.1", "10.0.0.2"};

TEST(ClientAddress, FromATrustedProxyTheRightmostUntrustedEntry) {
  EXPECT_EQ(client_address("127.0.0.1", "203.0.113.9", kProxies), "203.0.113.9");
  // The client wrote "1.2.3.4" itself; the proxy appended what it saw.
  EXPECT_EQ(client_address("127.0.0.1", "1.2.3.4, 203.0.113.9", kProxies), "203.0.113.9");
  // Two proxies in a row: skip the inner one.
  EXPECT_EQ(client_address("127.0.0.1", "203.0.113.9, 10.0.0.2", kProxies), "203.0.113.9");
  EXPECT_EQ(client_address("127.0.0.1", " 2001:db8::1 ", kProxies), "2001:db8::1");
}

TEST(ClientAddress, OtherwiseThePeer) {
  EXPECT_EQ(client_address("198.51.100.7", "203.0.113.9", kProxies), "198.51.100.7")
      << "an untrusted peer cannot choose its address";
  EXPECT_EQ(client_address("127.0.0.1", std::nullopt, kProxies), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", "", kProxies), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", "not-an-address", kProxies), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", "10.0.0.2", kProxies), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", "203.0.113.9", {}), "127.0.0.1");
}

TEST(NormaliseAddress, OnlyAddresses) {
  EXPECT_EQ(normalise_address("127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(normalise_address("0:0:0:0:0:0:0:1"), "::1");
  EXPECT_FALSE(normalise_address("proxy.example.no"));
  EXPECT_FALSE(normalise_address(""));
}

}  // namespace
}  // namespace stemnet::http
