// http/errors.hpp — the server's own problems, met before any route runs or
// by any route: named factories with stable codes ("request.*", "server.*"),
// listed in api/openapi.yaml and given texts by the front-end.
//
// Example:
//   if (ec == bhttp::error::body_limit) return problem(errors::body_too_large(opt.body_limit));
//   // 413, type "payload-too-large", code request.body_too_large {max}
#pragma once

#include "core/result.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace stemnet::http::errors {

// 413 request.body_too_large {max}: the body is over `max_bytes`.
Error body_too_large(std::size_t max_bytes);
// 431 (the caller sets the status) request.headers_too_large.
Error headers_too_large();
// 400 request.malformed: not HTTP/1.1 the server can read (`detail` says how).
Error malformed(std::string detail);
// 404 request.not_found: no route has this path.
Error no_route(std::string_view path);
// 405 (the caller sets the status) request.method_not_allowed {allowed}.
Error method_not_allowed(std::string_view method, std::string_view path,
                         const std::string& allowed);
// 415 request.unsupported_media_type (param Content-Type): the body is not
// declared application/json.
Error not_json_media_type();
// 400 request.not_json_object (param "body"): the body is no JSON object.
Error not_json_object();
// 503 server.busy {retry_after}: over a limit of the server's; try again.
Error busy(std::string detail, long retry_after);
// 503 server.not_ready: a dependency (the database) does not answer.
Error not_ready(std::string detail);

}  // namespace stemnet::http::errors
