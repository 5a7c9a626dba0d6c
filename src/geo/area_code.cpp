#include "geo/area_code.hpp"

#include <algorithm>
#include <array>

namespace stemnet::geo {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool is_county_number(std::string_view s) { return s.size() == 2 && all_digits(s); }

bool is_municipality_number(std::string_view s) { return s.size() == 4 && all_digits(s); }

std::string county_of(std::string_view m) {
  return is_municipality_number(m) ? std::string(m.substr(0, 2)) : std::string();
}

bool is_organisation_number(std::string_view s) {
  if (s.size() != 9 || !all_digits(s)) return false;
  constexpr std::array<int, 8> weights = {3, 2, 7, 6, 5, 4, 3, 2};
  int sum = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) sum += (s[i] - '0') * weights[i];
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  return check != 10 && check == s[8] - '0';
}

}  // namespace stemnet::geo
