#include "monitor/routes.hpp"

#include "accounts/routes.hpp"
#include "http/json.hpp"
#include "monitor/bodies.hpp"
#include "monitor/errors.hpp"
#include "monitor/export.hpp"
#include "monitor/jsonstat/validate.hpp"

#include <boost/json.hpp>

#include <set>

namespace stemnet::monitor {
namespace json = boost::json;
using http::PathParams;
using http::Request;
using http::Response;

namespace {

// Figures change only on imports: answers may be cached for a few seconds.
constexpr http::RouteOptions kCached{std::chrono::seconds(5)};

json::object localized(const Localized& l) { return {{"nb", l.nb}, {"nn", l.nn}, {"en", l.en}}; }

json::array strings(const std::vector<std::string>& v) { return json::array(v.begin(), v.end()); }

json::value target_json(const Target& t) {
  json::value ended = nullptr;
  if (t.ended_at) {
    ended = json::object{{"at", *t.ended_at},
                         {"by", t.ended_by.value_or("")},
                         {"reason", t.ended_reason.value_or("")}};
  }
  return json::object{
      {"id", t.id},
      {"area_level", t.area_level},
      {"area", t.area_level == "all" ? json::value(nullptr) : json::value(t.area_code)},
      {"value", t.value},
      {"year", t.year},
      {"set_by", t.set_by},
      {"reason", t.reason},
      {"created_at", t.created_at},
      {"state", t.state()},
      {"replaces", http::or_null(t.replaces)},
      {"replaced_by", http::or_null(t.replaced_by)},
      {"ended", std::move(ended)}};
}

json::value progress_json(const Progress& p) {
  return json::object{{"state", p.state}, {"projected", http::or_null(p.projected)}};
}

Response target_created(const Target& t) {
  Response res = http::json(201, target_json(t));
  res.set_header("Location", "/api/v1/indicators/" + t.indicator_id + "/targets");
  return res;
}

// What fetches an indicator's figures: the command an operator runs, and the
// catalogue's words.
json::object fetch_json(const Indicator& i) {
  json::value command = nullptr;
  if (i.fetch_kind == "pxweb") {
    command = "stemnet monitor refresh --only " + i.id;
  } else if (i.fetch_kind == "file" && !i.fetch_tool.empty()) {
    command = "stemnet import " + i.fetch_tool + (i.fetch_tool == "udir" ? " FILE…" : " FILE");
  } else if (i.fetch_kind == "computed") {
    command = "stemnet monitor compute";
  }
  return {{"kind", i.fetch_kind},
          {"command", command},
          {"how", i.fetch_how.empty() ? json::value(nullptr) : json::value(i.fetch_how)}};
}

json::object summary_json(const IndicatorSummary& s) {
  const Indicator& i = s.indicator;
  return {{"id", i.id},
          {"name", localized(i.name)},
          {"definition", localized(i.definition)},
          {"unit", i.unit},
          {"decimals", i.decimals},
          {"direction", i.direction},
          {"stage", i.stage},
          {"origin", i.origin},
          {"levels", strings(i.levels)},
          {"breakdowns", strings(i.breakdowns)},
          {"headline", i.headline},
          {"source",
           {{"name", i.source_name},
            {"table", i.source_table.empty() ? json::value(nullptr) : json::value(i.source_table)},
            {"url", i.source_url.empty() ? json::value(nullptr) : json::value(i.source_url)},
            {"licence", i.licence},
            {"attribution", i.attribution}}},
          {"fetch", fetch_json(i)},
          {"latest_period", http::or_null(s.latest_period)},
          {"cells", s.cells},
          {"has_data", s.cells > 0}};
}

Result<std::string> lang_of(const Request& req) {
  auto lang = http::query_string(req, "lang").value_or("nb");
  if (lang != "nb" && lang != "nn" && lang != "en")
    return errors::not_one_of("lang", lang, "nb, nn, en");
  return lang;
}

}  // namespace

void add_routes(http::Router& router, Service& svc, accounts::Service& accounts) {
  // A public validator: the body is a JSON-stat document (up to the server's
  // body limit); the answer lists every fault with its JSON path.
  router.post(
      "/api/v1/jsonstat/validate", [](const Request& req, const PathParams&) -> Result<Response> {
        STEMNET_TRY_VOID(http::check_query(req, {}));
        if (req.body.empty()) return errors::jsonstat_empty();
        const auto issues = jsonstat::validate_text(req.body, "body");
        json::array list;
        for (const auto& i : issues) {
          list.push_back(json::object{{"code", i.code},
                                      {"severity", std::string(jsonstat::to_string(i.severity))},
                                      {"path", i.path},
                                      {"message", i.message}});
        }
        return http::json(200, json::object{{"valid", jsonstat::valid(issues)}, {"issues", list}});
      });

  router.get(
      "/api/v1/indicators",
      [&svc](const Request& req, const PathParams&) -> Result<Response> {
        STEMNET_TRY_VOID(http::check_query(req, {"stage", "source"}));
        STEMNET_TRY(auto list, svc.indicators(http::query_string(req, "stage"),
                                              http::query_string(req, "source")));
        json::array items;
        for (const auto& s : list) items.push_back(summary_json(s));
        return http::json(200, json::object{{"items", items},
                                            {"total", static_cast<std::int64_t>(list.size())},
                                            {"next_cursor", nullptr}});
      },
      kCached);

  router.get(
      "/api/v1/indicators/{id}",
      [&svc](const Request& req, const PathParams& p) -> Result<Response> {
        STEMNET_TRY_VOID(http::check_query(req, {}));
        STEMNET_TRY(auto d, svc.indicator(std::string(p.get("id"))));
        json::object body = summary_json(d.summary);
        body["periods"] = strings(d.periods);
        json::array provenance, targets;
        for (const auto& pr : d.provenance) provenance.push_back(provenance_json(pr));
        for (const auto& t : d.targets) targets.push_back(target_json(t));
        body["provenance"] = provenance;
        body["targets"] = targets;
        return http::json(200, body);
      },
      kCached);

  router.get(
      "/api/v1/indicators/{id}/data",
      [&svc](const Request& req, const PathParams& p) -> Result<Response> {
        DataQuery q;
        std::string format = "jsonstat";
        std::set<std::string> seen;
        for (const auto& [name, value] : req.query) {
          if (name.empty()) continue;
          if (!seen.insert(name).second) return errors::parameter_repeated(name);
          if (value.empty()) return errors::parameter_empty(name);
          if (name == "area")
            q.area = value;
          else if (name == "level")
            q.level = value;
          else if (name == "period")
            q.period = value;
          else if (name == "format")
            format = value;
          else if (name == "areas") {
            if (value != "published" && value != "current")
              return errors::not_one_of("areas", value, "published, current");
            q.current_areas = value == "current";
          } else if (name == "lang")
            continue;
          else
            q.breakdown[name] = value;  // the service checks it is a breakdown of this indicator
        }
        if (format != "jsonstat" && format != "csv") {
          return errors::not_one_of("format", format, "jsonstat, csv");
        }
        STEMNET_TRY(auto lang, lang_of(req));
        STEMNET_TRY(auto data, svc.data(std::string(p.get("id")), q));
        if (format == "csv") {
          Response res =
              Response::text(200, to_csv(data), "text/csv; charset=utf-8; header=present");
          res.set_header("Content-Disposition",
                         "attachment; filename=\"" + data.indicator.id + ".csv\"");
          return res;
        }
        return Response::text(200, to_jsonstat(data, lang), "application/json");
      },
      kCached);

  router.get(
      "/api/v1/areas/{code}/profile",
      [&svc](const Request& req, const PathParams& p) -> Result<Response> {
        STEMNET_TRY_VOID(http::check_query(req, {}));
        STEMNET_TRY(auto profile, svc.profile(std::string(p.get("code"))));
        json::array entries;
        for (const auto& e : profile.entries) {
          json::object o{{"indicator", summary_json(e.summary)},
                         {"period", http::or_null(e.period)},
                         {"value", http::or_null(e.value)},
                         {"status", e.status},
                         {"rank", e.rank ? json::value(*e.rank) : json::value(nullptr)},
                         {"peers", e.peers}};
          o["target"] = e.target ? target_json(*e.target) : json::value(nullptr);
          o["progress"] = e.progress ? progress_json(*e.progress) : json::value(nullptr);
          entries.push_back(std::move(o));
        }
        return http::json(200, json::object{{"level", profile.level},
                                            {"code", profile.code},
                                            {"name", profile.name},
                                            {"indicators", entries}});
      },
      kCached);

  // Targets: every one with its history (not cached: a change shows at once), and
  // how each area is doing against the one that applies to it.
  router.get("/api/v1/indicators/{id}/targets",
             [&svc](const Request& req, const PathParams& p) -> Result<Response> {
               STEMNET_TRY_VOID(http::check_query(req, {}));
               const std::string id(p.get("id"));
               STEMNET_TRY(auto known, svc.indicator(id));  // 404 for an unknown indicator
               (void)known;
               STEMNET_TRY(auto list, svc.target_service().list(id));
               json::array items;
               for (const auto& t : list) items.push_back(target_json(t));
               const auto total = static_cast<std::int64_t>(items.size());
               return http::json(200, json::object{{"items", std::move(items)},
                                                   {"total", total},
                                                   {"next_cursor", nullptr}});
             });
  router.get("/api/v1/indicators/{id}/progress",
             [&svc](const Request& req, const PathParams& p) -> Result<Response> {
               STEMNET_TRY_VOID(http::check_query(req, {"level"}));
               const std::string level = http::query_string(req, "level").value_or("county");
               STEMNET_TRY(auto list, svc.progress_of(std::string(p.get("id")), level));
               json::array items;
               for (const auto& a : list) {
                 items.push_back(json::object{
                     {"area", {{"level", a.level}, {"code", a.code}, {"name", a.name}}},
                     {"target", target_json(a.target)},
                     {"progress", progress_json(a.progress)}});
               }
               const auto total = static_cast<std::int64_t>(items.size());
               return http::json(200, json::object{{"level", level},
                                                   {"items", std::move(items)},
                                                   {"total", total},
                                                   {"next_cursor", nullptr}});
             });
  router.post("/api/v1/indicators/{id}/targets",
              [&svc, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
                STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                STEMNET_TRY(auto in, http::body<TargetInput>(req));
                STEMNET_TRY(auto t, svc.target_service().set(actor, std::string(p.get("id")), in));
                return target_created(t);
              });
  router.post("/api/v1/targets/{id}/change",
              [&svc, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
                STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                STEMNET_TRY(auto in, http::body<TargetChange>(req));
                STEMNET_TRY(auto t,
                            svc.target_service().change(actor, std::string(p.get("id")), in));
                return target_created(t);
              });
  router.post("/api/v1/targets/{id}/retire",
              [&svc, &accounts](const Request& req, const PathParams& p) -> Result<Response> {
                STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                STEMNET_TRY(auto in, http::body<TargetRetire>(req));
                STEMNET_TRY(auto t,
                            svc.target_service().retire(actor, std::string(p.get("id")), in));
                return http::json(200, target_json(t));
              });
}

}  // namespace stemnet::monitor
