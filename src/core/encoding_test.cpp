#include "core/encoding.hpp"

#include <gtest/gtest.h>

namespace stemnet {
namespace {

TEST(Sha256, KnownDigests) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Base64Url, RoundTripsAnyBytes) {
  for (std::string s : {std::string(""), std::string("a"),
                        std::string("Tromsø\x1f"
                                    "975283003"),
                        std::string("\0\xff\xfe", 3)}) {
    auto enc = base64url_encode(s);
    EXPECT_EQ(enc.find_first_of("+/="), std::string::npos) << enc;
    auto dec = base64url_decode(enc);
    ASSERT_TRUE(dec.has_value()) << enc;
    EXPECT_EQ(*dec, s);
  }
}

TEST(Base64, Rfc4648Vectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode("\xfb\xff"), "+/8=");
}

TEST(RandomToken, DistinctAndUrlSafe) {
  const std::string a = random_token(), b = random_token();
  EXPECT_EQ(a.size(), 43u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
}

TEST(Base64Url, RejectsWhatIsNotBase64Url) {
  for (const char* bad : {"a+b/", "abc=", "!!", "a b", "Zm9v\n"}) {
    EXPECT_FALSE(base64url_decode(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace stemnet
