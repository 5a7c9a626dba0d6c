#include "http/router.hpp"

#include "http/conditional.hpp"
#include "http/json.hpp"
#include "http/metrics.hpp"
#include "http/problem.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace stemnet::http {
namespace {

Request req(Method m, const char* target) {
  auto r = Request::from_target(m, target);
  EXPECT_TRUE(r.has_value()) << target;
  return r ? *r : Request{};
}

Router test_router() {
  Router r;
  r.get("/api/v1/municipalities",
        [](const Request&, const PathParams&) { return Response::json(200, "list"); });
  r.get("/api/v1/municipalities/{number}", [](const Request&, const PathParams& p) {
    return Response::json(200, std::string(p.get("number")));
  });
  r.post("/api/v1/rounds/{id}/accept", [](const Request&, const PathParams& p) {
    return Response::json(201, "accepted " + std::string(p.get("id")));
  });
  r.get("/api/v1/rounds/{id}/accept",
        [](const Request&, const PathParams&) { return Response::json(200, "state"); });
  return r;
}

TEST(Router, MatchesLiteralAndParameterSegments) {
  Router r = test_router();
  std::string label;
  auto res = r.dispatch(req(Method::get, "/api/v1/municipalities/0301"), &label);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "0301");
  EXPECT_EQ(label, "/api/v1/municipalities/{number}");
  EXPECT_EQ(r.dispatch(req(Method::get, "/api/v1/municipalities")).body, "list");
  EXPECT_EQ(r.dispatch(req(Method::post, "/api/v1/rounds/7/accept")).body, "accepted 7");
}

TEST(Router, DecodesPercentEncodedParameters) {
  Router r = test_router();
  EXPECT_EQ(r.dispatch(req(Method::get, "/api/v1/municipalities/Troms%C3%B8")).body, "Tromsø");
}

TEST(Router, HeadIsAnsweredByGet) {
  Router r = test_router();
  EXPECT_EQ(r.dispatch(req(Method::head, "/api/v1/municipalities/0301")).status, 200);
}

TEST(Router, UnknownPathIs404Problem) {
  Router r = test_router();
  for (const char* target :
       {"/", "/api/v1/municipalities/0301/x", "/api/v1/municipalities/", "/api/v2/counties"}) {
    std::string label;
    auto res = r.dispatch(req(Method::get, target), &label);
    EXPECT_EQ(res.status, 404) << target;
    EXPECT_EQ(res.content_type, "application/problem+json") << target;
    EXPECT_EQ(label, "unmatched");
  }
}

TEST(Router, WrongMethodIs405WithAllow) {
  Router r = test_router();
  auto res = r.dispatch(req(Method::del, "/api/v1/rounds/3/accept"));
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.header("Allow").value_or(""), "POST, GET, HEAD");
  auto body = boost::json::parse(res.body).as_object();
  EXPECT_EQ(body.at("status").as_int64(), 405);
  auto put = r.dispatch(req(Method::put, "/api/v1/municipalities"));
  EXPECT_EQ(put.status, 405);
  EXPECT_EQ(put.header("Allow").value_or(""), "GET, HEAD");
}

TEST(Router, CachesPublicAnswersForTheirTime) {
  Router r;
  int calls = 0;
  r.get(
      "/ref/{id}",
      [&calls](const Request&, const PathParams& p) {
        ++calls;
        if (p.get("id") == "missing") return problem(Error::not_found("no such"));
        return Response::json(200, "\"" + std::string(p.get("id")) + "\"");
      },
      RouteOptions{std::chrono::seconds(60)});
  auto first = r.dispatch(req(Method::get, "/ref/a"));
  auto second = r.dispatch(req(Method::get, "/ref/a"));
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(second.header("Cache-Control").value_or(""), "public, max-age=60");
  EXPECT_EQ(second.header("ETag").value_or(""), entity_tag(first.body));
  r.dispatch(req(Method::get, "/ref/a?x=1"));  // another target, another entry
  EXPECT_EQ(calls, 2);
  r.dispatch(req(Method::get, "/ref/missing"));
  r.dispatch(req(Method::get, "/ref/missing"));  // errors are not cached
  EXPECT_EQ(calls, 4);
}

