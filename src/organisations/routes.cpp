#include "organisations/routes.hpp"

#include "accounts/routes.hpp"
#include "http/json.hpp"
#include "media/file_routes.hpp"
#include "media/routes.hpp"
#include "organisations/bodies.hpp"
#include "organisations/errors.hpp"

#include <boost/json.hpp>

namespace stemnet::organisations {
namespace json = boost::json;
using http::PathParams;
using http::Request;
using http::Response;

namespace {

json::value org_json(const Organisation& o) {
  const std::string base = "/api/v1/organisations/" + o.id;
  json::value logo = nullptr;
  json::array pictures;
  for (const auto& f : o.files) {
    if (f.role == "logo") logo = media::file_json(base, f);
    if (f.role == "picture") pictures.push_back(media::file_json(base, f));
  }
  return json::object{{"id", o.id},
                      {"kind", o.kind},
                      {"name", o.name},
                      {"orgnr", http::or_null(o.orgnr)},
                      {"municipality", http::or_null(o.municipality_number)},
                      {"county", http::or_null(o.county_number)},
                      {"sector", http::or_null(o.sector)},
                      {"profile", o.profile},
                      {"recruits_for", json::array(o.recruits_for.begin(), o.recruits_for.end())},
                      {"contact", json::object{{"name", http::or_null(o.contact.name)},
                                               {"title", http::or_null(o.contact.title)},
                                               {"email", http::or_null(o.contact.email)},
                                               {"phone", http::or_null(o.contact.phone)}}},
                      {"website", http::or_null(o.website)},
                      {"field", http::or_null(o.field)},
                      {"affiliation", http::or_null(o.affiliation)},
                      {"logo", std::move(logo)},
                      {"pictures", std::move(pictures)},
                      {"status", o.status},
                      {"created_at", o.created_at}};
}

// A text the provider may leave out: null and "" both clear it.
void apply_text(const http::Patch<std::string>& p, std::optional<std::string>& target) {
  if (!p.present()) return;
  target = p.value() && !p.value()->empty() ? p.value() : std::nullopt;
}
void apply_text(const http::Patch<std::string>& p, std::string& target) {
  if (p.present()) target = p.value().value_or("");
}

// `in` with the members the body names set: a member left out keeps its
// value, so PATCH changes only what it names.
ProviderInput provider_input(const ProviderBody& b, ProviderInput in = {}) {
  apply_text(b.kind, in.kind);
  apply_text(b.name, in.name);
  apply_text(b.orgnr, in.orgnr);
  apply_text(b.municipality, in.municipality);
  apply_text(b.sector, in.sector);
  apply_text(b.profile, in.profile);
  apply_text(b.website, in.website);
  apply_text(b.field, in.field);
  apply_text(b.affiliation, in.affiliation);
  b.recruits_for.apply(in.recruits_for);
  if (b.contact.present()) {
    // null clears the contact; an object sets the members it names.
    if (!b.contact.value()) {
      in.contact = {};
    } else {
      const ContactBody& c = *b.contact.value();
      apply_text(c.name, in.contact.name);
      apply_text(c.title, in.contact.title);
      apply_text(c.email, in.contact.email);
      apply_text(c.phone, in.contact.phone);
    }
  }
  return in;
}

// The signed-in actor if there is a valid session; nobody otherwise.
Result<Response> decide(const Request& req, const PathParams& p, Service& svc,
                        accounts::Service& accounts, bool approve) {
  STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
  std::string reason;
  if (!req.body.empty()) {
    STEMNET_TRY(auto body, http::body<DecisionBody>(req));
    reason = body.reason.value_or("");
  }
  STEMNET_TRY(auto out, svc.decide(actor, std::string(p.get("id")), approve, reason));
  return http::json(200, org_json(out));
}

}  // namespace

void add_routes(http::Router& router, Service& svc, accounts::Service& accounts) {
  router.post("/api/v1/organisations",
              [&svc, &accounts](const Request& req, const PathParams&) -> Result<Response> {
                STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                STEMNET_TRY(auto body, http::body<ProviderBody>(req));
                STEMNET_TRY(auto out, svc.register_provider(actor, provider_input(body)));
                Response res = http::json(201, org_json(out));
                res.set_header("Location", "/api/v1/organisations/" + out.id);
                return res;
              });

  router.get("/api/v1/organisations",
             [&svc, &accounts](const Request& req, const PathParams&) -> Result<Response> {
               STEMNET_TRY_VOID(http::check_query(req, {"kind", "status", "county"}));
               auto actor = accounts::maybe_actor(req, accounts);
               STEMNET_TRY(auto list, svc.list(actor ? &*actor : nullptr,
                                               {http::query_string(req, "kind"),
                                                http::query_string(req, "status"),
                                                http::query_string(req, "county")}));
               json::array items;
               for (const auto& o : list) items.push_back(org_json(o));
               Response res =
                   http::json(200, json::object{{"items", items},
                                                {"total", static_cast<std::int64_t>(list.size())},
                                                {"next_cursor", nullptr}});
               res.set_header("Cache-Control", "private, no-cache");
               return res;
             });

  router.get("/api/v1/organisations/{id}",
             [&svc, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
               auto actor = accounts::maybe_actor(req, accounts);
               STEMNET_TRY(auto out, svc.get(actor ? &*actor : nullptr, std::string(p.get("id"))));
               return http::json(200, org_json(out));
             });

  router.patch(
      "/api/v1/organisations/{id}",
      [&svc, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
        STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
        STEMNET_TRY(auto body, http::body<ProviderBody>(req));
        const std::string id(p.get("id"));
        STEMNET_TRY(auto current, svc.get(&actor, id));
        ProviderInput now{
            current.kind,    current.name,    current.orgnr,        current.municipality_number,
            current.sector,  current.profile, current.recruits_for, current.contact,
            current.website, current.field,   current.affiliation};
        STEMNET_TRY(auto out, svc.update_profile(actor, id, provider_input(body, std::move(now))));
        return http::json(200, org_json(out));
      });

  // A logo or pictures; an approved provider's are public, a pending one's
  // its own.
  media::add_file_routes(router, accounts, svc, "/api/v1/organisations", "picture");

  router.post("/api/v1/organisations/{id}/approve",
              [&svc, &accounts](const Request& req, const PathParams& p) {
                return decide(req, p, svc, accounts, true);
              });
  router.post("/api/v1/organisations/{id}/reject",
              [&svc, &accounts](const Request& req, const PathParams& p) {
                return decide(req, p, svc, accounts, false);
              });
}

}  // namespace stemnet::organisations
