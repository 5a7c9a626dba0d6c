// http/metrics.hpp — request counters and a latency histogram, rendered in
// the Prometheus text format for /metrics.
//
// Example:
//   Metrics m;
//   m.observe("GET", "/api/v1/counties", 200, 0.0004);
//   std::string text = m.render();
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace stemnet::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  5.0};

  // Counts one answered request. Thread-safe.
  void observe(std::string_view method, std::string_view route, int status, double seconds);
  // Prometheus exposition text (version 0.0.4).
  std::string render() const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t, std::less<>> requests_;
  std::map<std::string, Histogram, std::less<>> latency_;  // by route
};

}  // namespace stemnet::http
