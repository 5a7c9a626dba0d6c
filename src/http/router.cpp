#include "http/router.hpp"

#include "http/compress.hpp"
#include "http/conditional.hpp"
#include "http/errors.hpp"
#include "http/problem.hpp"

namespace stemnet::http {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  if (!path.empty() && path[0] == '/') i = 1;
  while (i <= path.size()) {
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

namespace {

bool is_param(std::string_view seg) {
  return seg.size() >= 2 && seg.front() == '{' && seg.back() == '}';
}

}  // namespace

std::string_view PathParams::get(std::string_view name) const {
  for (const auto& [k, v] : items_) {
    if (k == name) return v;
  }
  return {};
}

void Router::add(Method method, std::string pattern, Handler handler, RouteOptions options) {
  any_blocking_ = any_blocking_ || options.blocking;
  any_body_limit_ = any_body_limit_ || options.body_limit > 0;
  Route r{method, pattern, {}, std::move(handler), options};
  for (auto seg : split_path(pattern)) r.segments.emplace_back(seg);
  routes_.push_back(std::move(r));
}

void Router::set_checks(const std::function<Check(Method, const std::string&)>& make) {
  for (auto& route : routes_) route.check = make(route.method, route.pattern);
}

std::vector<std::pair<Method, std::string>> Router::routes() const {
  std::vector<std::pair<Method, std::string>> out;
  out.reserve(routes_.size());
  for (const auto& route : routes_) out.emplace_back(route.method, route.pattern);
  return out;
}

bool Router::match(const Route& route, const std::vector<std::string_view>& path,
                   PathParams* params) {
  if (route.segments.size() != path.size()) return false;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const auto& seg = route.segments[i];
    if (is_param(seg)) {
      if (path[i].empty()) return false;
    } else if (seg != path[i]) {
      return false;
    }
  }
  if (params) {
    for (std::size_t i = 0; i < path.size(); ++i) {
      const auto& seg = route.segments[i];
      if (is_param(seg)) params->add(seg.substr(1, seg.size() - 2), std::string(path[i]));
    }
  }
  return true;
}

Response Router::call(const Route& route, const Request& req,
                      const std::vector<std::string_view>& path) const {
  const bool cacheable = route.options.cache_for.count() > 0 && route.method == Method::get;
  const auto now = ResponseCache::Clock::now();
  // The gzip and the plain form are kept apart; each is made once. The key
  // is the path and the normalised query, never the raw target.
  // The check comes first: the cache key is the normalised query, and a
  // request the contract refuses ("?=x&limit=3") must not get the answer
  // cached for its well-formed twin ("?limit=3").
  if (route.check) {
    if (auto checked = route.check(req); !checked) return problem(checked.error());
  }
  std::string key;
  if (cacheable) {
    key = cache_key(req, accepts_gzip(req));
    if (auto hit = cache_->get(key, now)) return std::move(*hit);
  }
  PathParams params;
  match(route, path, &params);
  Result<Response> answer = route.handler(req, params);
  Response res = answer ? std::move(*answer) : problem(answer.error());
  if (cacheable && res.status == 200) {
    res.set_header("Cache-Control",
                   "public, max-age=" + std::to_string(route.options.cache_for.count()));
    res.set_header("ETag", entity_tag(res.body));  // computed once, kept with the cached answer
    compress_answer(req, res);
    cache_->put(key, res, now + route.options.cache_for);
  }
  return res;
}

bool Router::blocking(const Request& req) const {
  if (!any_blocking_) return false;
  const auto path = split_path(req.path);
  for (const auto& route : routes_) {
    if (route.options.blocking && route.method == req.method && match(route, path, nullptr))
      return true;
  }
  return false;
}

std::optional<std::size_t> Router::body_limit(Method method, std::string_view path) const {
  if (!any_body_limit_) return std::nullopt;
  const auto segments = split_path(path);
  for (const auto& route : routes_) {
    if (route.options.body_limit > 0 && route.method == method && match(route, segments, nullptr))
      return route.options.body_limit;
  }
  return std::nullopt;
}

Response Router::dispatch(const Request& req, std::string* route_label) const {
  const auto path = split_path(req.path);
  const Method want = req.method == Method::head ? Method::get : req.method;
  std::string allow;
  const Route* path_match = nullptr;
  for (const auto& route : routes_) {
    if (!match(route, path, nullptr)) continue;
    if (!path_match) path_match = &route;
    if (route.method == want) {
      if (route_label) *route_label = route.pattern;
      return call(route, req, path);
    }
    if (!allow.empty()) allow += ", ";
    allow += method_name(route.method);
    if (route.method == Method::get) allow += ", HEAD";
  }
  if (path_match) {
    if (route_label) *route_label = path_match->pattern;
    Response res =
        problem(errors::method_not_allowed(method_name(req.method), req.path, allow), 405);
    res.set_header("Allow", allow);
    return res;
  }
  if (route_label) *route_label = "unmatched";
  if (fallback_ && want == Method::get && !req.path.starts_with("/api/")) {
    if (route_label) *route_label = "static";
    auto answer = fallback_(req, PathParams{});
    return answer ? std::move(*answer) : problem(answer.error());
  }
  return problem(errors::no_route(req.path));
}

}  // namespace stemnet::http
