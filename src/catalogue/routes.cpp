#include "catalogue/routes.hpp"

#include "accounts/routes.hpp"
#include "catalogue/bodies.hpp"
#include "catalogue/errors.hpp"
#include "http/json.hpp"
#include "media/file_routes.hpp"
#include "media/routes.hpp"

#include <boost/json.hpp>

#include <charconv>

namespace stemnet::catalogue {
namespace json = boost::json;
using http::PathParams;
using http::Request;
using http::Response;

namespace {

json::array strings(const std::vector<std::string>& v) { return json::array(v.begin(), v.end()); }

json::value offer_json(const Offer& o) {
  json::array files;
  for (const auto& f : o.files) files.push_back(media::file_json("/api/v1/offers/" + o.id, f));
  return json::object{
      {"id", o.id},
      {"organisation", {{"id", o.organisation_id}, {"name", o.organisation_name}}},
      {"title", o.title},
      {"description", o.description},
      {"format", o.format},
      {"subjects", strings(o.subjects)},
      {"grades", {{"min", o.grade_min}, {"max", o.grade_max}}},
      {"languages", strings(o.languages)},
      {"capacity", o.capacity},
      {"digital", o.digital},
      {"municipality", http::or_null(o.municipality_number)},
      {"address", o.address},
      {"travel_radius_km", o.travel_radius_km},
      {"duration_minutes", o.duration_minutes},
      {"cost_nok", o.cost_nok},
      {"preparation", o.preparation},
      {"on_request", o.on_request},
      {"kit", {{"before", o.kit.before}, {"during", o.kit.during}, {"after", o.kit.after}}},
      {"materials", strings(o.materials)},
      {"preparation_minutes", o.preparation_minutes},
      {"curriculum", strings(o.curriculum)},
      {"files", std::move(files)},
      {"distance_km", http::or_null(o.distance_km)},
      {"next_free", http::or_null(o.next_free)},
      {"status", o.status},
      {"created_at", o.created_at},
      {"updated_at", o.updated_at}};
}

json::value slot_json(const Slot& s) {
  return json::object{{"id", s.id},           {"starts_at", s.starts_at},
                      {"ends_at", s.ends_at}, {"capacity", s.capacity},
                      {"booked", s.booked},   {"free", s.capacity - s.booked}};
}

// A number the patch names; null keeps the value, as a number left out does.
void apply_number(const http::Patch<int>& p, int& target) {
  if (p.value()) target = *p.value();
}

// The offer `o` with the members the body names set (a merge patch: a member
// left out keeps its value, so PATCH changes only what it names; null clears
// a text or a list).
Offer offer_from(const OfferBody& b, Offer o) {
  b.title.apply(o.title);
  b.description.apply(o.description);
  b.format.apply(o.format);
  b.subjects.apply(o.subjects);
  b.languages.apply(o.languages);
  if (o.languages.empty()) o.languages = {"nb"};
  if (b.grades) {
    apply_number(b.grades->min, o.grade_min);
    apply_number(b.grades->max, o.grade_max);
  }
  apply_number(b.capacity, o.capacity);
  b.digital.apply(o.digital);
  if (b.municipality.present()) {
    const std::string m = b.municipality.value().value_or("");
    o.municipality_number = m.empty() ? std::nullopt : std::optional<std::string>(m);
  }
  b.address.apply(o.address);
  apply_number(b.travel_radius_km, o.travel_radius_km);
  apply_number(b.duration_minutes, o.duration_minutes);
  apply_number(b.cost_nok, o.cost_nok);
  apply_number(b.preparation_minutes, o.preparation_minutes);
  b.materials.apply(o.materials);
  b.curriculum.apply(o.curriculum);
  b.preparation.apply(o.preparation);
  b.on_request.apply(o.on_request);
  if (b.kit) {
    b.kit->before.apply(o.kit.before);
    b.kit->during.apply(o.kit.during);
    b.kit->after.apply(o.kit.after);
  }
  return o;
}

// ?grade=: a whole number (1 to 13, which search() checks).
Result<int> grade_param(const Request& req) {
  auto v = req.query_param("grade");
  int n = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || p != v->data() + v->size()) return errors::grade_query_out_of_range();
  return n;
}

}  // namespace

