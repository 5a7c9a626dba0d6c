#include "accounts/routes.hpp"

#include "accounts/bodies.hpp"
#include "accounts/errors.hpp"
#include "accounts/secrets.hpp"
#include "http/cookies.hpp"
#include "http/json.hpp"
#include "notify/errors.hpp"

#include <boost/json.hpp>

#include <map>

namespace stemnet::accounts {
namespace json = boost::json;
using http::PathParams;
using http::Request;
using http::Response;

Result<Actor> actor_of(const Request& req, Service& svc) {
  auto token = http::cookie(req, kSessionCookie);
  if (!token) return errors::sign_in_first();
  return svc.authenticate(*token);
}

std::optional<Actor> maybe_actor(const Request& req, Service& svc) {
  auto a = actor_of(req, svc);
  if (!a) return std::nullopt;
  return std::move(*a);
}

Result<Actor> actor_for_change(const Request& req, Service& svc) {
  STEMNET_TRY(Actor a, actor_of(req, svc));
  auto sent = req.header(kCsrfHeader);
  if (!sent || !same_secret(*sent, a.csrf_token)) return errors::csrf();
  return a;
}

namespace {

json::value actor_json(const Actor& a) {
  json::array roles;
  for (const auto& r : a.roles) roles.push_back({{"role", r.role}, {"scope", r.scope}});
  return json::object{{"id", a.person.id},     {"email", a.person.email},
                      {"name", a.person.name}, {"language", a.person.language},
                      {"roles", roles},        {"csrf_token", a.csrf_token}};
}

// The answer to a successful sign-in: who, and the two cookies.
Response signed_in(const Request& req, const SignedIn& s, int status) {
  Response res = http::json(status, actor_json(s.actor));
  const bool tls = http::over_tls(req);
  res.headers.push_back({"Set-Cookie", http::set_cookie(kSessionCookie, s.session_token,
                                                        {.http_only = true,
                                                         .secure = tls,
                                                         .same_site = "Lax",
                                                         .max_age = Service::kSessionSeconds})});
  res.headers.push_back({"Set-Cookie", http::set_cookie(kCsrfCookie, s.actor.csrf_token,
                                                        {.http_only = false,
                                                         .secure = tls,
                                                         .same_site = "Strict",
                                                         .max_age = Service::kSessionSeconds})});
  res.set_header("Cache-Control", "no-store");
  return res;
}

Response cleared(const Request& req) {
  Response res;
  res.status = 204;
  const bool tls = http::over_tls(req);
  res.headers.push_back(
      {"Set-Cookie",
       http::set_cookie(kSessionCookie, "", {.http_only = true, .secure = tls, .max_age = 0})});
  res.headers.push_back(
      {"Set-Cookie",
       http::set_cookie(kCsrfCookie, "", {.http_only = false, .secure = tls, .max_age = 0})});
  return res;
}

}  // namespace

// Routes that hash a password (argon2id, 64 MiB): run off the network threads.
constexpr http::RouteOptions kHashes{.blocking = true};

void add_routes(http::Router& router, Service& svc, notify::Service& notifications) {
  router.post(
      "/api/v1/auth/signup",
      [&svc](const Request& req, const PathParams&) -> Result<Response> {
        STEMNET_TRY(auto in, http::body<SignupInput>(req));
        STEMNET_TRY(auto out, svc.signup(in, req.remote_address));
        return signed_in(req, out, 201);
      },
      kHashes);

  router.post(
      "/api/v1/auth/login",
      [&svc](const Request& req, const PathParams&) -> Result<Response> {
        STEMNET_TRY(auto in, http::body<LoginBody>(req));
        STEMNET_TRY(auto out, svc.login(in.email, in.password, req.remote_address));
        return signed_in(req, out, 200);
      },
      kHashes);

  router.post("/api/v1/auth/logout",
              [&svc](const Request& req, const PathParams&) -> Result<Response> {
                STEMNET_TRY_VOID(actor_for_change(req, svc));
                STEMNET_TRY_VOID(svc.logout(*http::cookie(req, kSessionCookie)));
                return cleared(req);
              });

  router.post(
      "/api/v1/auth/reset", [&svc](const Request& req, const PathParams&) -> Result<Response> {
        STEMNET_TRY(auto in, http::body<ResetBody>(req));
        STEMNET_TRY_VOID(svc.request_reset(in.email, req.remote_address));
        return http::json(
            202,
            json::object{{"status", "if the address has an account, a reset code is on its way"}});
      });

  router.post(
      "/api/v1/auth/reset/confirm",
      [&svc](const Request& req, const PathParams&) -> Result<Response> {
        STEMNET_TRY(auto in, http::body<ResetConfirmBody>(req));
        STEMNET_TRY(auto out, svc.reset(in.token, in.password));
        return signed_in(req, out, 200);
      },
      kHashes);

  router.get("/api/v1/me", [&svc](const Request& req, const PathParams&) -> Result<Response> {
    STEMNET_TRY(auto actor, actor_of(req, svc));
    Response res = http::json(200, actor_json(actor));
    res.set_header("Cache-Control", "no-store");
    return res;
  });

  // Which notifications the signed-in person gets by e-mail.
  auto preferences_json = [](const std::vector<notify::Preference>& prefs) {
    boost::json::array items;
    for (const auto& p : prefs) {
      items.push_back(
          boost::json::object{{"kind", p.kind}, {"enabled", p.enabled}, {"optional", p.optional}});
    }
    Response res = http::json(200, boost::json::object{{"items", std::move(items)}});
    res.set_header("Cache-Control", "no-store");
    return res;
  };
  router.get("/api/v1/me/notifications",
             [&svc, &notifications, preferences_json](const Request& req,
                                                      const PathParams&) -> Result<Response> {
               STEMNET_TRY(auto actor, actor_of(req, svc));
               STEMNET_TRY(auto prefs, notifications.preferences(actor.person.id));
               return preferences_json(prefs);
             });
  router.patch("/api/v1/me/notifications",
               [&svc, &notifications, preferences_json](const Request& req,
                                                        const PathParams&) -> Result<Response> {
                 STEMNET_TRY(auto actor, actor_for_change(req, svc));
                 STEMNET_TRY(auto body, http::json_body(req));
                 std::map<std::string, bool> choices;
                 for (const auto& [key, value] : body) {
                   if (!value.is_bool()) return notify::errors::not_a_choice(key);
                   choices[std::string(key)] = value.as_bool();
                 }
                 STEMNET_TRY(auto prefs, notifications.set_preferences(actor.person.id, choices));
                 return preferences_json(prefs);
               });
}

}  // namespace stemnet::accounts
