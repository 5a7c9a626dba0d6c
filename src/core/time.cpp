#include "core/time.hpp"

#include "core/strings.hpp"

#include <chrono>
#include <cstdio>

namespace stemnet {
namespace {

using namespace std::chrono;

// The digits at [at, at + n) as a number; -1 when any is not an ASCII digit.
int digits(std::string_view s, std::size_t at, std::size_t n) {
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool real_day(const Date& d) {
  if (d.year < kMinYear || d.year > kMaxYear) return false;
  return year_month_day{year{d.year}, month{static_cast<unsigned>(d.month)},
                        day{static_cast<unsigned>(d.day)}}
      .ok();
}

sys_days to_days(const Date& d) {
  return sys_days{year_month_day{year{d.year}, month{static_cast<unsigned>(d.month)},
                                 day{static_cast<unsigned>(d.day)}}};
}

Date from_days(sys_days s) {
  const year_month_day ymd{s};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const Date d{digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2)};
  if (d.year < 0 || d.month < 0 || d.day < 0 || !real_day(d)) return std::nullopt;
  return d;
}

std::optional<Minute> parse_minute(std::string_view text) {
  if (text.size() != 16 || text[10] != 'T' || text[13] != ':') return std::nullopt;
  auto date = parse_date(text.substr(0, 10));
  if (!date) return std::nullopt;
  const int hour = digits(text, 11, 2), minute = digits(text, 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
  return Minute{*date, hour, minute};
}

Result<Date> read_date(std::string_view field, std::string_view text) {
  if (auto d = parse_date(text)) return *d;
  return Error::invalid(std::string(field), "a date is YYYY-MM-DD, a real day between " +
                                                std::to_string(kMinYear) + " and " +
                                                std::to_string(kMaxYear));
}

Result<Minute> read_minute(std::string_view field, std::string_view text) {
  if (auto m = parse_minute(text)) return *m;
  return Error::invalid(std::string(field), "a time is YYYY-MM-DDTHH:MM, a real minute between " +
                                                std::to_string(kMinYear) + " and " +
                                                std::to_string(kMaxYear));
}

std::string stored_time_warning(std::string_view what, std::string_view id,
                                std::string_view value) {
  return "stemnet: warning: " + std::string(what) + " '" + log_safe(id) +
         "' has a stored time that is not a real time ('" + log_safe(value) + "'); left out\n";
}

std::string format(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string format(const Minute& m) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", m.date.year, m.date.month, m.date.day,
                m.hour, m.minute);
  return buf;
}

std::string format_ical(const Minute& m) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d00", m.date.year, m.date.month, m.date.day,
                m.hour, m.minute);
  return buf;
}

Date add_days(const Date& d, long n) { return from_days(to_days(d) + days{n}); }

Minute plus_minutes(const Minute& m, long minutes) {
  const long total = static_cast<long>(m.hour) * 60 + m.minute + minutes;
  long day_shift = total / 1440, in_day = total % 1440;
  if (in_day < 0) {
    in_day += 1440;
    --day_shift;
  }
  const Date d = from_days(to_days(m.date) + days{day_shift});
  return Minute{d, static_cast<int>(in_day / 60), static_cast<int>(in_day % 60)};
}

std::string iso_week(const Date& d) {
  const sys_days day_point = to_days(d);
  // The Thursday of this date's week decides the week's year.
  const int iso_weekday = static_cast<int>(weekday{day_point}.iso_encoding());  // Mon 1 .. Sun 7
  const sys_days thursday = day_point + days{4 - iso_weekday};
  const year week_year = year_month_day{thursday}.year();
  const sys_days jan1{week_year / January / 1};
  const int week = static_cast<int>((thursday - jan1).count() / 7 + 1);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", static_cast<int>(week_year), week);
  return buf;
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

}  // namespace stemnet
