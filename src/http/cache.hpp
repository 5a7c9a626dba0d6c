// http/cache.hpp — a small in-process cache of whole responses, for routes
// whose answer is public and the same for every caller (reference data).
//
// Entries live for the route's `cache_for`. The cache is bounded in bytes,
// not entries: every entry is charged its key, body and headers, and when a
// new one would pass the budget the oldest entries go first (expired ones are
// simply overwritten or pushed out). An answer larger than an eighth of the
// budget is not kept at all. A flood of distinct URLs can therefore never
// grow the process past the budget; the router also keys entries by the route
// and its normalised query (cache_key), not by the raw target.
// Example:
//   ResponseCache cache(64 << 20);                        // 64 MiB
//   if (auto hit = cache.get(key, now)) return *hit;
//   cache.put(key, res, now + std::chrono::seconds(1));
#pragma once

#include "http/message.hpp"

#include <chrono>
#include <cstddef>
#include <list>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace stemnet::http {

class ResponseCache {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::size_t kDefaultBytes = 64u << 20;

  explicit ResponseCache(std::size_t max_bytes = kDefaultBytes) : max_bytes_(max_bytes) {}

  // The stored response for `key` if it has not expired at `now`.
  std::optional<Response> get(std::string_view key, Clock::time_point now) const;
  // Stores a response until `expires`, pushing out the oldest entries while
  // the total would pass the budget; an answer too large to keep is not kept.
  void put(std::string_view key, const Response& response, Clock::time_point expires);
  std::size_t size() const;   // entries
  std::size_t bytes() const;  // what the entries are charged, always <= max_bytes()
  std::size_t max_bytes() const { return max_bytes_; }

  // What an entry is charged: its key, body, content type and headers, and a
  // fixed amount for the bookkeeping around them.
  static std::size_t charge(std::string_view key, const Response& response);

 private:
  struct Entry {
    Response response;
    Clock::time_point expires;
    std::size_t bytes = 0;
    std::list<std::string>::iterator order;  // its place in order_
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::size_t max_bytes_;
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, Entry, Hash, std::equal_to<>> entries_;
  std::list<std::string> order_;  // keys, oldest first
  std::size_t bytes_ = 0;
};

// The cache key of a GET: the path and the query's non-empty parameters
// sorted by name (then value), each decoded; "gzip" marks the compressed form.
// Two targets that differ only in parameter order or encoding share a key.
std::string cache_key(const Request& req, bool gzip);

}  // namespace stemnet::http
