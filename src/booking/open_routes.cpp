// /api/v1/open-requests: a school's wish for any provider, and the answers.
#include "accounts/routes.hpp"
#include "booking/bodies.hpp"
#include "booking/errors.hpp"
#include "booking/routes.hpp"
#include "http/json.hpp"

#include <boost/json.hpp>

namespace stemnet::booking {
namespace json = boost::json;
using http::PathParams;
using http::Request;
using http::Response;

namespace {

json::value open_json(const OpenRequest& r) {
  json::array answers;
  for (const auto& a : r.answers) {
    json::value offer = nullptr, organisation = nullptr, slot = nullptr;
    if (a.offer_id) {
      json::value provider = nullptr;
      if (a.offer_provider_id) {
        provider = json::object{{"id", *a.offer_provider_id},
                                {"name", http::or_null(a.offer_provider_name)}};
      }
      offer = json::object{
          {"id", *a.offer_id}, {"title", http::or_null(a.offer_title)}, {"provider", provider}};
    }
    if (a.slot_id) {
      slot = json::object{{"id", *a.slot_id},
                          {"starts_at", http::or_null(a.slot_starts_at)},
                          {"ends_at", http::or_null(a.slot_ends_at)}};
    }
    if (a.organisation_id) {
      organisation =
          json::object{{"id", *a.organisation_id}, {"name", http::or_null(a.organisation_name)}};
    }
    answers.push_back({{"id", a.id},
                       {"body", a.body},
                       {"offer", offer},
                       {"slot_id", http::or_null(a.slot_id)},
                       {"slot", slot},
                       {"author", {{"id", a.author_id}, {"name", a.author_name}}},
                       {"organisation", organisation},
                       {"created_at", a.created_at}});
  }
  json::value county = nullptr;
  if (r.county_number) {
    county = json::object{{"number", *r.county_number}, {"name", http::or_null(r.county_name)}};
  }
  auto strings = [](const std::vector<std::string>& v) { return json::array(v.begin(), v.end()); };
  return json::object{
      {"id", r.id},
      {"school",
       {{"orgnr", r.school_orgnr},
        {"name", r.school_name},
        {"municipality", {{"number", r.municipality_number}, {"name", r.municipality_name}}},
        {"county", county}}},
      {"grade", r.grade},
      {"pupils", r.pupils},
      {"subjects", strings(r.subjects)},
      {"formats", strings(r.formats)},
      {"digital_ok", r.digital_ok},
      {"weeks", strings(r.weeks)},
      {"note", r.note},
      {"state", r.state},
      {"request_id", http::or_null(r.request_id)},
      {"answers", answers},
      {"allowed", strings(r.allowed)},
      {"created_at", r.created_at},
      {"updated_at", r.updated_at}};
}

Response answer(const OpenRequest& r, int status = 200) {
  Response res = http::json(status, open_json(r));
  res.set_header("Cache-Control", "private, no-cache");
  return res;
}

}  // namespace

void add_open_request_routes(http::Router& router, OpenRequests& open,
                             accounts::Service& accounts) {
  router.post("/api/v1/open-requests",
              [&open, &accounts](const Request& req, const PathParams&) -> Result<Response> {
                STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                STEMNET_TRY(auto in, http::body<NewOpenRequest>(req));
                STEMNET_TRY(auto made, open.create(actor, in));
                Response res = answer(made, 201);
                res.set_header("Location", "/api/v1/open-requests/" + made.id);
                return res;
              });

  router.get("/api/v1/open-requests",
             [&open, &accounts](const Request& req, const PathParams&) -> Result<Response> {
               STEMNET_TRY(auto actor, accounts::actor_of(req, accounts));
               STEMNET_TRY(
                   auto page,
                   http::page_request(req, {"state", "county", "municipality", "subject", "grade"},
                                      OpenRequests::kKeyParts));
               OpenFilter f;
               f.state = http::query_string(req, "state");
               f.county = http::query_string(req, "county");
               f.municipality = http::query_string(req, "municipality");
               f.subject = http::query_string(req, "subject");
               if (auto g = http::query_string(req, "grade")) {
                 if (g->empty() || g->size() > 2 ||
                     g->find_first_not_of("0123456789") != std::string::npos)
                   return errors::grade_query_out_of_range();
                 f.grade = std::stoi(*g);
               }
               STEMNET_TRY(auto list, open.list(actor, f, page));
               Response res = http::json(200, http::page_json(list, open_json));
               res.set_header("Cache-Control", "private, no-cache");
               return res;
             });

  router.get("/api/v1/open-requests/{id}",
             [&open, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
               STEMNET_TRY(auto actor, accounts::actor_of(req, accounts));
               STEMNET_TRY(auto r, open.get(actor, std::string(p.get("id"))));
               return answer(r);
             });

  router.post("/api/v1/open-requests/{id}/answers",
              [&open, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
                STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                STEMNET_TRY(auto in, http::body<AnswerInput>(req));
                STEMNET_TRY(auto r, open.answer(actor, std::string(p.get("id")), in));
                return answer(r, 201);
              });

  router.post("/api/v1/open-requests/{id}/take",
              [&open, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
                STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                STEMNET_TRY(auto in, http::body<TakeBody>(req));
                if (in.answer_id.empty()) return errors::missing("answer_id");
                STEMNET_TRY(auto made, open.take(actor, std::string(p.get("id")), in.answer_id));
                Response res = http::json(201, request_json(made));
                res.set_header("Location", "/api/v1/requests/" + made.id);
                return res;
              });

  router.post("/api/v1/open-requests/{id}/withdraw",
              [&open, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
                STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                STEMNET_TRY(auto r, open.withdraw(actor, std::string(p.get("id"))));
                return answer(r);
              });
}

}  // namespace stemnet::booking
