#include "core/curl.hpp"

#include <gtest/gtest.h>

namespace stemnet {
namespace {

TEST(Curl, OptionsAreSetOrAnErrorNamingThem) {
  auto easy = CurlEasy::open();
  ASSERT_TRUE(easy) << easy.error().detail;
  EXPECT_TRUE(easy->set(CURLOPT_URL, "http://127.0.0.1/"));
  EXPECT_TRUE(easy->set(CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL)));
  auto out_of_range = easy->set(CURLOPT_USE_SSL, 99L);
  ASSERT_FALSE(out_of_range);
  EXPECT_EQ(out_of_range.error().kind, ErrorKind::unavailable);
  EXPECT_NE(out_of_range.error().detail.find("CURLOPT_USE_SSL"), std::string::npos)
      << out_of_range.error().detail;
  auto unknown_protocol = easy->set(CURLOPT_PROTOCOLS_STR, "no-such-protocol");
  ASSERT_FALSE(unknown_protocol);
  EXPECT_NE(unknown_protocol.error().detail.find("CURLOPT_PROTOCOLS_STR"), std::string::npos)
      << unknown_protocol.error().detail;
  auto list = easy->list({"a: 1", "b: 2"});
  ASSERT_TRUE(list);
  EXPECT_STREQ((*list)->next->data, "b: 2");
}

}  // namespace
}  // namespace stemnet
