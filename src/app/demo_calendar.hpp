// app/demo_calendar.hpp — school days of the Norwegian school year, for demo
// slots: weekdays that are neither public holidays (Easter, Ascension and
// Whit Monday found from the date of Easter) nor in a school holiday (the
// autumn break in weeks 40–41 and the winter break in weeks 8–9, which
// counties place in one or the other; Christmas from 20 December to 2
// January; Easter week; summer from 20 June to 17 August).
//
// Example:
//   is_school_day(Date{2027, 4, 1})  == false  // Maundy Thursday
//   is_school_day(Date{2027, 2, 22}) == false  // week 8
#pragma once

#include <string>

namespace stemnet::app {

struct Date {
  int year = 0, month = 0, day = 0;
};

// Easter Sunday of `year` (Gregorian calendar).
Date easter_sunday(int year);
bool is_public_holiday(const Date& d);
bool is_school_day(const Date& d);
// `d` plus `days` days.
Date add_days(Date d, int days);
// "YYYY-MM-DD".
std::string iso(const Date& d);

}  // namespace stemnet::app
