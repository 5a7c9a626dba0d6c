#include "db/sql.hpp"

#include <gtest/gtest.h>

namespace stemnet::db {
namespace {

TEST(Where, EmptyHasNoClause) {
  Where w;
  EXPECT_EQ(w.sql(), "");
  EXPECT_EQ(w.next_param(), "$1");
}

TEST(Where, NumbersParametersInOrder) {
  Where w;
  w.add("a = ?", {"x"});
  w.add("(b, c) > (?, ?)", {"y", 3});
  EXPECT_EQ(w.sql(), " WHERE a = $1 AND (b, c) > ($2, $3)");
  EXPECT_EQ(w.next_param(), "$4");
  auto p = w.params_with({50});
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0].text(), "x");
  EXPECT_EQ(p[2].integer(), 3);
  EXPECT_EQ(p[3].integer(), 50);
}

TEST(LikeEscape, EscapesWildcards) {
  EXPECT_EQ(like_escape("50%_a\\b"), "50\\%\\_a\\\\b");
  EXPECT_EQ(like_escape("plain"), "plain");
}

}  // namespace
}  // namespace stemnet::db
