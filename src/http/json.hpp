// http/json.hpp — helpers that every feature's routes share: query checks,
// pagination and JSON answers. No Beast here.
//
// Example (a list route):
//   router.get("/api/v1/counties", [&svc](const Request& req, const PathParams&) {
//     auto page = page_request(req, {}, 1);            // 400 problem on a bad limit/cursor
//     if (!page) return problem(page.error());
//     auto out = svc.counties(*page);
//     if (!out) return problem(out.error());
//     return json(200, page_json(*out, county_json));
//   });
#pragma once

#include "core/page.hpp"
#include "core/result.hpp"
#include "http/message.hpp"
#include "http/problem.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace stemnet::http {

// Fails with Error::invalid naming the first query parameter not in `allowed`
// (so that a misspelt filter is not silently ignored), or one given twice.
Result<void> check_query(const Request& req, std::initializer_list<std::string_view> allowed);

// check_query with `filters` plus limit and cursor, then PageRequest::parse.
Result<PageRequest> page_request(const Request& req,
                                 std::initializer_list<std::string_view> filters,
                                 std::size_t key_parts);

// A Content-Type's media type, without parameters, in lower case:
// "Application/JSON; charset=utf-8" -> "application/json".
std::string media_type(std::string_view content_type);

// A query parameter as an optional string; an empty value counts as absent.
std::optional<std::string> query_string(const Request& req, std::string_view name);

Response json(int status, const boost::json::value& body);

// The longest free text a body member of these names may hold, in
// characters: what a person types into one field of the front-end. A
// feature may hold a member to less (an open request's note: 2000).
inline constexpr std::pair<std::string_view, std::size_t> kFreeTextLimits[] = {
    {"reason", 1000},  {"wished", 1000}, {"comment", 4000},
    {"message", 4000}, {"note", 4000},   {"body", 4000},
};

// The request's body as a JSON object. Fails with 415 when the body is not
// declared application/json (so that no cross-site form can post it), 400
// naming "body" when it is not a JSON object, 400 naming the member when a
// string or member name anywhere in it holds U+0000 ("kit.items[0]"), or
// when a top-level free-text member (kFreeTextLimits) is over its limit.
Result<boost::json::object> json_body(const Request& req);
// 415 naming Content-Type unless the body is declared application/json.
Result<void> check_json_media_type(const Request& req);
// The path of the first member name or string under `v` holding U+0000
// ("name", "kit.items[2]", prefixed by `path`), if any: C strings, SQLite
// text functions, mail headers and iCalendar lines would each cut it there
// differently.
std::optional<std::string> nul_path(const boost::json::value& v, const std::string& path);
// {"items": [...], "total": N, "next_cursor": "..." | null}
template <class T, class F>
boost::json::object page_json(const Page<T>& page, F&& item_json) {
  boost::json::array items;
  items.reserve(page.items.size());
  for (const auto& item : page.items) items.push_back(item_json(item));
  boost::json::object out;
  out["items"] = std::move(items);
  out["total"] = page.total;
  if (page.next_cursor) {
    out["next_cursor"] = *page.next_cursor;
  } else {
    out["next_cursor"] = nullptr;
  }
  return out;
}

// An optional as a JSON value or null.
template <class T>
boost::json::value or_null(const std::optional<T>& v) {
  if (v) return boost::json::value(*v);
  return nullptr;
}

}  // namespace stemnet::http
