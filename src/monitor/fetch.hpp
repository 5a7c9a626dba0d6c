// monitor/fetch.hpp — fetching a statistics table over HTTP(S) with libcurl:
// timeouts, retries with back-off on 429, 5xx and network failures, and the
// raw response kept with its SHA-256 as provenance.
//
// Example:
//   FetchOptions opt;                     // 10 s to connect, 60 s in all, 3 tries
//   auto got = fetch_post(url, query_json, opt);
//   if (got) save(got->body, got->sha256);
#pragma once

#include "core/result.hpp"

#include <chrono>
#include <cstddef>
#include <string>

namespace stemnet::monitor {

// 64 MiB: SSB's largest tables we fetch are a few MB.
inline constexpr std::size_t kDefaultFetchMaxBytes = std::size_t{64} << 20;

struct FetchOptions {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};
  int attempts = 3;
  std::chrono::milliseconds first_backoff{1'000};  // doubles after each failed attempt
  std::string user_agent = "stemnet (+https://stemnet.no)";
  // The largest answer kept, counted after decompression.
  std::size_t max_bytes = kDefaultFetchMaxBytes;
};

struct Fetched {
  long status = 0;
  std::string body;
  std::string sha256;
  std::string content_type;
  int attempts = 0;
};

// POSTs `body` (JSON) to `url` and returns a 2xx answer. Fails with
// ErrorKind::unavailable after the last attempt (naming the URL and why),
// or at once for a 4xx other than 408 and 429; ErrorKind::too_large at once
// when the answer, decompressed, is over options.max_bytes.
[[nodiscard]] Result<Fetched> fetch_post(const std::string& url, const std::string& body,
                                         const FetchOptions& options);

}  // namespace stemnet::monitor
