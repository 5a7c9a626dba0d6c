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

// Whatever bytes a string holds (a percent-decoded path, a file), the text
// is valid UTF-8 JSON: each ill-formed sequence becomes one U+FFFD per
// maximal subpart (Unicode 15, 3.9.6), as the WHATWG decoder does.
TEST(JsonText, IllFormedUtf8BecomesReplacementCharacters) {
  const std::string r = "\xEF\xBF\xBD";  // U+FFFD
  const std::pair<std::string, std::string> cases[] = {
      {"\xFF", r},
      {"\xFF\xFE", r + r},
      {"a\xC3", "a" + r},                   // cut short at the end
      {"\xC3(", r + "("},                   // a lead byte without its continuation
      {"\x80", r},                          // a lone continuation byte
      {"\xC0\xAF", r + r},                  // overlong '/'
      {"\xE0\x80\xAF", r + r + r},          // overlong, three bytes
      {"\xED\xA0\x80", r + r + r},          // a UTF-16 surrogate
      {"\xF4\x90\x80\x80", r + r + r + r},  // above U+10FFFF
      {"\xE2\x82", r},                      // one U+FFFD for a truncated sequence
      {"\xF0\x9F\x98", r},
      {"\xE2\x82(", r + "("},
      {"\xF5", r},
      {"Tromsø \xE2\x82\xAC \xF0\x9F\x98\x80", "Tromsø € 😀"},  // well-formed stays
      {std::string("nul\0", 4), "nul\\u0000"},
      {"\x01\x1f\x7f", "\\u0001\\u001f\x7f"},
  };
  for (const auto& [in, want] : cases) {
    const std::string text = json_text(boost::json::string(in));
    EXPECT_EQ(text, "\"" + want + "\"") << in;
    boost::system::error_code ec;
    boost::json::parse(text, ec);  // Boost.JSON refuses ill-formed UTF-8
    EXPECT_FALSE(ec) << text;
  }
  // Keys too.
  boost::json::object o;
  o["\xFF"] = "\xFE";
  EXPECT_EQ(json_text(o), "{\"" + r + "\":\"" + r + "\"}");
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
