#include "core/page.hpp"

#include <gtest/gtest.h>

namespace stemnet {
namespace {

TEST(PageRequest, DefaultsWithoutParameters) {
  auto pr = PageRequest::parse(std::nullopt, std::nullopt, 1);
  ASSERT_TRUE(pr);
  EXPECT_EQ(pr->limit, 50);
  EXPECT_TRUE(pr->after.empty());
}

TEST(PageRequest, AcceptsLimitsInRange) {
  for (auto [text, want] :
       std::vector<std::pair<const char*, int>>{{"1", 1}, {"50", 50}, {"1000", 1000}}) {
    auto pr = PageRequest::parse(text, std::nullopt, 1);
    ASSERT_TRUE(pr) << text;
    EXPECT_EQ(pr->limit, want);
  }
}

TEST(PageRequest, RejectsBadLimitsNamingTheParameter) {
  for (const char* bad : {"0", "1001", "-1", "ten", "5x", "", " 5"}) {
    auto pr = PageRequest::parse(bad, std::nullopt, 1);
    ASSERT_FALSE(pr) << bad;
    EXPECT_EQ(pr.error().param, "limit");
    EXPECT_EQ(pr.error().kind, ErrorKind::invalid_input);
  }
}

TEST(PageRequest, CursorRoundTripsKeyParts) {
  std::vector<std::string> key = {"tromsoe skole", "975283003"};
  auto pr = PageRequest::parse(std::nullopt, make_cursor(key), 2);
  ASSERT_TRUE(pr);
  EXPECT_EQ(pr->after, key);
}

TEST(PageRequest, RejectsForeignCursors) {
  for (std::string bad : {std::string("%%%"), make_cursor({"a", "b"}), std::string("Zm9v=")}) {
    auto pr = PageRequest::parse(std::nullopt, bad, 1);
    ASSERT_FALSE(pr) << bad;
    EXPECT_EQ(pr.error().param, "cursor");
  }
}

}  // namespace
}  // namespace stemnet

#include "core/strings.hpp"

namespace stemnet {
namespace {

TEST(Strings, ListsRoundTrip) {
  EXPECT_EQ(join_list({"a", "b", "c"}), "a,b,c");
  EXPECT_EQ(join_list({}), "");
  EXPECT_EQ(split_list("a,b,c"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(split_list("").empty());
  constexpr const char* names[] = {"kit", "camp"};
  EXPECT_TRUE(one_of("kit", names));
  EXPECT_FALSE(one_of("party", names));
}

}  // namespace
}  // namespace stemnet

#include "core/clock.hpp"

namespace stemnet {
namespace {

TEST(Clock, FormatsUtcAndLocal) {
  EXPECT_EQ(format_utc(0, "%Y-%m-%dT%H:%M:%SZ"), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_utc(1'800'000'000, "%Y%m%dT%H%M%SZ"), "20270115T080000Z");
  EXPECT_EQ(local_minute_now().size(), 16u);
}

}  // namespace
}  // namespace stemnet