TEST(ResponseCache, ExpiresAndStaysWithinItsBytes) {
  const auto t0 = ResponseCache::Clock::now();
  const Response small = Response::json(200, std::string(1000, 'x'));
  const std::size_t one = ResponseCache::charge("/0x", small);  // every key here is as long
  ResponseCache cache(one * 8);                                 // room for eight such answers
  cache.put("/ax", small, t0 + std::chrono::seconds(1));
  EXPECT_TRUE(cache.get("/ax", t0).has_value());
  EXPECT_FALSE(cache.get("/ax", t0 + std::chrono::seconds(2)).has_value());
  for (int i = 0; i < 100; ++i) {
    cache.put("/" + std::to_string(i % 10) + "x", small, t0 + std::chrono::seconds(60));
    EXPECT_LE(cache.bytes(), cache.max_bytes());
  }
  EXPECT_LE(cache.size(), 8u);
  EXPECT_TRUE(cache.get("/9x", t0).has_value()) << "the newest stays";
  EXPECT_FALSE(cache.get("/0x", t0).has_value()) << "the oldest went first";
  // An answer over an eighth of the budget is not kept, and pushes nothing out.
  cache.put("/big", Response::json(200, std::string(one * 2, 'y')), t0 + std::chrono::seconds(60));
  EXPECT_FALSE(cache.get("/big", t0).has_value());
  EXPECT_TRUE(cache.get("/9x", t0).has_value());
  // Overwriting a key charges it once.
  const std::size_t before = cache.bytes();
  cache.put("/9x", small, t0 + std::chrono::seconds(60));
  EXPECT_EQ(cache.bytes(), before);
}

TEST(ResponseCache, KeysAreThePathAndTheSortedDecodedQuery) {
  auto a = Request::from_target(Method::get, "/m?b=2&a=%31");
  auto b = Request::from_target(Method::get, "/m?a=1&b=2");
  auto c = Request::from_target(Method::get, "/m?a=1&b=3");
  auto d = Request::from_target(Method::get, "/m?a=1&&b=2&");
  ASSERT_TRUE(a && b && c && d);
  EXPECT_EQ(cache_key(*a, false), cache_key(*b, false));
  EXPECT_EQ(cache_key(*d, false), cache_key(*b, false));
  EXPECT_NE(cache_key(*c, false), cache_key(*b, false));
  EXPECT_NE(cache_key(*b, true), cache_key(*b, false));
  // Names and values cannot be shifted into each other.
  auto e = Request::from_target(Method::get, "/m?ab=c");
  auto f = Request::from_target(Method::get, "/m?a=bc");
  EXPECT_NE(cache_key(*e, false), cache_key(*f, false));
}

TEST(Request, ParsesQueryStrings) {
  auto r = req(Method::get, "/api/v1/schools?q=%C3%85sane+skole&county=46&flag");
  EXPECT_EQ(r.path, "/api/v1/schools");
  EXPECT_EQ(r.query_param("q").value_or("?"), "Åsane skole");
  EXPECT_EQ(r.query_param("county").value_or("?"), "46");
  EXPECT_EQ(r.query_param("flag").value_or("?"), "");
  EXPECT_FALSE(r.query_param("limit").has_value());
  EXPECT_FALSE(Request::from_target(Method::get, "no-slash").has_value());
}

TEST(Problem, HasTheRfc9457Members) {
  auto res = problem(Error::invalid("limit", "limit must be a whole number"));
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.content_type, "application/problem+json");
  auto body = boost::json::parse(res.body).as_object();
  EXPECT_EQ(body.at("type").as_string(), "https://stemnet.no/problems/invalid-parameter");
  EXPECT_EQ(body.at("title").as_string(), "Invalid parameter");
  EXPECT_EQ(body.at("status").as_int64(), 400);
  EXPECT_EQ(body.at("detail").as_string(), "limit must be a whole number");
  EXPECT_EQ(body.at("param").as_string(), "limit");
}

TEST(Problem, InternalErrorsDoNotLeakTheirCause) {
  auto res = problem(Error::internal("prepare: no such table: secret_table"));
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.body.find("secret_table"), std::string::npos);
  auto body = boost::json::parse(res.body).as_object();
  EXPECT_EQ(body.at("type").as_string(), "https://stemnet.no/problems/internal");
}

TEST(Problem, StatusByKind) {
  EXPECT_EQ(status_of(ErrorKind::not_found), 404);
  EXPECT_EQ(status_of(ErrorKind::conflict), 409);
  EXPECT_EQ(status_of(ErrorKind::too_large), 413);
  EXPECT_EQ(status_of(ErrorKind::unprocessable), 422);
  EXPECT_EQ(status_of(ErrorKind::unavailable), 503);
  EXPECT_EQ(status_of(ErrorKind::internal), 500);
  auto file = problem(Error::malformed_file("a.tsv", 7, "bad number"));
  auto body = boost::json::parse(file.body).as_object();
  EXPECT_EQ(body.at("detail").as_string(), "a.tsv:7: bad number");
  EXPECT_EQ(body.at("line").as_int64(), 7);
}

