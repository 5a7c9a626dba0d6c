// http/problem.hpp — the one place where an Error becomes an HTTP answer.
//
// Every error the server sends is application/problem+json (RFC 9457):
//   {"type": "https://stemnet.no/problems/invalid-parameter", "title": "...",
//    "status": 400, "detail": "...", "param": "limit"}
// Example:
//   if (!limit) return problem(limit.error());
#pragma once

#include "core/result.hpp"
#include "http/message.hpp"

#include <string_view>

namespace stemnet::http {

// The HTTP status an error kind maps to.
int status_of(ErrorKind kind);

// A problem+json response for the error; `status` overrides the mapped status
// (used for 405, which has no error kind of its own).
Response problem(const Error& error, int status = 0);

// The code of a problem whose error has none: one per kind ("request.not_found",
// "auth.forbidden", "server.internal"), so every problem has a stable code.
std::string_view fallback_code(ErrorKind kind);

// The `type` URI prefix of every problem document.
inline constexpr std::string_view kProblemTypeBase = "https://stemnet.no/problems/";

}  // namespace stemnet::http
