#include "core/page.hpp"

#include "core/encoding.hpp"

#include <charconv>

namespace stemnet {
namespace {
constexpr char kSep = '\x1f';  // unit separator: never in a key part
}

std::string make_cursor(const std::vector<std::string>& key_parts) {
  std::string raw;
  for (std::size_t i = 0; i < key_parts.size(); ++i) {
    if (i) raw += kSep;
    raw += key_parts[i];
  }
  return base64url_encode(raw);
}

Result<PageRequest> PageRequest::parse(std::optional<std::string_view> limit,
                                       std::optional<std::string_view> cursor,
                                       std::size_t key_parts) {
  PageRequest pr;
  if (limit) {
    int n = 0;
    auto [p, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), n);
    if (ec != std::errc() || p != limit->data() + limit->size() || n < 1 || n > kMaxLimit) {
      return Error::invalid("limit", "limit must be a whole number from 1 to " +
                                         std::to_string(kMaxLimit) + ", got '" +
                                         std::string(*limit) + "'");
    }
    pr.limit = n;
  }
  if (cursor && !cursor->empty()) {
    auto raw = base64url_decode(*cursor);
    if (!raw) return Error::invalid("cursor", "cursor is not one this server gave out");
    std::size_t start = 0;
    for (;;) {
      std::size_t end = raw->find(kSep, start);
      pr.after.push_back(
          raw->substr(start, end == std::string::npos ? std::string::npos : end - start));
      if (end == std::string::npos) break;
      start = end + 1;
    }
    if (pr.after.size() != key_parts) {
      return Error::invalid("cursor", "cursor is not one this server gave out for this list");
    }
  }
  return pr;
}

}  // namespace stemnet