TEST(Conditional, EtagAndNotModified) {
  Request get = req(Method::get, "/x");
  Response res = Response::json(200, R"({"a":1})");
  apply_conditional(get, res);
  const std::string tag = std::string(res.header("ETag").value_or(""));
  ASSERT_EQ(tag.size(), 18u);
  EXPECT_EQ(res.status, 200);

  for (std::string inm : {tag, "W/" + tag, "\"other\", " + tag, std::string("*")}) {
    Request again = get;
    again.headers.push_back({"If-None-Match", inm});
    Response second = Response::json(200, R"({"a":1})");
    apply_conditional(again, second);
    EXPECT_EQ(second.status, 304) << inm;
    EXPECT_TRUE(second.body.empty());
  }
  Request changed = get;
  changed.headers.push_back({"if-none-match", tag});
  Response other = Response::json(200, R"({"a":2})");
  apply_conditional(changed, other);
  EXPECT_EQ(other.status, 200);
  EXPECT_NE(other.header("ETag").value_or(""), tag);
}

TEST(Conditional, OnlySuccessfulReads) {
  Request post = req(Method::post, "/x");
  post.headers.push_back({"If-None-Match", "*"});
  Response created = Response::json(201, "{}");
  apply_conditional(post, created);
  EXPECT_EQ(created.status, 201);
  EXPECT_FALSE(created.header("ETag").has_value());
  Request get = req(Method::get, "/x");
  Response missing = problem(Error::not_found("x"));
  apply_conditional(get, missing);
  EXPECT_FALSE(missing.header("ETag").has_value());
}

TEST(Metrics, PrometheusText) {
  Metrics m;
  m.observe("GET", "/api/v1/counties", 200, 0.0004);
  m.observe("GET", "/api/v1/counties", 200, 0.003);
  m.observe("GET", "unmatched", 404, 0.0001);
  const std::string text = m.render();
  EXPECT_NE(text.find("stemnet_http_requests_total{method=\"GET\",route=\"/api/v1/"
                      "counties\",status=\"200\"} 2\n"),
            std::string::npos);
  EXPECT_NE(
      text.find(
          "stemnet_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1\n"),
      std::string::npos);
  EXPECT_NE(text.find("stemnet_http_request_duration_seconds_bucket{route=\"/api/v1/"
                      "counties\",le=\"0.0005\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("stemnet_http_request_duration_seconds_bucket{route=\"/api/v1/"
                      "counties\",le=\"0.005\"} 2\n"),
            std::string::npos);
  EXPECT_NE(
      text.find("stemnet_http_request_duration_seconds_count{route=\"/api/v1/counties\"} 2\n"),
      std::string::npos);
  EXPECT_NE(text.find("# TYPE stemnet_http_request_duration_seconds histogram"), std::string::npos);
}

TEST(Query, UnknownAndRepeatedParametersAreRejected) {
  auto typo = page_request(req(Method::get, "/s?municipalty=0301"), {"municipality"}, 1);
  ASSERT_FALSE(typo);
  EXPECT_EQ(typo.error().param, "municipalty");
  auto twice = page_request(req(Method::get, "/s?limit=1&limit=2"), {}, 1);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().param, "limit");
  auto empty_pair = page_request(req(Method::get, "/s?&limit=2"), {}, 1);
  ASSERT_TRUE(empty_pair);
  EXPECT_EQ(empty_pair->limit, 2);
  auto good = page_request(req(Method::get, "/s?municipality=0301&limit=5"), {"municipality"}, 1);
  ASSERT_TRUE(good);
  EXPECT_EQ(good->limit, 5);
}

}  // namespace
}  // namespace stemnet::http

#include "http/cookies.hpp"

