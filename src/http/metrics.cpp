#include "http/metrics.hpp"

#include <charconv>

namespace stemnet::http {
namespace {

// Label values escape backslash, double quote and newline.
std::string escape_label(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

// Shortest round-trip form: le="0.0005", not le="0.00050000000000000001".
std::string number(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  return std::string(buf, end);
}

}  // namespace

void Metrics::observe(std::string_view method, std::string_view route, int status, double seconds) {
  std::lock_guard lock(mu_);
  // Look up without allocating; allocate only for a new series.
  auto key = std::make_tuple(method, route, status);
  auto it = requests_.find(key);
  if (it == requests_.end())
    it = requests_.emplace(std::make_tuple(std::string(method), std::string(route), status), 0)
             .first;
  ++it->second;
  auto hit = latency_.find(route);
  if (hit == latency_.end()) hit = latency_.emplace(std::string(route), Histogram{}).first;
  auto& h = hit->second;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::render() const {
  std::lock_guard lock(mu_);
  std::string out;
  out +=
      "# HELP stemnet_http_requests_total HTTP requests answered, by method, route and status.\n";
  out += "# TYPE stemnet_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [method, route, status] = key;
    out += "stemnet_http_requests_total{method=\"" + escape_label(method) + "\",route=\"" +
           escape_label(route) + "\",status=\"" + std::to_string(status) + "\"} " +
           std::to_string(n) + "\n";
  }
  out +=
      "# HELP stemnet_http_request_duration_seconds Time from a parsed request to its answer, "
      "ready to write.\n";
  out += "# TYPE stemnet_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    const std::string label = "route=\"" + escape_label(route) + "\"";
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out += "stemnet_http_request_duration_seconds_bucket{" + label + ",le=\"" +
             number(kBuckets[i]) + "\"} " + std::to_string(h.buckets[i]) + "\n";
    }
    out += "stemnet_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
           std::to_string(h.count) + "\n";
    out += "stemnet_http_request_duration_seconds_sum{" + label + "} " + number(h.sum) + "\n";
    out += "stemnet_http_request_duration_seconds_count{" + label + "} " + std::to_string(h.count) +
           "\n";
  }
  return out;
}

}  // namespace stemnet::http
