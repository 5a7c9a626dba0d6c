#include "http/problem.hpp"

#include "text/json_write.hpp"

#include <boost/json.hpp>

#include <iostream>
#include <variant>

namespace stemnet::http {
namespace {

boost::json::object params_json(const std::vector<ErrorParam>& params) {
  boost::json::object out;
  for (const auto& p : params) {
    std::visit([&](const auto& v) { out[p.name] = v; }, p.value);
  }
  return out;
}

}  // namespace

std::string_view fallback_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input:
      return "request.invalid";
    case ErrorKind::not_found:
      return "request.not_found";
    case ErrorKind::conflict:
      return "request.conflict";
    case ErrorKind::unprocessable:
      return "request.unprocessable";
    case ErrorKind::too_large:
      return "request.too_large";
    case ErrorKind::unsupported_media:
      return "request.unsupported_media_type";
    case ErrorKind::unauthenticated:
      return "auth.required";
    case ErrorKind::forbidden:
      return "auth.forbidden";
    case ErrorKind::rate_limited:
      return "request.rate_limited";
    case ErrorKind::unavailable:
      return "server.unavailable";
    case ErrorKind::internal:
      break;
  }
  return "server.internal";
}

namespace {

Response render(const Error& error, int status) {
  boost::json::object body;
  body["type"] = std::string(kProblemTypeBase) + (error.type.empty() ? "internal" : error.type);
  body["title"] = error.title.empty() ? "Error" : error.title;
  body["status"] = status;
  body["detail"] = error.where_and_what();
  if (!error.param.empty()) body["param"] = error.param;
  if (!error.file.empty()) body["file"] = error.file;
  if (error.line > 0) body["line"] = error.line;
  body["code"] = error.code.empty() ? fallback_code(error.kind) : std::string_view(error.code);
  if (!error.params.empty()) body["params"] = params_json(error.params);
  if (!error.faults.empty()) {
    boost::json::array errors;
    for (const auto& f : error.faults) {
      boost::json::object item;
      if (f.in_query || !f.parameter.empty()) {
        item["parameter"] = f.parameter;
      } else {
        item["pointer"] = f.pointer;
      }
      item["code"] = f.code;
      if (!f.params.empty()) item["params"] = params_json(f.params);
      item["detail"] = f.detail;
      errors.push_back(std::move(item));
    }
    body["errors"] = std::move(errors);
  }
  Response res{status, "application/problem+json", text::json_text(body), {}};
  if (error.retry_after > 0) res.set_header("Retry-After", std::to_string(error.retry_after));
  if (status == 401) res.set_header("WWW-Authenticate", "Cookie realm=\"stemnet\"");
  return res;
}

}  // namespace

int status_of(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input:
      return 400;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::too_large:
      return 413;
    case ErrorKind::unprocessable:
      return 422;
    case ErrorKind::unsupported_media:
      return 415;
    case ErrorKind::unauthenticated:
      return 401;
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::rate_limited:
      return 429;
    case ErrorKind::unavailable:
      return 503;
    case ErrorKind::internal:
      break;
  }
  return 500;
}

Response problem(const Error& error, int status) {
  if (status == 0) status = status_of(error.kind);
  if (status >= 500 && status != 503) {
    // What failed inside is for the operator's log, not for the caller.
    std::cerr << "stemnet: error: " << error.where_and_what() << std::endl;
    return render(Error{ErrorKind::internal, "internal", "Internal error",
                        "the server failed to answer this request; the operator's log says why"},
                  status);
  }
  return render(error, status);
}

}  // namespace stemnet::http