namespace stemnet::http {
namespace {

TEST(Cookies, ReadsTheNamedCookie) {
  Request r;
  r.headers.push_back({"Cookie", "a=1; stemnet_session=abc_DEF-123 ; b=\"q\""});
  EXPECT_EQ(cookie(r, "stemnet_session").value_or("?"), "abc_DEF-123");
  EXPECT_EQ(cookie(r, "b").value_or("?"), "q");
  EXPECT_FALSE(cookie(r, "stemnet").has_value());
  Request none;
  EXPECT_FALSE(cookie(none, "a").has_value());
}

TEST(Cookies, WritesAttributes) {
  EXPECT_EQ(set_cookie("s", "v",
                       {.http_only = true, .secure = true, .same_site = "Strict", .max_age = 3600}),
            "s=v; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Strict");
  EXPECT_EQ(set_cookie("c", "v", {.http_only = false, .secure = false, .same_site = "Lax"}),
            "c=v; Path=/; SameSite=Lax");
}

}  // namespace
}  // namespace stemnet::http

namespace stemnet::http {
namespace {

// A handler returns its Error; the router answers it as problem+json, with the
// error's own code or its kind's fallback code.
TEST(Router, AnErrorAHandlerReturnsIsAProblemWithACode) {
  Router r;
  r.get("/api/v1/things/{id}", [](const Request&, const PathParams& p) -> Result<Response> {
    if (p.get("id") == "named") {
      return Error::conflict("the slot is full").coded("booking.slot_full", {{"capacity", 30LL}});
    }
    if (p.get("id") == "field") {
      return Error::field("/weeks/2", "booking.week_passed", "week 2027-W01 has passed",
                          {{"week", std::string("2027-W01")}});
    }
    return Error::not_found("no thing");
  });
  auto body = [&](const char* target, int status) {
    auto res = r.dispatch(req(Method::get, target));
    EXPECT_EQ(res.status, status) << target;
    EXPECT_EQ(res.content_type, "application/problem+json");
    return boost::json::parse(res.body).as_object();
  };
  auto named = body("/api/v1/things/named", 409);
  EXPECT_EQ(named.at("code"), "booking.slot_full");
  EXPECT_EQ(named.at("params").at("capacity"), 30);
  auto fallback = body("/api/v1/things/other", 404);
  EXPECT_EQ(fallback.at("code"), "request.not_found");
  EXPECT_FALSE(fallback.contains("params"));
  auto field = body("/api/v1/things/field", 400);
  EXPECT_EQ(field.at("code"), "validation.failed");
  EXPECT_EQ(field.at("param"), "weeks.2");
  const auto& fault = field.at("errors").as_array().at(0).as_object();
  EXPECT_EQ(fault.at("pointer"), "/weeks/2");
  EXPECT_EQ(fault.at("code"), "booking.week_passed");
  EXPECT_EQ(fault.at("params").at("week"), "2027-W01");
}

TEST(Problem, EveryKindHasAFallbackCode) {
  for (ErrorKind k : {ErrorKind::invalid_input, ErrorKind::not_found, ErrorKind::conflict,
                      ErrorKind::unprocessable, ErrorKind::too_large, ErrorKind::unsupported_media,
                      ErrorKind::unauthenticated, ErrorKind::forbidden, ErrorKind::rate_limited,
                      ErrorKind::unavailable, ErrorKind::internal}) {
    EXPECT_FALSE(fallback_code(k).empty());
  }
  EXPECT_EQ(fallback_code(ErrorKind::forbidden), "auth.forbidden");
  // What failed inside stays in the log; the answer is the internal code.
  auto res = problem(Error::internal("disk on fire").coded("x.y"));
  EXPECT_EQ(boost::json::parse(res.body).at("code"), "server.internal");
}

}  // namespace
}  // namespace stemnet::http

namespace stemnet::http {
namespace {

// A request its route's check refuses is refused even when the cache holds the
// answer to its normalised twin (the key drops an unnamed "=x").
TEST(Router, TheCheckRunsBeforeTheCache) {
  Router r;
  r.get("/api/v1/counties",
        [](const Request&, const PathParams&) { return Response::json(200, "[]"); },
        {.cache_for = std::chrono::seconds(60)});
  r.set_checks([](Method, const std::string&) -> Check {
    return [](const Request& q) -> Result<void> {
      if (q.target.find("?=") != std::string::npos || q.target.find("&=") != std::string::npos) {
        return Error::query("", "validation.unnamed_parameter", "a parameter without a name");
      }
      return ok();
    };
  });
  EXPECT_EQ(r.dispatch(req(Method::get, "/api/v1/counties?limit=3")).status, 200);
  EXPECT_EQ(r.dispatch(req(Method::get, "/api/v1/counties?=x&limit=3")).status, 400);
  EXPECT_EQ(r.dispatch(req(Method::get, "/api/v1/counties?limit=3&=x")).status, 400);
}

}  // namespace
}  // namespace stemnet::http
