#include "geo/point.hpp"

#include <cmath>
#include <numbers>

namespace stemnet::geo {

bool is_valid(const Point& p) {
  return std::isfinite(p.lon) && std::isfinite(p.lat) && p.lon >= -180 && p.lon <= 180 &&
         p.lat >= -90 && p.lat <= 90;
}

long distance_m(const Point& a, const Point& b) {
  constexpr double kRadius = 6371008.8;
  constexpr double kRad = std::numbers::pi / 180.0;
  const double dlat = (b.lat - a.lat) * kRad;
  const double dlon = (b.lon - a.lon) * kRad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return std::lround(2 * kRadius * std::asin(std::min(1.0, std::sqrt(h))));
}

}  // namespace stemnet::geo
