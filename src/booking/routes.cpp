#include "booking/routes.hpp"

#include "accounts/routes.hpp"
#include "booking/bodies.hpp"
#include "booking/errors.hpp"
#include "http/json.hpp"
#include "text/json_write.hpp"

#include <boost/json.hpp>

namespace stemnet::booking {
namespace json = boost::json;
using http::PathParams;
using http::Request;
using http::Response;

json::value request_json(const BookingRequest& r) {
  json::array messages;
  for (const auto& m : r.messages) {
    messages.push_back({{"id", m.id},
                        {"author", {{"id", m.author_id}, {"name", m.author_name}}},
                        {"body", m.body},
                        {"created_at", m.created_at}});
  }
  json::value slot = nullptr;
  if (r.slot_id) {
    slot = json::object{{"id", *r.slot_id},
                        {"starts_at", http::or_null(r.slot_starts_at)},
                        {"ends_at", http::or_null(r.slot_ends_at)}};
  }
  return json::object{{"id", r.id},
                      {"offer",
                       {{"id", r.offer_id},
                        {"title", r.offer_title},
                        {"provider", r.provider_id},
                        {"provider_name", r.provider_name}}},
                      {"school", {{"orgnr", r.school_orgnr}, {"name", r.school_name}}},
                      {"grade", r.grade},
                      {"pupils", r.pupils},
                      {"wished", r.wished},
                      {"slot", slot},
                      {"proposed_time", http::or_null(r.proposed_time)},
                      {"state", r.state},
                      {"reason", r.reason},
                      {"allowed_moves", json::array(r.allowed.begin(), r.allowed.end())},
                      {"messages", messages},
                      {"created_at", r.created_at},
                      {"updated_at", r.updated_at}};
}

void add_routes(http::Router& router, Service& svc, accounts::Service& accounts) {
  router.post("/api/v1/requests",
              [&svc, &accounts](const Request& req, const PathParams&) -> Result<Response> {
                STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                STEMNET_TRY(auto in, http::body<NewRequest>(req));
                STEMNET_TRY(auto out, svc.create(actor, in));
                Response res = http::json(201, request_json(out));
                res.set_header("Location", "/api/v1/requests/" + out.id);
                return res;
              });

  router.get("/api/v1/requests",
             [&svc, &accounts](const Request& req, const PathParams&) -> Result<Response> {
               STEMNET_TRY(auto actor, accounts::actor_of(req, accounts));
               STEMNET_TRY(auto list, svc.list(actor));
               json::array items;
               for (const auto& r : list) items.push_back(request_json(r));
               Response res =
                   http::json(200, json::object{{"items", items},
                                                {"total", static_cast<std::int64_t>(list.size())},
                                                {"next_cursor", nullptr}});
               res.set_header("Cache-Control", "private, no-cache");
               return res;
             });

  router.get("/api/v1/requests/{id}",
             [&svc, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
               STEMNET_TRY(auto actor, accounts::actor_of(req, accounts));
               STEMNET_TRY(auto out, svc.get(actor, std::string(p.get("id"))));
               Response res = http::json(200, request_json(out));
               res.set_header("Cache-Control", "private, no-cache");
               return res;
             });

  // GET /api/v1/organisations/{id}/impact[?format=csv]: public; counts under 5 are withheld.
  router.get(
      "/api/v1/organisations/{id}/impact",
      [&svc](const Request& req, const PathParams& p) -> Result<Response> {
        STEMNET_TRY_VOID(http::check_query(req, {"format"}));
        const std::string format = http::query_string(req, "format").value_or("json");
        if (format != "json" && format != "csv") return errors::impact_format(format);
        STEMNET_TRY(auto impact, svc.impact(std::string(p.get("id"))));
        const auto& years = impact.years;
        auto opt = [](const std::optional<long>& v) {
          return v ? std::to_string(*v) : std::string();
        };
        if (format == "csv") {
          std::string out =
              "year,bookings,schools,municipalities,pupils,girls,boys,hours,average_feedback,"
              "feedbacks\r\n";
          for (const auto& y : years) {
            out += std::to_string(y.year) + "," + std::to_string(y.bookings) + "," +
                   opt(y.schools) + "," + opt(y.municipalities) + "," + opt(y.pupils) + "," +
                   opt(y.girls) + "," + opt(y.boys) + ",";
            text::append_number(out, y.hours);
            out += ",";
            if (y.average_feedback) text::append_number(out, *y.average_feedback);
            out += "," + std::to_string(y.feedbacks) + "\r\n";
          }
          return Response::text(200, out, "text/csv; charset=utf-8; header=present");
        }
        auto figures = [](const ImpactYear& y) {
          return json::object{{"bookings", y.bookings},
                              {"schools", http::or_null(y.schools)},
                              {"municipalities", http::or_null(y.municipalities)},
                              {"pupils", http::or_null(y.pupils)},
                              {"girls", http::or_null(y.girls)},
                              {"boys", http::or_null(y.boys)},
                              {"hours", y.hours},
                              {"average_feedback", http::or_null(y.average_feedback)},
                              {"feedbacks", y.feedbacks}};
        };
        json::array items;
        for (const auto& y : years) {
          json::object item{{"year", y.year}};
          for (auto& [k, v] : figures(y)) item.emplace(k, std::move(v));
          items.push_back(std::move(item));
        }
        return http::json(
            200, json::object{
                     {"organisation", std::string(p.get("id"))},
                     {"items", items},
                     {"all_years", figures(impact.all)},
                     {"total", static_cast<std::int64_t>(years.size())},
                     {"next_cursor", nullptr},
                     {"suppression",
                      "counts of schools, municipalities and pupils under 5 are withheld (null)"}});
      });

  // GET /api/v1/bookings/{id}.ics: the booking for a calendar (parties only).
  router.get("/api/v1/bookings/{file}",
             [&svc, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
               const std::string file(p.get("file"));
               if (!file.ends_with(".ics")) return errors::not_a_calendar_file(file);
               STEMNET_TRY(auto actor, accounts::actor_of(req, accounts));
               STEMNET_TRY(auto out, svc.ical(actor, file.substr(0, file.size() - 4)));
               Response res = Response::text(200, out, "text/calendar; charset=utf-8");
               res.set_header("Cache-Control", "private, no-cache");
               return res;
             });

  // POST /api/v1/calendar: a new secret feed address for the signed-in person.
  router.post(
      "/api/v1/calendar",
      [&svc, &accounts](const Request& req, const PathParams&) -> Result<Response> {
        STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
        STEMNET_TRY(auto token, svc.new_calendar_token(actor));
        Response res = http::json(201, json::object{{"url", "/api/v1/calendar/" + token + ".ics"}});
        res.set_header("Cache-Control", "no-store");
        return res;
      });

  // GET /api/v1/calendar/{token}.ics: the feed; the token is the credential.
  router.get("/api/v1/calendar/{file}",
             [&svc](const Request& req, const PathParams& p) -> Result<Response> {
               const std::string file(p.get("file"));
               if (!file.ends_with(".ics")) return errors::not_a_calendar_file(file);
               STEMNET_TRY(auto out, svc.calendar_feed(file.substr(0, file.size() - 4)));
               Response res = Response::text(200, out, "text/calendar; charset=utf-8");
               res.set_header("Cache-Control", "private, no-cache");
               return res;
             });

  router.post("/api/v1/requests/{id}/messages",
              [&svc, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
                STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                STEMNET_TRY(auto in, http::body<MessageBody>(req));
                STEMNET_TRY(auto out, svc.post_message(actor, std::string(p.get("id")), in.body));
                return http::json(201, request_json(out));
              });

  // One route per move, so that the API document describes each with its own body.
  for (const std::string move :
       {"accept", "propose", "decline", "cancel", "complete", "not_held", "feedback"}) {
    router.post(
        "/api/v1/requests/{id}/" + move,
        [&svc, &accounts, move](const Request& req, const PathParams& p) -> Result<Response> {
          STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
          MoveInput in;
          if (!req.body.empty()) {
            STEMNET_TRY(in, http::body<MoveInput>(req));
          }
          STEMNET_TRY(auto out, svc.move(actor, std::string(p.get("id")), move, in));
          return http::json(200, request_json(out));
        });
  }
}

}  // namespace stemnet::booking
