#include "http/json.hpp"

#include <gtest/gtest.h>

namespace stemnet::http {
namespace {

Request with_body(std::string body) {
  Request r;
  r.method = Method::post;
  r.headers.push_back({"Content-Type", "application/json"});
  r.body = std::move(body);
  return r;
}

TEST(JsonBody, TakesNamesAndTextsWithoutNul) {
  for (const char* good : {R"({"name":"Kari Nordmann"})", R"({"note":"æ\u00e6\n\t"})",
                           R"({"items":[{"title":"ok"}],"n":0})", R"({"reason":""})"}) {
    EXPECT_TRUE(json_body(with_body(good))) << good;
  }
}

// U+0000 anywhere (a value, a nested value, a member name) is 400 naming where.
TEST(JsonBody, RefusesNulNamingTheMember) {
  const std::pair<const char*, std::string> cases[] = {
      {R"({"name":"Kari\u0000"})", "name"},
      {R"({"title":"ok","kit":{"items":["a","\u0000b"]}})", "kit.items[1]"},
      {R"({"subjects":["x","y\u0000"]})", "subjects[1]"},
      {R"({"a\u0000b":1})", std::string("a\0b", 3)},
  };
  for (const auto& [body, param] : cases) {
    auto got = json_body(with_body(body));
    ASSERT_FALSE(got) << body;
    EXPECT_EQ(got.error().kind, ErrorKind::invalid_input) << body;
    EXPECT_EQ(got.error().param, param) << body;
  }
}

// Free text is counted in characters: 1000 'æ' (2000 bytes) is a reason, 1001 'x' is not.
TEST(JsonBody, FreeTextHasLimitsInCharacters) {
  std::string ae;
  for (int i = 0; i < 1000; ++i) ae += "\xC3\xA6";
  EXPECT_TRUE(json_body(with_body(R"({"reason":")" + ae + R"("})")));
  for (const auto& [name, limit] : kFreeTextLimits) {
    const std::string member(name);
    EXPECT_TRUE(json_body(with_body(R"({")" + member + R"(":")" + std::string(limit, 'x') + "\"}")))
        << member;
    auto over =
        json_body(with_body(R"({")" + member + R"(":")" + std::string(limit + 1, 'x') + "\"}"));
    ASSERT_FALSE(over) << member;
    EXPECT_EQ(over.error().param, member);
  }
  EXPECT_EQ(json_body(with_body(R"({"reason":")" + std::string(1001, 'x') + "\"}")).error().param,
            "reason");
  EXPECT_EQ(json_body(with_body(R"({"comment":")" + std::string(4001, 'x') + "\"}")).error().param,
            "comment");
}

}  // namespace
}  // namespace stemnet::http
