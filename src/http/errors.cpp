#include "http/errors.hpp"

namespace stemnet::http::errors {

Error body_too_large(std::size_t max_bytes) {
  const auto max = static_cast<long long>(max_bytes);
  return Error{ErrorKind::too_large, "payload-too-large", "Payload too large",
               "the request body is over the server's limit of " + std::to_string(max) + " bytes"}
      .coded("request.body_too_large", {{"max", max}});
}

Error headers_too_large() {
  return Error{ErrorKind::too_large, "headers-too-large", "Request headers too large",
               "the request header is over the server's limit"}
      .coded("request.headers_too_large");
}

Error malformed(std::string detail) {
  return Error{ErrorKind::invalid_input, "bad-request", "Bad request", std::move(detail)}.coded(
      "request.malformed");
}

Error no_route(std::string_view path) {
  return Error::not_found("no resource at " + std::string(path)).coded("request.not_found");
}

Error method_not_allowed(std::string_view method, std::string_view path,
                         const std::string& allowed) {
  return Error{
      ErrorKind::invalid_input, "method-not-allowed", "Method not allowed",
      std::string(method) + " is not allowed on " + std::string(path) + "; allowed: " + allowed}
      .coded("request.method_not_allowed", {{"allowed", allowed}});
}

Error not_json_media_type() {
  Error e{ErrorKind::unsupported_media, "unsupported-media-type", "Unsupported media type",
          "send the body as application/json"};
  e.param = "Content-Type";
  return std::move(e).coded("request.unsupported_media_type");
}

Error not_json_object() {
  return Error::invalid("body", "the body is not a JSON object").coded("request.not_json_object");
}

Error busy(std::string detail, long retry_after) {
  Error e = Error::unavailable(std::move(detail));
  e.retry_after = retry_after;
  return std::move(e).coded("server.busy", {{"retry_after", static_cast<long long>(retry_after)}});
}

Error not_ready(std::string detail) {
  return Error::unavailable(std::move(detail)).coded("server.not_ready");
}

}  // namespace stemnet::http::errors
