// /api/v1/organisations/{id}/members and joining: who belongs where.
#include "accounts/routes.hpp"
#include "http/json.hpp"
#include "organisations/bodies.hpp"
#include "organisations/errors.hpp"
#include "organisations/routes.hpp"

#include <boost/json.hpp>

namespace stemnet::organisations {
namespace json = boost::json;
using http::PathParams;
using http::Request;
using http::Response;

namespace {

Result<Response> members_json(const Result<std::vector<Member>>& list, int status = 200) {
  if (!list) return list.error();
  json::array items;
  for (const auto& m : *list) {
    items.push_back({{"person", {{"id", m.person_id}, {"name", m.name}, {"email", m.email}}},
                     {"role", m.role},
                     {"since", m.since}});
  }
  const auto total = static_cast<std::int64_t>(items.size());
  Response res = http::json(
      status,
      json::object{{"items", std::move(items)}, {"total", total}, {"next_cursor", nullptr}});
  res.set_header("Cache-Control", "private, no-cache");
  return res;
}

json::value join_json(const JoinRequest& j) {
  return json::object{
      {"id", j.id},
      {"person", {{"id", j.person_id}, {"name", j.person_name}, {"email", j.person_email}}},
      {"role", j.role},
      {"organisation", {{"id", j.scope}, {"name", j.scope_name}}},
      {"message", j.message},
      {"state", j.state},
      {"reason", j.reason},
      {"created_at", j.created_at},
      {"decided_at", http::or_null(j.decided_at)}};
}

Result<Response> joins_json(const Result<std::vector<JoinRequest>>& list) {
  if (!list) return list.error();
  json::array items;
  for (const auto& j : *list) items.push_back(join_json(j));
  const auto total = static_cast<std::int64_t>(items.size());
  Response res = http::json(
      200, json::object{{"items", std::move(items)}, {"total", total}, {"next_cursor", nullptr}});
  res.set_header("Cache-Control", "private, no-cache");
  return res;
}

Result<Response> decide_join(const Request& req, const PathParams& p, Members& members,
                             accounts::Service& accounts, bool approve) {
  STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
  std::string reason;
  if (!req.body.empty()) {
    STEMNET_TRY(auto body, http::body<DecisionBody>(req));
    reason = body.reason.value_or("");
  }
  STEMNET_TRY(auto out, members.decide(actor, std::string(p.get("id")), approve, reason));
  return http::json(200, join_json(out));
}

}  // namespace

void add_member_routes(http::Router& router, Members& members, accounts::Service& accounts) {
  router.get("/api/v1/organisations/{id}/members",
             [&members, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
               STEMNET_TRY(auto actor, accounts::actor_of(req, accounts));
               return members_json(members.list(actor, std::string(p.get("id"))));
             });
  router.post("/api/v1/organisations/{id}/members",
              [&members, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
                STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                STEMNET_TRY(auto body, http::body<NewMemberBody>(req));
                if (body.email.empty()) return errors::email_required();
                return members_json(
                    members.add(actor, std::string(p.get("id")), body.email, body.role), 201);
              });
  // DELETE …/members/{person}?role=teacher: take a role away, or leave.
  router.del("/api/v1/organisations/{id}/members/{person}",
             [&members, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
               STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
               STEMNET_TRY_VOID(http::check_query(req, {"role"}));
               auto role = http::query_string(req, "role");
               if (!role) return errors::role_required();
               return members_json(members.withdraw(actor, std::string(p.get("id")),
                                                    std::string(p.get("person")), *role));
             });
  router.post("/api/v1/organisations/{id}/join",
              [&members, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
                STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                STEMNET_TRY(auto body, http::body<JoinBody>(req));
                STEMNET_TRY(auto out, members.ask_to_join(actor, std::string(p.get("id")),
                                                          body.role, body.message));
                return http::json(201, join_json(out));
              });
  router.get("/api/v1/organisations/{id}/join-requests",
             [&members, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
               STEMNET_TRY(auto actor, accounts::actor_of(req, accounts));
               return joins_json(members.pending(actor, std::string(p.get("id"))));
             });
  router.get("/api/v1/join-requests",
             [&members, &accounts](const Request& req, const PathParams&) -> Result<Response> {
               STEMNET_TRY(auto actor, accounts::actor_of(req, accounts));
               return joins_json(members.to_decide(actor));
             });
  router.get("/api/v1/me/join-requests",
             [&members, &accounts](const Request& req, const PathParams&) -> Result<Response> {
               STEMNET_TRY(auto actor, accounts::actor_of(req, accounts));
               return joins_json(members.mine(actor));
             });
  router.post("/api/v1/join-requests/{id}/approve",
              [&members, &accounts](const Request& req, const PathParams& p) {
                return decide_join(req, p, members, accounts, true);
              });
  router.post("/api/v1/join-requests/{id}/reject",
              [&members, &accounts](const Request& req, const PathParams& p) {
                return decide_join(req, p, members, accounts, false);
              });
}

}  // namespace stemnet::organisations
