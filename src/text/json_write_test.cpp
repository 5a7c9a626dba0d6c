#include "text/json_write.hpp"

#include "text/json_file.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <limits>

namespace stemnet::text {
namespace {

TEST(JsonText, NumbersAreShortestRoundTrip) {
  struct Case {
    double in;
    const char* want;
  };
  for (auto [in, want] : std::vector<Case>{{454.12, "454.12"},
                                           {84.4, "84.4"},
                                           {10.73994, "10.73994"},
                                           {0.1, "0.1"},
                                           {-3.5, "-3.5"},
                                           {1e21, "1e+21"},
                                           {0, "0"},
                                           {0.0005, "0.0005"},
                                           {1e-7, "1e-07"},
                                           {717710.0, "717710"}}) {
    EXPECT_EQ(json_text(boost::json::value(in)), want);
  }
  EXPECT_EQ(json_text(boost::json::value(std::numeric_limits<double>::quiet_NaN())), "null");
}

TEST(JsonText, WritesEveryKind) {
  boost::json::value v = {
      {"a", 1}, {"b", {true, false, nullptr}}, {"c", "Tromsø \"q\"\n"}, {"d", 2.5}};
  EXPECT_EQ(json_text(v), R"({"a":1,"b":[true,false,null],"c":"Tromsø \"q\"\n","d":2.5})");
}

TEST(JsonText, RoundTripsThroughTheParser) {
  boost::json::value v = {{"x", 59.98139}, {"y", {1, 2, 3}}, {"z", boost::json::object{}}};
  auto back = parse_json(json_text(v), "mem");
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, v);
}

TEST(ParseJson, ErrorsNameTheLine) {
  auto r = parse_json("[\n1,\n2,\n}", "bad.json");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().file, "bad.json");
  EXPECT_EQ(r.error().line, 4);
  auto trailing = parse_json("{} x", "t.json");
  ASSERT_FALSE(trailing);
  EXPECT_NE(trailing.error().detail.find("not valid JSON"), std::string::npos);
  EXPECT_TRUE(parse_json("{}\n  \n", "ws.json"));
}

}  // namespace
}  // namespace stemnet::text
