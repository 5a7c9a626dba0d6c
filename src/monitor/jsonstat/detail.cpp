#include "monitor/jsonstat/detail.hpp"

#include "text/json_write.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace stemnet::monitor::jsonstat::detail {
namespace {

bool identifier(std::string_view key) {
  if (key.empty()) return false;
  const auto alpha = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  };
  if (!alpha(key[0])) return false;
  return std::all_of(key.begin(), key.end(),
                     [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); });
}

}  // namespace

std::string member(std::string_view parent, std::string_view key) {
  std::string out(parent);
  if (identifier(key)) {
    out += '.';
    out += key;
    return out;
  }
  out += "['";
  for (char c : key) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += "']";
  return out;
}

std::string element(std::string_view parent, std::size_t index) {
  std::string out(parent);
  out += '[';
  out += std::to_string(index);
  out += ']';
  return out;
}

std::optional<std::uint64_t> cell_count(std::span<const std::uint64_t> sizes) {
  std::uint64_t n = 1;
  for (auto s : sizes) {
    if (s != 0 && n > std::numeric_limits<std::uint64_t>::max() / s) return std::nullopt;
    n *= s;
  }
  // A zero anywhere makes the cube empty, whatever the other sizes say.
  if (std::find(sizes.begin(), sizes.end(), 0) != sizes.end()) return 0;
  return n;
}

std::optional<std::uint64_t> whole(const boost::json::value& v) {
  if (v.is_int64()) {
    if (v.get_int64() < 0) return std::nullopt;
    return static_cast<std::uint64_t>(v.get_int64());
  }
  if (v.is_uint64()) return v.get_uint64();
  if (v.is_double()) {
    const double d = v.get_double();
    if (d >= 0 && d < 1.8e19 && d == std::floor(d)) return static_cast<std::uint64_t>(d);
  }
  return std::nullopt;
}

std::optional<std::uint64_t> cell_key(std::string_view key) {
  if (key.empty() || key.size() > 20) return std::nullopt;
  if (key.size() > 1 && key[0] == '0') return std::nullopt;
  std::uint64_t n = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return std::nullopt;
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (n > (std::numeric_limits<std::uint64_t>::max() - d) / 10) return std::nullopt;
    n = n * 10 + d;
  }
  return n;
}

bool reserved_root_member(std::string_view key) {
  static constexpr std::array<std::string_view, 17> names = {
      "version", "class", "href", "label", "note",  "source", "updated",   "extension", "link",
      "error",   "id",    "size", "role",  "value", "status", "dimension", "category"};
  return std::find(names.begin(), names.end(), key) != names.end();
}

void append_string(std::string& out, std::string_view s) {
  // One string writer for every JSON answer: ill-formed UTF-8 goes out as U+FFFD.
  text::append_string(out, s);
}

}  // namespace stemnet::monitor::jsonstat::detail
