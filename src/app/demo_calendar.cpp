#include "app/demo_calendar.hpp"

#include <cstdio>
#include <ctime>

namespace stemnet::app {
namespace {

// Days since 1970-01-01 (proleptic Gregorian), and back.
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

long serial(const Date& d) { return days_from_civil(d.year, d.month, d.day); }

// 1 = Monday ... 7 = Sunday.
int weekday(const Date& d) {
  const long z = serial(d);
  return static_cast<int>(((z % 7) + 7 + 3) % 7) + 1;  // 1970-01-01 was a Thursday
}

// The ISO 8601 week number.
int iso_week(const Date& d) {
  const long thursday = serial(d) - weekday(d) + 4;
  const Date t = civil_from_days(thursday);
  return static_cast<int>((thursday - days_from_civil(t.year, 1, 1)) / 7 + 1);
}

bool between(const Date& d, int m1, int d1, int m2, int d2) {
  const int v = d.month * 100 + d.day;
  return v >= m1 * 100 + d1 && v <= m2 * 100 + d2;
}

}  // namespace

Date easter_sunday(int year) {
  // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return {year, month, day};
}

Date add_days(Date d, int days) { return civil_from_days(serial(d) + days); }

std::string iso(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

bool is_public_holiday(const Date& d) {
  if (between(d, 1, 1, 1, 1) || between(d, 5, 1, 5, 1) || between(d, 5, 17, 5, 17) ||
      between(d, 12, 25, 12, 26)) {
    return true;
  }
  const long easter = serial(easter_sunday(d.year)), day = serial(d);
  for (int offset : {-3, -2, 0, 1, 39, 49, 50}) {
    if (day == easter + offset) return true;
  }
  return false;
}

bool is_school_day(const Date& d) {
  if (weekday(d) >= 6 || is_public_holiday(d)) return false;
  const int week = iso_week(d);
  if (week == 40 || week == 41 || week == 8 || week == 9) return false;    // autumn, winter
  if (between(d, 12, 20, 12, 31) || between(d, 1, 1, 1, 2)) return false;  // Christmas
  if (between(d, 6, 20, 8, 17)) return false;                              // summer
  // Easter week: Palm Sunday to Easter Monday.
  const long easter = serial(easter_sunday(d.year)), day = serial(d);
  return !(day >= easter - 7 && day <= easter + 1);
}

}  // namespace stemnet::app
