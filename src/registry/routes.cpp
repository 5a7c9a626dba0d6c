#include "registry/routes.hpp"

#include "http/json.hpp"
#include "registry/errors.hpp"

#include <boost/json.hpp>

namespace stemnet::registry {
namespace json = boost::json;
using http::PathParams;
using http::Request;
using http::Response;

namespace {

json::object point_json(const geo::Point& p) { return {{"lon", p.lon}, {"lat", p.lat}}; }

json::array names_json(const std::string& name) {
  json::array out;
  for (const auto& n : parallel_names(name)) out.emplace_back(n);
  return out;
}

json::object area_ref(const std::optional<std::string>& number,
                      const std::optional<std::string>& name) {
  return {{"number", http::or_null(number)}, {"name", http::or_null(name)}};
}

json::value county_json(const County& c) {
  return json::object{{"number", c.number},
                      {"name", c.name},
                      {"parallel_names", names_json(c.name)},
                      {"name_norwegian", c.name_norwegian},
                      {"population", http::or_null(c.population)},
                      {"website", http::or_null(c.website)},
                      {"label_point", point_json(c.label_point)}};
}

json::value municipality_json(const Municipality& m) {
  json::value county = nullptr;
  if (m.county_number) county = area_ref(m.county_number, m.county_name);
  return json::object{{"number", m.number},
                      {"kind", m.kind},
                      {"name", m.name},
                      {"parallel_names", names_json(m.name)},
                      {"name_norwegian", m.name_norwegian},
                      {"county", county},
                      {"admin_centre", http::or_null(m.admin_centre)},
                      {"population", http::or_null(m.population)},
                      {"area_km2", http::or_null(m.area_km2)},
                      {"written_language", http::or_null(m.written_language)},
                      {"website", http::or_null(m.website)},
                      {"label_point", point_json(m.label_point)},
                      {"school_count", m.school_count}};
}

json::value as_of_json(const AreaAsOf& a) {
  json::array became, today;
  for (const auto& c : a.became) {
    became.push_back(
        json::object{{"number", c.new_code}, {"name", c.new_name}, {"on", c.changed_on}});
  }
  for (const auto& t : a.today) {
    today.push_back(
        json::object{{"number", t.number}, {"name", t.name}, {"share", http::or_null(t.share)}});
  }
  json::value county = nullptr;
  if (a.county) county = area_ref(a.county->first, a.county->second);
  return json::object{{"level", a.level},
                      {"number", a.code},
                      {"name", a.name},
                      {"parallel_names", names_json(a.name)},
                      {"on", a.on},
                      {"valid_from", http::or_null(a.valid_from)},
                      {"valid_to", http::or_null(a.valid_to)},
                      {"county", county},
                      {"became", std::move(became)},
                      {"today", std::move(today)}};
}

json::value school_json(const School& s) {
  json::array grades;
  for (const auto& g : s.grades) {
    grades.push_back(json::object{{"grade", g.grade},
                                  {"school_year", g.school_year},
                                  {"tested_pupils", http::or_null(g.tested_pupils)}});
  }
  return json::object{
      {"orgnr", s.orgnr},
      {"name", s.name},
      {"municipality", area_ref(s.municipality_number, s.municipality_name)},
      {"county", s.county_number ? json::value(area_ref(s.county_number, s.county_name))
                                 : json::value(nullptr)},
      {"grades", std::move(grades)},
      {"location", point_json(s.location)},
      {"location_precision", s.location_precision}};
}

json::value institution_json(const Institution& i) {
  json::array sites;
  for (const auto& s : i.sites) {
    sites.push_back(
        json::object{{"municipality", area_ref(s.municipality_number, s.municipality_name)},
                     {"location", point_json(s.label_point)},
                     {"location_precision", "municipality"}});
  }
  return json::object{{"id", i.id},
                      {"kind", i.kind},
                      {"name", i.name},
                      {"abbreviation", http::or_null(i.abbreviation)},
                      {"category", http::or_null(i.category)},
                      {"ownership", http::or_null(i.ownership)},
                      {"sites", std::move(sites)},
                      {"note", http::or_null(i.note)},
                      {"source_url", http::or_null(i.source_url)}};
}

// parse -> call -> answer, for every route below.
template <class T, class F>
Result<Response> answer(Result<T> out, F&& to_json) {
  if (!out) return std::move(out).error();
  return http::json(200, to_json(*out));
}

template <class T, class F>
Result<Response> answer_page(Result<Page<T>> out, F&& item_json) {
  if (!out) return std::move(out).error();
  return http::json(200, http::page_json(*out, item_json));
}

}  // namespace

// The registry changes only when reference data is imported: answers are
// public and may be cached for a few seconds, in process and by clients.
constexpr http::RouteOptions kReference{std::chrono::seconds(5)};

void add_routes(http::Router& router, Service& svc) {
  router.get(
      "/api/v1/counties",
      [&svc](const Request& req, const PathParams&) -> Result<Response> {
        STEMNET_TRY(auto page, http::page_request(req, {}, Service::kCountyKey));
        return answer_page(svc.counties(page), county_json);
      },
      kReference);

  router.get(
      "/api/v1/municipalities",
      [&svc](const Request& req, const PathParams&) -> Result<Response> {
        STEMNET_TRY(auto page,
                    http::page_request(req, {"county", "include"}, Service::kMunicipalityKey));
        auto include = http::query_string(req, "include");
        if (include && *include != "territories") {
          return errors::not_one_of("include", *include, "territories");
        }
        return answer_page(
            svc.municipalities(http::query_string(req, "county"), include.has_value(), page),
            municipality_json);
      },
      kReference);

  // ?on=YYYY-MM-DD: the municipality as it was that day (any code since
  // 2017), with what it became; without, today's municipality.
  router.get(
      "/api/v1/municipalities/{number}",
      [&svc](const Request& req, const PathParams& p) -> Result<Response> {
        STEMNET_TRY_VOID(http::check_query(req, {"on"}));
        const std::string number(p.get("number"));
        if (auto on = http::query_string(req, "on")) {
          return answer(svc.as_of("municipality", number, *on), as_of_json);
        }
        return answer(svc.municipality(number), municipality_json);
      },
      kReference);

  // A county as it was on ?on= (today without it): any code since 2017.
  router.get(
      "/api/v1/counties/{number}",
      [&svc](const Request& req, const PathParams& p) -> Result<Response> {
        STEMNET_TRY_VOID(http::check_query(req, {"on"}));
        return answer(svc.as_of("county", std::string(p.get("number")),
                                http::query_string(req, "on").value_or("")),
                      as_of_json);
      },
      kReference);

  router.get(
      "/api/v1/schools",
      [&svc](const Request& req, const PathParams&) -> Result<Response> {
        STEMNET_TRY(auto page,
                    http::page_request(req, {"municipality", "county", "q"}, Service::kSchoolKey));
        SchoolQuery q{http::query_string(req, "municipality"), http::query_string(req, "county"),
                      http::query_string(req, "q")};
        return answer_page(svc.schools(q, page), school_json);
      },
      kReference);

  router.get(
      "/api/v1/schools/{orgnr}",
      [&svc](const Request& req, const PathParams& p) -> Result<Response> {
        STEMNET_TRY_VOID(http::check_query(req, {}));
        return answer(svc.school(std::string(p.get("orgnr"))), school_json);
      },
      kReference);

  // Boundaries as Kartverket published them: counties as GeoJSON,
  // municipalities as TopoJSON (object "Kommuner").
  router.get(
      "/api/v1/boundaries/{level}",
      [&svc](const Request& req, const PathParams& p) -> Result<Response> {
        STEMNET_TRY_VOID(http::check_query(req, {}));
        const auto plural = p.get("level");
        if (plural != "counties" && plural != "municipalities") {
          return errors::boundaries_unknown(plural);
        }
        STEMNET_TRY(auto b, svc.boundary(plural == "counties" ? "county" : "municipality"));
        return Response::text(200, std::move(b.body),
                              b.format == "geojson" ? "application/geo+json" : "application/json");
      },
      http::RouteOptions{std::chrono::seconds(300)});

  router.get(
      "/api/v1/institutions",
      [&svc](const Request& req, const PathParams&) -> Result<Response> {
        STEMNET_TRY(auto page, http::page_request(req, {"kind"}, Service::kInstitutionKey));
        return answer_page(svc.institutions(http::query_string(req, "kind"), page),
                           institution_json);
      },
      kReference);
}

}  // namespace stemnet::registry
