#include "core/clock.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace stemnet {

std::string format_utc(std::time_t t, const char* format) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  return std::string(buf, std::strftime(buf, sizeof buf, format, &tm));
}

std::string format_local(std::time_t t, const char* format) {
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[64];
  return std::string(buf, std::strftime(buf, sizeof buf, format, &tm));
}

std::string utc_now_iso() { return format_utc(std::time(nullptr), "%Y-%m-%dT%H:%M:%SZ"); }

std::string local_minute_now() { return format_local(std::time(nullptr), "%Y-%m-%dT%H:%M"); }

std::string utc_now_iso_ms() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(ms));
  return out;
}

std::string iso_week(std::string_view date) {
  using namespace std::chrono;
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return "";
  int y = 0;
  unsigned m = 0, d = 0;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (date[i] < '0' || date[i] > '9') return "";
  }
  y = std::stoi(std::string(date.substr(0, 4)));
  m = static_cast<unsigned>(std::stoi(std::string(date.substr(5, 2))));
  d = static_cast<unsigned>(std::stoi(std::string(date.substr(8, 2))));
  const year_month_day ymd{year{y}, month{m}, day{d}};
  if (!ymd.ok()) return "";
  const sys_days day_point{ymd};
  // The Thursday of this date's week decides the week's year.
  const weekday wd{day_point};
  const int iso_weekday = wd.iso_encoding();  // Monday 1 .. Sunday 7
  const sys_days thursday = day_point + days{4 - iso_weekday};
  const year week_year = year_month_day{thursday}.year();
  const sys_days jan1{week_year / January / 1};
  const int week = static_cast<int>((thursday - jan1).count() / 7 + 1);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", static_cast<int>(week_year), week);
  return buf;
}

}  // namespace stemnet
