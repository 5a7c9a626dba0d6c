// http/router.hpp — routes are data: a table of (method, pattern) -> handler.
//
// Patterns are paths whose segments are literals or {name} parameters:
//   Router r;
//   r.get("/api/v1/municipalities/{number}", [](const Request& req, const PathParams& p) {
//     return Response::json(200, lookup(p.get("number")));
//   });
//   Response res = r.dispatch(req);  // 404 problem for unknown paths,
//                                    // 405 problem with Allow for wrong methods
// A GET route also answers HEAD. Handlers must not throw for expected failures;
// they return the Error (Result<Response>) and the router answers it as a
// problem+json in one place (http/problem.hpp):
//   r.get("/x/{id}", [&](const Request&, const PathParams& p) -> Result<Response> {
//     STEMNET_TRY(auto x, service.find(p.get("id")));   // an Error is the answer
//     return Response::json(200, to_json(x));
//   });
#pragma once

#include "core/result.hpp"
#include "http/cache.hpp"
#include "http/message.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stemnet::http {

class PathParams {
 public:
  void add(std::string name, std::string value) {
    items_.emplace_back(std::move(name), std::move(value));
  }
  // The value of a parameter named in the pattern; empty if there is none.
  std::string_view get(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

// The segments of a path: "/a/{b}/c" -> {"a", "{b}", "c"}; "/" -> {""}.
std::vector<std::string_view> split_path(std::string_view path);

using Handler = std::function<Result<Response>(const Request&, const PathParams&)>;
// Runs before a route's handler; a failure is answered as a problem and the
// handler is not called (validation against the API contract, api/contract.hpp).
using Check = std::function<Result<void>(const Request&)>;

struct RouteOptions {
  // > 0: successful GET answers are public and the same for every caller;
  // keep them this long in the in-process cache and tell clients so
  // (Cache-Control: public, max-age).
  std::chrono::seconds cache_for{0};
  // Slow by design (password hashing): the server runs it on threads of its
  // own, never on a network thread.
  bool blocking = false;
  // > 0: the most bytes a request body may have on this route (a file
  // upload), instead of the server's ServerOptions::body_limit.
  std::size_t body_limit = 0;
};

class Router {
 public:
  void add(Method method, std::string pattern, Handler handler, RouteOptions options = {});
  void get(std::string pattern, Handler h, RouteOptions o = {}) {
    add(Method::get, std::move(pattern), std::move(h), o);
  }
  void post(std::string pattern, Handler h, RouteOptions o = {}) {
    add(Method::post, std::move(pattern), std::move(h), o);
  }
  void put(std::string pattern, Handler h) { add(Method::put, std::move(pattern), std::move(h)); }
  void patch(std::string pattern, Handler h) {
    add(Method::patch, std::move(pattern), std::move(h));
  }
  void del(std::string pattern, Handler h) { add(Method::del, std::move(pattern), std::move(h)); }
  // Answers GET and HEAD for paths no route knows, outside /api/ (the
  // front-end's files and client-side routes). Without one: 404.
  void fallback(Handler h) { fallback_ = std::move(h); }

  // Gives each route the check `make` returns for its method and pattern
  // (none when it returns an empty function). Call before serving.
  void set_checks(const std::function<Check(Method, const std::string& pattern)>& make);

  // Every route's method and pattern, in the order they were added.
  std::vector<std::pair<Method, std::string>> routes() const;

  // The byte budget of the response cache (ResponseCache::kDefaultBytes
  // unless set); set it before serving, it empties the cache.
  void set_cache_bytes(std::size_t bytes) { cache_ = std::make_unique<ResponseCache>(bytes); }
  const ResponseCache& cache() const { return *cache_; }

  // True when the request's route is marked blocking (see RouteOptions).
  bool blocking(const Request& req) const;
  // The body limit of the route of `method` and `path` (percent-encoded, no
  // query), when the route sets one (see RouteOptions).
  std::optional<std::size_t> body_limit(Method method, std::string_view path) const;

  // Routes the request and calls its handler. `route_label`, when given,
  // receives the matched pattern (or "unmatched") for metrics.
  Response dispatch(const Request& req, std::string* route_label = nullptr) const;

 private:
  struct Route {
    Method method;
    std::string pattern;
    std::vector<std::string> segments;  // "{x}" marks a parameter
    Handler handler;
    RouteOptions options;
    Check check;
  };
  Response call(const Route& route, const Request& req,
                const std::vector<std::string_view>& path) const;
  static bool match(const Route& route, const std::vector<std::string_view>& path,
                    PathParams* params);
  std::vector<Route> routes_;
  Handler fallback_;
  bool any_blocking_ = false;
  bool any_body_limit_ = false;
  std::unique_ptr<ResponseCache> cache_ = std::make_unique<ResponseCache>();
};

}  // namespace stemnet::http
