#include "geo/area_code.hpp"
#include "geo/point.hpp"

#include <gtest/gtest.h>

namespace stemnet::geo {
namespace {

TEST(AreaCode, GoodNumbers) {
  EXPECT_TRUE(is_county_number("03"));
  EXPECT_TRUE(is_municipality_number("0301"));
  EXPECT_TRUE(is_municipality_number("2100"));
  EXPECT_EQ(county_of("5001"), "50");
}

TEST(AreaCode, BadNumbers) {
  for (const char* bad : {"", "3", "003", "0a", "K-03"}) EXPECT_FALSE(is_county_number(bad)) << bad;
  for (const char* bad : {"", "301", "03010", "03 1", "K-0301"}) {
    EXPECT_FALSE(is_municipality_number(bad)) << bad;
    EXPECT_EQ(county_of(bad), "");
  }
}

TEST(OrganisationNumber, Mod11) {
  // Real schools from the Udir files.
  for (const char* good : {"975283003", "990334021", "974795655", "975280640"}) {
    EXPECT_TRUE(is_organisation_number(good)) << good;
  }
  for (const char* bad : {"975283004", "97528300", "9752830031", "97528300a", ""}) {
    EXPECT_FALSE(is_organisation_number(bad)) << bad;
  }
}

TEST(Distance, KnownPairs) {
  Point oslo{10.73994, 59.98139}, bergen{5.38875, 60.36429};
  EXPECT_EQ(distance_m(oslo, oslo), 0);
  long d = distance_m(oslo, bergen);
  EXPECT_GT(d, 295'000);
  EXPECT_LT(d, 305'000);
  EXPECT_EQ(d, distance_m(bergen, oslo));
  // One degree of latitude is ~111.2 km on this sphere.
  EXPECT_NEAR(distance_m({10, 60}, {10, 61}), 111'195, 2);
}

TEST(Point, Validity) {
  EXPECT_TRUE(is_valid({10.7, 59.9}));
  EXPECT_FALSE(is_valid({200, 59.9}));
  EXPECT_FALSE(is_valid({10, -91}));
}

}  // namespace
}  // namespace stemnet::geo
