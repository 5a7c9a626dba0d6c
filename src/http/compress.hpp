// http/compress.hpp — gzip for answers that are worth it.
//
// Bodies are compressed once and kept (static files at start-up, cached
// routes when cached), never per request.
// Example:
//   if (accepts_gzip(req)) if (auto z = gzip(body)) { res.body = *z; ... }
#pragma once

#include "http/message.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace stemnet::http {

// Smaller bodies are sent as they are: gzip would not win a packet.
inline constexpr std::size_t kGzipMinBytes = 1024;

// True when the request's Accept-Encoding allows gzip: "gzip" named with
// q > 0, or, when gzip is not named, "*" with q > 0 ("*;q=0, gzip" is gzip;
// "gzip;q=0, *" is not).
bool accepts_gzip(const Request& req);

// The body gzip-compressed (RFC 1952), or nullopt when it is too small or
// compression would not make it smaller.
std::optional<std::string> gzip(std::string_view body);

// Turns `res` into its gzip form when the request allows it and it pays
// off: sets Content-Encoding and Vary, and marks a strong ETag as the gzip
// form ("abc" -> "abc-gz").
void compress_answer(const Request& req, Response& res);

// Whether a content type is text-like enough to compress (JSON, JS, CSS,
// HTML, SVG, CSV, ...); images and fonts are compressed already.
bool compressible(std::string_view content_type);

}  // namespace stemnet::http
