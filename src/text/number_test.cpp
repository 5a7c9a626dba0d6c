#include "text/number.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace stemnet::text {
namespace {

TEST(ParseDecimal, GoodInputs) {
  struct Case {
    std::string text;
    double expected;
  };
  const Case cases[] = {
      {"0", 0.0},
      {"3,6", 3.6},
      {"0,1", 0.1},
      {"1.5", 1.5},
      {"1,234", 1.234},  // the comma is a decimal mark, never a thousands separator
      {"1.234", 1.234},
      {"123", 123.0},
      {"1234", 1234.0},  // no separator at all is fine
      {"007", 7.0},
      {"56 929", 56929.0},
      {"12 345", 12345.0},
      {"123 456 789", 123456789.0},
      {"1 234,5", 1234.5},
      {"1 234.25", 1234.25},
      {"1\u00A0234\u00A0567,89", 1234567.89},
      {"1\u202F000", 1000.0},
      {"-2,5", -2.5},
      {"\u22122,5", -2.5},
      {"-0,5", -0.5},
      {"-56 929", -56929.0},
      {"  42 ", 42.0},
      {" 1 000 ", 1000.0},
      {"\t7\r\n", 7.0},
      {"0,000001", 0.000001},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto got = parse_decimal(c.text);
    ASSERT_TRUE(got.has_value()) << got.error().detail;
    EXPECT_DOUBLE_EQ(*got, c.expected);
  }
}

TEST(ParseDecimal, BadInputs) {
  const std::string cases[] = {
      "",        "   ",   "1 23",  "1,2,3",      "12a", "1e5", "--1", "1 234 5", "1234 567",
      ",5",      "5,",    "1.",    ".",          "-",   "+1",  "- 1", "1  234",  "1 234.5.6",
      "1,5 000", "1_000", "1'000", "0x10",       "inf", "nan", "abc", "1\u00A0", "\u22121\u2212",
      "\u00A01", "1,2.3", "1 2 3", "1 000 000,",
  };
  for (const auto& text : cases) {
    SCOPED_TRACE(text);
    auto got = parse_decimal(text);
    ASSERT_FALSE(got.has_value()) << "parsed as " << *got;
    EXPECT_EQ(got.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(got.error().param, "");
    EXPECT_EQ(got.error().detail, "not a number: '" + text + "'");
  }
}

TEST(ParseDecimal, OutOfRange) {
  auto got = parse_decimal("1" + std::string(400, '0'));
  ASSERT_FALSE(got.has_value());
  EXPECT_EQ(got.error().detail.substr(0, 22), "number out of range: '");
}

TEST(ParseInteger, GoodInputs) {
  struct Case {
    std::string text;
    long long expected;
  };
  const Case cases[] = {
      {"0", 0},
      {"468", 468},
      {"56 929", 56929},
      {"3\u00A0504", 3504},
      {"-12", -12},
      {"\u22125", -5},
      {" 975280888 ", 975280888},
      {"9 223 372 036 854 775 807", std::numeric_limits<long long>::max()},
      {"-9223372036854775808", std::numeric_limits<long long>::min()},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto got = parse_integer(c.text);
    ASSERT_TRUE(got.has_value()) << got.error().detail;
    EXPECT_EQ(*got, c.expected);
  }
}

TEST(ParseInteger, BadInputs) {
  struct Case {
    std::string text;
    std::string detail;
  };
  const Case cases[] = {
      {"", "not a number: ''"},
      {"3,6", "not a number: '3,6'"},
      {"1.0", "not a number: '1.0'"},
      {"1 23", "not a number: '1 23'"},
      {"*", "not a number: '*'"},
      {"12a", "not a number: '12a'"},
      {"9223372036854775808", "number out of range: '9223372036854775808'"},
      {"-9 223 372 036 854 775 809", "number out of range: '-9 223 372 036 854 775 809'"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto got = parse_integer(c.text);
    ASSERT_FALSE(got.has_value()) << "parsed as " << *got;
    EXPECT_EQ(got.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(got.error().detail, c.detail);
  }
}

TEST(ParseCell, GoodInputs) {
  struct Case {
    std::string text;
    CellStatus status;
    std::optional<double> value;
    std::string marker;
  };
  const Case cases[] = {
      {"3,6", CellStatus::value, 3.6, ""},
      {"56 929", CellStatus::value, 56929.0, ""},
      {"0", CellStatus::value, 0.0, ""},
      {"-1,5", CellStatus::value, -1.5, ""},
      {"", CellStatus::missing, std::nullopt, ""},
      {"  ", CellStatus::missing, std::nullopt, ""},
      {"..", CellStatus::missing, std::nullopt, ".."},
      {"-", CellStatus::missing, std::nullopt, "-"},
      {"*", CellStatus::suppressed, std::nullopt, "*"},
      {" * ", CellStatus::suppressed, std::nullopt, "*"},
      {":", CellStatus::suppressed, std::nullopt, ":"},
      {".", CellStatus::not_applicable, std::nullopt, "."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE("'" + c.text + "'");
    auto got = parse_cell(c.text);
    ASSERT_TRUE(got.has_value()) << got.error().detail;
    EXPECT_EQ(got->status, c.status);
    EXPECT_EQ(got->value, c.value);
    EXPECT_EQ(got->marker, c.marker);
  }
}

TEST(ParseCell, BadInputs) {
  const std::string cases[] = {"**", "x", "1,2,3", "-.", "...", "*1", "1*", "n/a", "—", "1 23"};
  for (const auto& text : cases) {
    SCOPED_TRACE(text);
    auto got = parse_cell(text);
    ASSERT_FALSE(got.has_value()) << "parsed with status " << static_cast<int>(got->status);
    EXPECT_EQ(got.error().detail, "not a number: '" + text + "'");
  }
}

TEST(StatusSymbol, Table) {
  EXPECT_EQ(status_symbol(CellStatus::value), "");
  EXPECT_EQ(status_symbol(CellStatus::missing), "..");
  EXPECT_EQ(status_symbol(CellStatus::suppressed), ":");
  EXPECT_EQ(status_symbol(CellStatus::not_applicable), ".");
}

}  // namespace
}  // namespace stemnet::text
