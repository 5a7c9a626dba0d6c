// notify/routes.hpp — the one-click unsubscribe link of every mail.
//
//   GET  /api/v1/unsubscribe/{token}  a small page in the mail's language
//                                     with one button (a GET never changes
//                                     anything: mail scanners follow links)
//   POST /api/v1/unsubscribe/{token}  turns that kind of mail off (RFC 8058
//                                     one-click; no session or CSRF token:
//                                     the secret token is the proof)
// The settings themselves are at /api/v1/me/notifications (accounts routes).
#pragma once

#include "http/router.hpp"
#include "notify/service.hpp"

namespace stemnet::notify {

void add_routes(http::Router& router, Service& service);

// A kind's name for people, in a language (for settings and the page).
std::string kind_title(std::string_view kind, std::string_view language);

}  // namespace stemnet::notify
