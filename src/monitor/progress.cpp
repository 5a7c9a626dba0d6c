#include "monitor/progress.hpp"

#include "core/time.hpp"

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

bool valid_period(std::string_view p) {
  auto number = [&p](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (i >= p.size() || p[i] < '0' || p[i] > '9') return -1;
      v = v * 10 + (p[i] - '0');
    }
    return v;
  };
  const int year = number(0, 4);
  if (year < kMinYear || year > kMaxYear) return false;
  switch (p.size()) {
    case 4:
      return true;
    case 6:  // 2024K1, 2024H2
      return (p[4] == 'K' && number(5, 1) >= 1 && number(5, 1) <= 4) ||
             (p[4] == 'H' && number(5, 1) >= 1 && number(5, 1) <= 2);
    case 7:  // 2024-25, 2024M03
      if (p[4] == '-') return number(5, 2) == (year + 1) % 100;
      return p[4] == 'M' && number(5, 2) >= 1 && number(5, 2) <= 12;
    case 9:  // 2024-2025
      return p[4] == '-' && number(5, 4) == year + 1;
    case 10:
      return parse_date(p).has_value();
  }
  return false;
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
