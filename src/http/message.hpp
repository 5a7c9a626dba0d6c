// http/message.hpp — the request and response that feature routes see.
//
// These are plain types with no Beast in them, so that routes in feature
// folders can be written and unit-tested without sockets. src/http/server.cpp
// converts to and from Beast's messages at the edge.
//
// Example:
//   Response r = Response::json(200, R"({"ok":true})");
//   if (auto limit = req.query("limit")) { ... }
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stemnet::http {

enum class Method { get, head, post, put, patch, del, options, other };

std::string_view method_name(Method m);
Method method_from(std::string_view name);

// A header value or list item without the spaces and tabs around it (RFC
// 9110's optional whitespace).
std::string_view trim_ows(std::string_view s);

struct Header {
  std::string name;
  std::string value;
};

struct Request {
  Method method = Method::get;
  std::string target;  // as received: path and query, percent-encoded
  std::string path;    // percent-decoded path
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  std::vector<Header> headers;
  std::string body;
  std::string remote_address;  // the peer's IP address, set by the server

  // The first header with this name (case-insensitive), if any.
  std::optional<std::string_view> header(std::string_view name) const;
  // The first query parameter with this name, if any.
  std::optional<std::string_view> query_param(std::string_view name) const;

  // Builds a request from a method and a target such as "/a/b?x=1&y=%C3%A6".
  // Returns nullopt when the target is not a valid origin-form URL.
  static std::optional<Request> from_target(Method method, std::string_view target);
};

struct Response {
  int status = 200;
  std::string content_type;
  std::string body;
  std::vector<Header> headers;  // extra headers; Content-Type and Length are set by the server

  static Response json(int status, std::string body);
  static Response text(int status, std::string body,
                       std::string content_type = "text/plain; charset=utf-8");
  void set_header(std::string name, std::string value);
  std::optional<std::string_view> header(std::string_view name) const;
};

}  // namespace stemnet::http
