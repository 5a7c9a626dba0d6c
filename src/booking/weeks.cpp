#include "booking/weeks.hpp"

#include <map>
#include <set>
#include <string_view>

namespace stemnet::booking {
namespace {

// "2027-W04" -> (2027, 4); false when it is not an ISO week.
bool parse_week(std::string_view s, int& year, int& week) {
  if (s.size() != 8 || s[4] != '-' || s[5] != 'W') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 6u, 7u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  year = std::stoi(std::string(s.substr(0, 4)));
  week = std::stoi(std::string(s.substr(6, 2)));
  return week >= 1 && week <= 53;
}

// "4–6", "12", joined with ", " and a last " og ".
std::string runs(const std::set<int>& weeks) {
  std::vector<std::string> parts;
  for (auto it = weeks.begin(); it != weeks.end();) {
    const int first = *it;
    int last = first;
    for (++it; it != weeks.end() && *it == last + 1; ++it) last = *it;
    parts.push_back(last == first ? std::to_string(first)
                                  : std::to_string(first) + "\u2013" + std::to_string(last));
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " og " : ", ";
    out += parts[i];
  }
  return out;
}

}  // namespace

std::string wished_weeks(const std::vector<std::string>& weeks) {
  std::map<int, std::set<int>> by_year;
  std::vector<std::string> other;
  for (const auto& w : weeks) {
    int year = 0, week = 0;
    if (parse_week(w, year, week)) {
      by_year[year].insert(week);
    } else if (!w.empty()) {
      other.push_back(w);
    }
  }
  std::string out;
  for (const auto& [year, set] : by_year) {
    if (!out.empty()) out += " og ";
    out += "uke " + runs(set) + " " + std::to_string(year);
  }
  for (const auto& o : other) out += (out.empty() ? "" : ", ") + o;
  return out;
}

}  // namespace stemnet::booking
