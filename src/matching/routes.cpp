#include "matching/routes.hpp"

#include "accounts/routes.hpp"
#include "core/clock.hpp"
#include "http/json.hpp"
#include "matching/bodies.hpp"
#include "matching/errors.hpp"
#include "matching/gaps.hpp"

#include <boost/json.hpp>

#include <ctime>

namespace stemnet::matching {
namespace json = boost::json;
using http::PathParams;
using HttpRequest = http::Request;
using http::Response;

namespace {

json::value item_json(const RoundItem& i) {
  json::object o{
      {"open_request", i.open_request_id},
      {"school",
       {{"orgnr", i.school_orgnr},
        {"name", i.school_name},
        {"municipality", {{"number", i.municipality_number}, {"name", i.municipality_name}}}}},
      {"grade", i.grade},
      {"pupils", i.pupils},
      {"equity", i.equity}};
  if (i.slot_id) {
    o["slot"] = {{"id", *i.slot_id}, {"starts_at", http::or_null(i.starts_at)}};
    o["offer"] = {{"id", http::or_null(i.offer_id)}, {"title", http::or_null(i.offer_title)}};
    o["provider"] = {{"id", http::or_null(i.provider_id)},
                     {"name", http::or_null(i.provider_name)}};
    o["distance_m"] = i.distance_m;
    o["fit"] = {{"subject", i.fit.subject},
                {"week", i.fit.week},
                {"grade", i.fit.grade},
                {"total", i.fit.total()}};
    o["request_id"] = http::or_null(i.request_id);
  }
  if (i.reason) o["reason"] = *i.reason;
  return o;
}

json::value round_json(const Round& r) {
  json::array assignments, unserved;
  for (const auto& i : r.assignments) assignments.push_back(item_json(i));
  for (const auto& i : r.unserved) unserved.push_back(item_json(i));
  boost::system::error_code ec;
  // null until the round is solved.
  json::value summary = json::parse(r.summary_json, ec);
  if (ec || (summary.is_object() && summary.as_object().empty())) summary = nullptr;
  return json::object{{"id", r.id},
                      {"region", r.region},
                      {"period", {{"from", r.from}, {"to", r.to}}},
                      {"state", r.state},
                      {"created_by", r.created_by},
                      {"created_at", r.created_at},
                      {"solved_at", http::or_null(r.solved_at)},
                      {"accepted_at", http::or_null(r.accepted_at)},
                      {"summary", summary},
                      {"assignments", assignments},
                      {"unserved", unserved}};
}

Response answer(const Round& r, int status = 200) {
  Response res = http::json(status, round_json(r));
  res.set_header("Cache-Control", "private, no-cache");
  return res;
}

json::value gap_json(const Gap& g) {
  return json::object{
      {"level", g.level},
      {"code", g.code},
      {"name", g.name},
      {"schools", g.schools},
      {"schools_engaged", g.schools_engaged},
      {"bookings", g.bookings},
      {"pupils", http::or_null(g.pupils)},
      {"bookings_per_1000_pupils", http::or_null(g.bookings_per_1000_pupils)},
      {"pupils_reached", g.pupils_reached},
      {"pupils_reached_per_1000_pupils", http::or_null(g.pupils_reached_per_1000_pupils)},
      {"offers_in_reach", g.offers_in_reach},
      {"digital_offers", g.digital_offers},
      {"open_requests_unanswered", g.open_requests_unanswered},
      {"cold_spot", g.cold_spot}};
}

}  // namespace

void add_routes(http::Router& router, Rounds& rounds, db::Pool& pool, accounts::Service& accounts,
                PupilSource pupils) {
  router.post("/api/v1/rounds",
              [&rounds, &accounts](const HttpRequest& req, const PathParams&) -> Result<Response> {
                STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                STEMNET_TRY(auto in, http::body<RoundInput>(req));
                STEMNET_TRY(auto made, rounds.create(actor, in));
                Response res = answer(made, 201);
                res.set_header("Location", "/api/v1/rounds/" + made.id);
                return res;
              });
  router.get("/api/v1/rounds",
             [&rounds, &accounts](const HttpRequest& req, const PathParams&) -> Result<Response> {
               STEMNET_TRY(auto actor, accounts::actor_of(req, accounts));
               STEMNET_TRY(auto list, rounds.list(actor));
               json::array items;
               for (const auto& r : list) items.push_back(round_json(r));
               const auto total = static_cast<std::int64_t>(items.size());
               Response res = http::json(200, json::object{{"items", std::move(items)},
                                                           {"total", total},
                                                           {"next_cursor", nullptr}});
               res.set_header("Cache-Control", "private, no-cache");
               return res;
             });
  router.get("/api/v1/rounds/{id}",
             [&rounds, &accounts](const HttpRequest& req, const PathParams& p) -> Result<Response> {
               STEMNET_TRY(auto actor, accounts::actor_of(req, accounts));
               STEMNET_TRY(auto round, rounds.get(actor, std::string(p.get("id"))));
               return answer(round);
             });
  router.post(
      "/api/v1/rounds/{id}/solve",
      [&rounds, &accounts](const HttpRequest& req, const PathParams& p) -> Result<Response> {
        STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
        STEMNET_TRY(auto round, rounds.solve(actor, std::string(p.get("id"))));
        return answer(round);
      });
  router.post(
      "/api/v1/rounds/{id}/accept",
      [&rounds, &accounts](const HttpRequest& req, const PathParams& p) -> Result<Response> {
        STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
        STEMNET_TRY(auto round, rounds.accept(actor, std::string(p.get("id"))));
        return answer(round);
      });

  // GET /api/v1/gaps?level=municipality|county&period=YYYY: public, like the monitor.
  router.get("/api/v1/gaps",
             [&pool, pupils = std::move(pupils)](const HttpRequest& req,
                                                 const PathParams&) -> Result<Response> {
               STEMNET_TRY_VOID(http::check_query(req, {"level", "period"}));
               const std::string level = http::query_string(req, "level").value_or("municipality");
               int year = 0;
               if (auto p = http::query_string(req, "period")) {
                 if (p->size() != 4 || p->find_first_not_of("0123456789") != std::string::npos)
                   return errors::period_invalid();
                 year = std::stoi(*p);
               } else {
                 year = std::stoi(format_local(std::time(nullptr), "%Y"));
               }
               STEMNET_TRY(auto counts, pupils());
               STEMNET_TRY(auto list, gaps(pool, level, year, counts));
               json::array items;
               for (const auto& g : list) items.push_back(gap_json(g));
               const auto total = static_cast<std::int64_t>(items.size());
               json::value pupils_period = nullptr;
               if (!counts.period.empty()) pupils_period = counts.period;
               return http::json(200, json::object{{"period", std::to_string(year)},
                                                   {"pupils_period", std::move(pupils_period)},
                                                   {"items", std::move(items)},
                                                   {"total", total},
                                                   {"next_cursor", nullptr}});
             });
}

}  // namespace stemnet::matching