void add_routes(http::Router& router, Service& svc, accounts::Service& accounts) {
  router.get("/api/v1/offers",
             [&svc, &accounts](const Request& req, const PathParams&) -> Result<Response> {
               STEMNET_TRY(auto page, http::page_request(req,
                                                         {"q", "municipality", "near", "format",
                                                          "subject", "grade", "from", "to",
                                                          "digital", "organisation", "county"},
                                                         3));
               SearchQuery q;
               q.q = http::query_string(req, "q");
               q.municipality = http::query_string(req, "municipality");
               q.near = http::query_string(req, "near");
               q.format = http::query_string(req, "format");
               q.subject = http::query_string(req, "subject");
               q.from = http::query_string(req, "from");
               q.to = http::query_string(req, "to");
               q.county = http::query_string(req, "county");
               q.organisation = http::query_string(req, "organisation");
               if (q.organisation) {
                 // Its own members (and admins) also see its drafts and archived offers.
                 auto actor = accounts::maybe_actor(req, accounts);
                 q.include_unpublished =
                     actor && (actor->is_admin() || actor->has("provider_member", *q.organisation));
               }
               if (req.query_param("grade")) {
                 STEMNET_TRY(q.grade, grade_param(req));
               }
               if (auto d = http::query_string(req, "digital")) {
                 if (*d != "true" && *d != "false") return errors::digital_query_invalid(*d);
                 q.digital = *d == "true";
               }
               q.limit = page.limit;
               if (!page.after.empty()) {
                 // (sort key, title, id): the key a number (a score or a distance).
                 const std::string& key = page.after[0];
                 double number = 0;
                 auto [p, ec] = std::from_chars(key.data(), key.data() + key.size(), number);
                 if (ec != std::errc() || p != key.data() + key.size())
                   return errors::cursor_invalid();
                 q.after = page.after;
               }
               STEMNET_TRY(auto out, svc.search(q));
               Response res = http::json(200, http::page_json(out, offer_json));
               // With drafts the answer is the member's own: never for a shared cache.
               if (q.include_unpublished) res.set_header("Cache-Control", "private, no-cache");
               return res;
             });

  router.post("/api/v1/offers",
              [&svc, &accounts](const Request& req, const PathParams&) -> Result<Response> {
                STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                STEMNET_TRY(auto body, http::body<OfferBody>(req));
                const std::string org = body.organisation_id.value().value_or("");
                STEMNET_TRY(auto out, svc.create(actor, org, offer_from(body, Offer{})));
                Response res = http::json(201, offer_json(out));
                res.set_header("Location", "/api/v1/offers/" + out.id);
                return res;
              });

  router.get("/api/v1/offers/{id}",
             [&svc, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
               auto actor = accounts::maybe_actor(req, accounts);
               STEMNET_TRY(auto out, svc.get(actor ? &*actor : nullptr, std::string(p.get("id"))));
               return http::json(200, offer_json(out));
             });

  router.patch("/api/v1/offers/{id}",
               [&svc, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
                 STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                 STEMNET_TRY(auto body, http::body<OfferBody>(req));
                 const std::string id(p.get("id"));
                 STEMNET_TRY(auto current, svc.get(&actor, id));
                 STEMNET_TRY(auto out, svc.update(actor, id, offer_from(body, std::move(current))));
                 return http::json(200, offer_json(out));
               });

  for (auto [path, status] : {std::pair{"/api/v1/offers/{id}/publish", "published"},
                              std::pair{"/api/v1/offers/{id}/archive", "archived"}}) {
    router.post(path,
                [&svc, &accounts, status = std::string(status)](
                    const Request& req, const PathParams& p) -> Result<Response> {
                  STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                  STEMNET_TRY(auto out, svc.set_status(actor, std::string(p.get("id")), status));
                  return http::json(200, offer_json(out));
                });
  }

  router.post("/api/v1/offers/{id}/copy",
              [&svc, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
                STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                STEMNET_TRY(auto out, svc.copy(actor, std::string(p.get("id"))));
                Response res = http::json(201, offer_json(out));
                res.set_header("Location", "/api/v1/offers/" + out.id);
                return res;
              });

  // A kit's material (PDF) and an offer's pictures; a published offer's are
  // the same for everyone, a draft's its provider's.
  media::add_file_routes(router, accounts, svc, "/api/v1/offers", "material");

  router.get("/api/v1/offers/{id}/slots",
             [&svc, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
               auto actor = accounts::maybe_actor(req, accounts);
               STEMNET_TRY(auto out,
                           svc.slots(actor ? &*actor : nullptr, std::string(p.get("id"))));
               json::array items;
               for (const auto& s : out) items.push_back(slot_json(s));
               return http::json(200, json::object{{"items", items},
                                                   {"total", static_cast<std::int64_t>(out.size())},
                                                   {"next_cursor", nullptr}});
             });

  router.post("/api/v1/offers/{id}/slots",
              [&svc, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
                STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                STEMNET_TRY(auto body, http::body<SlotBody>(req));
                Slot s;
                s.starts_at = body.starts_at;
                s.ends_at = body.ends_at;
                s.capacity = body.capacity;
                STEMNET_TRY(auto out, svc.add_slot(actor, std::string(p.get("id")), s));
                return http::json(201, slot_json(out));
              });
}

}  // namespace stemnet::catalogue
