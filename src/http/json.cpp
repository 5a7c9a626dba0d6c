#include "http/json.hpp"

#include "core/strings.hpp"
#include "http/errors.hpp"
#include "text/json_write.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <cctype>
#include <limits>
#include <optional>
#include <vector>

namespace stemnet::http {
namespace {

Result<void> check_names(const Request& req, const std::vector<std::string_view>& allowed) {
  for (std::size_t i = 0; i < req.query.size(); ++i) {
    const auto& name = req.query[i].first;
    if (name.empty()) {
      // "?&limit=1": an empty pair, not a parameter; "?=1" names nothing.
      if (req.query[i].second.empty()) continue;
      return Error::invalid("", "a query parameter has no name (before '=" +
                                    req.query[i].second.substr(0, 40) + "')");
    }
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      return Error::invalid(name, "unknown query parameter '" + name + "'" +
                                      (list.empty() ? std::string("; this resource takes none")
                                                    : "; this resource takes: " + list));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (req.query[j].first == name)
        return Error::invalid(name, "query parameter '" + name + "' is given twice");
    }
  }
  return ok();
}

}  // namespace

std::optional<std::string> nul_path(const boost::json::value& v, const std::string& path) {
  switch (v.kind()) {
    case boost::json::kind::string:
      if (v.get_string().find('\0') != boost::json::string::npos) return path;
      break;
    case boost::json::kind::array: {
      const auto& a = v.get_array();
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (auto p = nul_path(a[i], path + "[" + std::to_string(i) + "]")) return p;
      }
      break;
    }
    case boost::json::kind::object:
      for (const auto& [key, item] : v.get_object()) {
        const std::string name = path.empty() ? std::string(key) : path + "." + std::string(key);
        if (key.find('\0') != boost::json::string_view::npos) return name;
        if (auto p = nul_path(item, name)) return p;
      }
      break;
    default:
      break;
  }
  return std::nullopt;
}

Result<void> check_query(const Request& req, std::initializer_list<std::string_view> allowed) {
  return check_names(req, std::vector<std::string_view>(allowed));
}

Result<PageRequest> page_request(const Request& req,
                                 std::initializer_list<std::string_view> filters,
                                 std::size_t key_parts) {
  std::vector<std::string_view> allowed(filters);
  allowed.push_back("limit");
  allowed.push_back("cursor");
  STEMNET_TRY_VOID(check_names(req, allowed));
  return PageRequest::parse(req.query_param("limit"), req.query_param("cursor"), key_parts);
}

std::optional<std::string> query_string(const Request& req, std::string_view name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::nullopt;
  return std::string(*v);
}

std::string media_type(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type;
}

Result<void> check_json_media_type(const Request& req) {
  if (media_type(req.header("Content-Type").value_or("")) != "application/json")
    return errors::not_json_media_type();
  return ok();
}

Result<boost::json::object> json_body(const Request& req) {
  STEMNET_TRY_VOID(check_json_media_type(req));
  boost::system::error_code ec;
  auto v = boost::json::parse(req.body, ec);
  if (ec || !v.is_object()) return errors::not_json_object();
  if (auto path = nul_path(v, "")) {
    return Error::invalid(*path, *path + " contains U+0000 (NUL), which no name or text may hold");
  }
  auto& body = v.as_object();
  for (const auto& [name, limit] : kFreeTextLimits) {
    const auto* member = body.if_contains(name);
    if (member && member->is_string() && characters(member->get_string()) > limit) {
      return Error::invalid(std::string(name), std::string(name) + " has at most " +
                                                   std::to_string(limit) + " characters");
    }
  }
  return std::move(body);
}

Response json(int status, const boost::json::value& body) {
  return Response::json(status, text::json_text(body));
}

}  // namespace stemnet::http
