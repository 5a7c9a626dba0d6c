// core/strings.hpp — the few string helpers every feature needs.
// Example:
//   one_of("kit", kFormats);                 // true
//   join_list({"a", "b"}) == "a,b";  split_list("a,b") == {"a", "b"}
//   characters("Bærum") == 5
#pragma once

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace stemnet {

// True when `s` is one of the values of a range (an array of names).
template <class Range>
bool one_of(std::string_view s, const Range& values) {
  return std::find(std::begin(values), std::end(values), s) != std::end(values);
}

// "a,b,c" from {"a", "b", "c"}: how short lists of ids are stored.
std::string join_list(const std::vector<std::string>& items);
// The items of a comma list; an empty string has none.
std::vector<std::string> split_list(std::string_view list);

// The characters of UTF-8 text, as a person (and the API document's
// maxLength) counts them: "Bærum" has 5, not 6 (its bytes).
inline std::size_t characters(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// The first `n` characters (code points) of UTF-8 text, never cutting one.
inline std::string first_characters(std::string_view utf8, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < utf8.size(); ++i) {
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80 && seen++ == n) break;
  }
  return std::string(utf8.substr(0, i));
}

// A value fit for one line of the operator's log: control characters (CR and
// LF among them) written as \xNN, and at most 200 bytes of it.
std::string log_safe(std::string_view value);

}  // namespace stemnet
