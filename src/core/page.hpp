// core/page.hpp — one shape for every list the API answers.
//
// Lists are {"items": [...], "total": N, "next_cursor": "..." or null}, in a
// stable order, `limit` items at most (default 50, max 1000). A cursor is an
// opaque token: the sort key of the last item served, base64url-encoded.
// Example:
//   STEMNET_TRY(PageRequest pr, PageRequest::parse(req_limit, req_cursor));
//   // store: WHERE key > pr.after ORDER BY key LIMIT pr.limit + 1
#pragma once

#include "core/result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stemnet {

struct PageRequest {
  static constexpr int kDefaultLimit = 50;
  static constexpr int kMaxLimit = 1000;

  int limit = kDefaultLimit;
  // Sort-key parts of the last item already served; empty for the first page.
  std::vector<std::string> after;

  // Parses the `limit` and `cursor` query parameters. Fails with
  // Error::invalid naming the parameter.
  static Result<PageRequest> parse(std::optional<std::string_view> limit,
                                   std::optional<std::string_view> cursor, std::size_t key_parts);
};

// The cursor that continues after an item with these sort-key parts.
std::string make_cursor(const std::vector<std::string>& key_parts);

template <class T>
struct Page {
  std::vector<T> items;
  long long total = 0;
  std::optional<std::string> next_cursor;
};

}  // namespace stemnet
