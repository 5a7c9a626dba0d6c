// geo/point.hpp — WGS84 points and the distances between them.
//
// Example:
//   Point oslo{10.73994, 59.98139}, bergen{5.38875, 60.36429};
//   long m = distance_m(oslo, bergen);   // great-circle metres, ~300 km
#pragma once

namespace stemnet::geo {

struct Point {
  double lon = 0;
  double lat = 0;
};

// True when lon is in [-180, 180] and lat in [-90, 90].
bool is_valid(const Point& p);

// Great-circle distance in whole metres (haversine on a sphere of radius
// 6 371 008.8 m, the IUGG mean Earth radius); good to ~0.5 % in Norway.
long distance_m(const Point& a, const Point& b);

}  // namespace stemnet::geo
