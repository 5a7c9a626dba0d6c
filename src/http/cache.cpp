#include "http/cache.hpp"

#include <mutex>

namespace stemnet::http {

std::optional<Response> ResponseCache::get(std::string_view key, Clock::time_point now) const {
  std::shared_lock lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.expires <= now) return std::nullopt;
  return it->second.response;
}

void ResponseCache::put(std::string_view key, const Response& response, Clock::time_point expires) {
  std::unique_lock lock(mu_);
  if (entries_.size() >= max_entries_ && !entries_.count(std::string(key))) entries_.clear();
  entries_.insert_or_assign(std::string(key), Entry{response, expires});
}

std::size_t ResponseCache::size() const {
  std::shared_lock lock(mu_);
  return entries_.size();
}

}  // namespace stemnet::http
