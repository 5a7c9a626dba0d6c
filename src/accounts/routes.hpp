// accounts/routes.hpp — /api/v1/auth/* and /api/v1/me, and the helpers
// every feature's routes use to know who is asking.
//
// Sessions ride in an HttpOnly, SameSite=Lax cookie (Secure behind TLS); a
// second, readable cookie carries the CSRF token, which every state-changing
// request must send back in the X-CSRF-Token header.
// Example (in another feature's routes):
//   STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));  // 401, or 403
//                                                     // auth.csrf without the CSRF header
#pragma once

#include "accounts/service.hpp"
#include "http/router.hpp"
#include "notify/service.hpp"

#include <optional>

namespace stemnet::accounts {

inline constexpr const char* kSessionCookie = "stemnet_session";
inline constexpr const char* kCsrfCookie = "stemnet_csrf";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

// The signed-in actor; ErrorKind::unauthenticated (401) when there is none.
Result<Actor> actor_of(const http::Request& req, Service& service);
// The signed-in actor, or nullopt for a visitor (also when the session has
// ended): for routes that answer everyone and show members more.
std::optional<Actor> maybe_actor(const http::Request& req, Service& service);
// As actor_of, and the request carries the session's CSRF token
// (ErrorKind::forbidden, type "csrf", code auth.csrf, otherwise).
Result<Actor> actor_for_change(const http::Request& req, Service& service);

// Also GET/PATCH /api/v1/me/notifications: the person's choice of mail.
void add_routes(http::Router& router, Service& service, notify::Service& notifications);

}  // namespace stemnet::accounts
