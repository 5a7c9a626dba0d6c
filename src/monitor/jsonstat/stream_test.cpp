// Pieces may cut a UTF-8 character anywhere; what is read must not change.
// (Boost.JSON 1.81 loses or overruns on a character split between writes
// when a long string follows: found by fuzz/fuzz_jsonstat_read.)
#include "monitor/jsonstat/read.hpp"

#include <gtest/gtest.h>

namespace stemnet::monitor::jsonstat {
namespace {

std::string long_label() {
  std::string s;
  for (int i = 0; i < 6000; ++i) s += "å";
  return s;
}

std::string dataset_with(const std::string& label) {
  return R"({"version":"2.0","class":"dataset","id":["a"],"size":[1],"dimension":{"a":{"category":{"index":["x"],)"
         R"("label":{"x":")" +
         label + R"("}}}},"value":[1]})";
}

TEST(Stream, CharactersCutBetweenPiecesReadWhole) {
  const std::string label = long_label();
  const std::string doc = dataset_with(label);
  for (std::size_t piece : {1u, 2u, 3u, 7u, 4093u, 65536u}) {
    StreamReader reader("cut.json");
    for (std::size_t at = 0; at < doc.size(); at += piece) {
      ASSERT_TRUE(reader.write(std::string_view(doc).substr(at, piece))) << piece;
    }
    auto d = reader.finish();
    ASSERT_TRUE(d) << piece << ": " << d.error().where_and_what();
    ASSERT_EQ(d->datasets.size(), 1u);
    EXPECT_EQ(*d->datasets[0].dimensions[0].categories[0].label, label) << "piece " << piece;
  }
}

TEST(Stream, ALongStringAfterACutCharacterInTheFirstBytes) {
  // The first bytes are held back to look for a BOM: "[\"å" cuts the å.
  std::string doc = "[\"å" + std::string(4100, 'a') + "\"]";
  auto r = read(doc, "arr.json");
  ASSERT_FALSE(r);  // an array is not JSON-stat, but it is valid JSON: no syntax error
  EXPECT_EQ(r.error().detail.find("not valid JSON"), std::string::npos) << r.error().detail;
}

TEST(Stream, ATruncatedCharacterAtTheEndIsAnError) {
  std::string doc = dataset_with("x");
  doc = doc.substr(0, doc.find("\"x\"}}")) + "\"\xC3";
  auto r = read(doc, "cut.json");
  ASSERT_FALSE(r);
}

}  // namespace
}  // namespace stemnet::monitor::jsonstat
