// http/security_headers.hpp — the headers that every answer carries, API and
// front-end alike: a Content-Security-Policy without inline script, no framing,
// a Referrer-Policy, a Permissions-Policy that denies the powerful features,
// nosniff, and HSTS when the public address is https.
//
// The server appends them in one place (ServerOptions::default_headers), so
// JSON, problem answers, static files, 404s and the server's own parse-error
// answers all get them; a header a route sets itself (e.g. the unsubscribe
// page's stricter Referrer-Policy) wins over the default.
//
// Example:
//   ServerOptions opt;
//   opt.default_headers = security_headers(public_url.starts_with("https://"));
#pragma once

#include "http/message.hpp"

#include <string_view>
#include <vector>

namespace stemnet::http {

// The policy the front-end needs and nothing more: scripts, styles, fonts and
// fetches from our own origin only (no inline script or style: Vite's build
// has none, and Chart.tsx drops Plot's <style>); the design system's CSS has
// data: SVG icons; MapLibre may start its worker from a blob: URL.
inline constexpr std::string_view content_security_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

// The security headers; Strict-Transport-Security only when `tls` (the
// server is reached over https, e.g. behind a TLS-terminating proxy).
std::vector<Header> security_headers(bool tls);

// True when a public URL says the server is reached over TLS.
bool served_over_tls(std::string_view public_url);

}  // namespace stemnet::http
