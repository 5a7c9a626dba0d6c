#include "text/number.hpp"

#include <charconv>
#include <system_error>

namespace stemnet::text {
namespace {

std::string_view trim_ascii(std::string_view s) {
  constexpr std::string_view space = " \t\r\n\f\v";
  const auto first = s.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(space) - first + 1);
}

// Length in bytes of the thousands separator at s[i], or 0 if there is none.
std::size_t separator_at(std::string_view s, std::size_t i) {
  const std::string_view rest = s.substr(i);
  if (rest.starts_with(' ')) return 1;
  if (rest.starts_with("\xC2\xA0")) return 2;      // U+00A0 NO-BREAK SPACE
  if (rest.starts_with("\xE2\x80\xAF")) return 3;  // U+202F NARROW NO-BREAK SPACE
  return 0;
}

// Rewrites a number written as number.hpp describes into the plain form
// std::from_chars reads ("-1234.5"). False if `s` is not such a number.
bool to_plain(std::string_view s, bool allow_fraction, std::string& out) {
  s = trim_ascii(s);
  std::size_t i = 0;
  if (s.starts_with('-')) {
    out += '-';
    i = 1;
  } else if (s.starts_with("\xE2\x88\x92")) {  // U+2212 MINUS SIGN
    out += '-';
    i = 3;
  }
  auto is_digit = [&](std::size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
  auto copy_digits = [&] {
    std::size_t count = 0;
    for (; is_digit(i); ++i, ++count) out += s[i];
    return count;
  };
  const std::size_t first_group = copy_digits();
  if (first_group == 0) return false;
  bool grouped = false;
  while (i < s.size()) {
    const std::size_t sep = separator_at(s, i);
    if (sep == 0) break;
    if (!grouped && first_group > 3) return false;
    grouped = true;
    i += sep;
    if (copy_digits() != 3) return false;
  }
  if (i < s.size() && (s[i] == ',' || s[i] == '.')) {
    if (!allow_fraction) return false;
    ++i;
    out += '.';
    if (copy_digits() == 0) return false;
  }
  return i == s.size();
}

Error not_a_number(std::string_view text) {
  return Error::invalid("", "not a number: '" + std::string(text) + "'");
}

Error out_of_range(std::string_view text) {
  return Error::invalid("", "number out of range: '" + std::string(text) + "'");
}

template <class T>
Result<T> parse(std::string_view text, bool allow_fraction) {
  std::string plain;
  if (!to_plain(text, allow_fraction, plain)) return not_a_number(text);
  T value{};
  const auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (ec == std::errc::result_out_of_range) return out_of_range(text);
  if (ec != std::errc() || end != plain.data() + plain.size()) return not_a_number(text);
  return value;
}

}  // namespace

Result<double> parse_decimal(std::string_view text) { return parse<double>(text, true); }

Result<long long> parse_integer(std::string_view text) { return parse<long long>(text, false); }

Result<Cell> parse_cell(std::string_view text) {
  const std::string_view t = trim_ascii(text);
  auto marked = [&](CellStatus status) { return Cell{std::nullopt, status, std::string(t)}; };
  if (t.empty() || t == ".." || t == "-") return marked(CellStatus::missing);
  if (t == "*" || t == ":") return marked(CellStatus::suppressed);
  if (t == ".") return marked(CellStatus::not_applicable);
  auto value = parse_decimal(text);
  if (!value) return std::move(value).error();
  return Cell{*value, CellStatus::value, ""};
}

std::string_view status_symbol(CellStatus status) {
  switch (status) {
    case CellStatus::value:
      return "";
    case CellStatus::missing:
      return "..";
    case CellStatus::suppressed:
      return ":";
    case CellStatus::not_applicable:
      return ".";
  }
  return "";
}

}  // namespace stemnet::text
