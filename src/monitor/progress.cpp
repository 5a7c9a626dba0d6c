#include "monitor/progress.hpp"

#include <algorithm>

namespace stemnet::monitor {

std::optional<int> period_year(const std::string& period) {
  if (period.size() < 4) return std::nullopt;
  int year = 0;
  for (int i = 0; i < 4; ++i) {
    if (period[i] < '0' || period[i] > '9') return std::nullopt;
    year = year * 10 + (period[i] - '0');
  }
  return year;
}

Progress progress(std::vector<Point> series, double target, int target_year,
                  const std::string& direction) {
  if (series.empty()) return {"unknown", std::nullopt};
  std::sort(series.begin(), series.end(),
            [](const Point& a, const Point& b) { return a.year < b.year; });
  const bool lower = direction == "lower_is_better";
  auto meets = [&](double v) { return lower ? v <= target : v >= target; };
  const Point& latest = series.back();
  if (meets(latest.value)) return {"reached", latest.value};
  if (series.size() > 3) series.erase(series.begin(), series.end() - 3);
  if (series.size() < 2 || series.front().year == series.back().year)
    return {"unknown", std::nullopt};
  double mx = 0, my = 0;
  for (const auto& p : series) {
    mx += p.year;
    my += p.value;
  }
  mx /= static_cast<double>(series.size());
  my /= static_cast<double>(series.size());
  double sxy = 0, sxx = 0;
  for (const auto& p : series) {
    sxy += (p.year - mx) * (p.value - my);
    sxx += (p.year - mx) * (p.year - mx);
  }
  const double slope = sxx > 0 ? sxy / sxx : 0;
  const double projected = latest.value + slope * (target_year - latest.year);
  return {meets(projected) ? "on_track" : "behind", projected};
}

}  // namespace stemnet::monitor
