#include "http/cache.hpp"

#include <algorithm>
#include <mutex>
#include <utility>
#include <vector>

namespace stemnet::http {

std::size_t ResponseCache::charge(std::string_view key, const Response& response) {
  // Two copies of the key (map and order list) and the nodes around them.
  std::size_t n = 2 * key.size() + response.body.size() + response.content_type.size() + 256;
  for (const auto& h : response.headers) n += h.name.size() + h.value.size() + 64;
  return n;
}

std::optional<Response> ResponseCache::get(std::string_view key, Clock::time_point now) const {
  std::shared_lock lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.expires <= now) return std::nullopt;
  return it->second.response;
}

void ResponseCache::put(std::string_view key, const Response& response, Clock::time_point expires) {
  const std::size_t bytes = charge(key, response);
  std::unique_lock lock(mu_);
  if (auto it = entries_.find(key); it != entries_.end()) {
    bytes_ -= it->second.bytes;
    order_.erase(it->second.order);
    entries_.erase(it);
  }
  if (bytes > max_bytes_ / 8) return;  // one answer may not crowd out the rest
  while (!order_.empty() && bytes_ + bytes > max_bytes_) {
    auto oldest = entries_.find(order_.front());
    bytes_ -= oldest->second.bytes;
    entries_.erase(oldest);
    order_.pop_front();
  }
  order_.emplace_back(key);
  entries_.emplace(std::string(key), Entry{response, expires, bytes, std::prev(order_.end())});
  bytes_ += bytes;
}

std::size_t ResponseCache::size() const {
  std::shared_lock lock(mu_);
  return entries_.size();
}

std::size_t ResponseCache::bytes() const {
  std::shared_lock lock(mu_);
  return bytes_;
}

std::string cache_key(const Request& req, bool gzip) {
  std::vector<const std::pair<std::string, std::string>*> params;
  params.reserve(req.query.size());
  for (const auto& p : req.query) {
    if (!p.first.empty()) params.push_back(&p);
  }
  std::sort(params.begin(), params.end(), [](const auto* a, const auto* b) { return *a < *b; });
  std::string key = req.path;
  // Lengths before values: no choice of names and values makes two queries collide.
  for (const auto* p : params) {
    key += '\n';
    key += std::to_string(p->first.size());
    key += ':';
    key += p->first;
    key += std::to_string(p->second.size());
    key += ':';
    key += p->second;
  }
  if (gzip) key += "\ngzip";
  return key;
}

}  // namespace stemnet::http
