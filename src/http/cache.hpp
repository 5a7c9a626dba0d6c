// http/cache.hpp — a small in-process cache of whole responses, for routes
// whose answer is public and the same for every caller (reference data).
//
// Entries live for the route's `cache_for` and are keyed by the request
// target (path and query). The registry changes only on imports, so a
// response may be up to `cache_for` old after one; routes with per-user or
// fast-changing answers must not opt in.
// Example:
//   ResponseCache cache(10'000);
//   if (auto hit = cache.get(req.target, now)) return *hit;
//   cache.put(req.target, res, now + std::chrono::seconds(1));
#pragma once

#include "http/message.hpp"

#include <chrono>
#include <cstddef>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace stemnet::http {

class ResponseCache {
 public:
  using Clock = std::chrono::steady_clock;

  explicit ResponseCache(std::size_t max_entries) : max_entries_(max_entries) {}

  // The stored response for `key` if it has not expired at `now`.
  std::optional<Response> get(std::string_view key, Clock::time_point now) const;
  // Stores a response until `expires`. When full, the cache starts over
  // (simple, and bounded: a flood of distinct URLs cannot grow it).
  void put(std::string_view key, const Response& response, Clock::time_point expires);
  std::size_t size() const;

 private:
  struct Entry {
    Response response;
    Clock::time_point expires;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::size_t max_entries_;
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, Entry, Hash, std::equal_to<>> entries_;
};

}  // namespace stemnet::http
