// problem_codes.hpp — reading the stable code of a problem+json answer in
// API tests: the problem's own `code`, the code of its first fault
// (`errors[0].code`, for rules about one member) and its `params`.
//
// Example:
//   auto res = api_call(port, "POST", "/api/v1/auth/login", nullptr, wrong);
//   EXPECT_EQ(problem_code(res), "auth.wrong_password");
//   EXPECT_EQ(fault_code(res), "accounts.weak_password");   // errors[0].code
#pragma once

#include "http_client.hpp"

#include <boost/json.hpp>

#include <string>

namespace stemnet::testing {

// The problem's `code`, or "" (and the body, for the test's message) when the
// answer is not a problem with one.
inline std::string problem_code(const HttpResponse& res) {
  boost::system::error_code ec;
  auto v = boost::json::parse(res.body, ec);
  if (ec || !v.is_object()) return "(not JSON: " + res.body.substr(0, 200) + ")";
  const auto* code = v.as_object().if_contains("code");
  return code && code->is_string() ? std::string(code->as_string()) : "(no code: " + res.body + ")";
}

// "<pointer or parameter> <code>" of the first fault, e.g. "/password accounts.weak_password".
inline std::string fault_code(const HttpResponse& res) {
  boost::system::error_code ec;
  auto v = boost::json::parse(res.body, ec);
  if (ec || !v.is_object()) return "(not JSON: " + res.body.substr(0, 200) + ")";
  const auto* errors = v.as_object().if_contains("errors");
  if (!errors || !errors->is_array() || errors->as_array().empty())
    return "(no faults: " + res.body + ")";
  const auto& f = errors->as_array()[0].as_object();
  const auto* where = f.if_contains("pointer");
  if (!where) where = f.if_contains("parameter");
  return (where ? std::string(where->as_string()) : std::string("?")) + " " +
         std::string(f.at("code").as_string());
}

// The refusal in one line: the problem's code, or for a validation problem
// "<pointer or parameter> <code>" of its first fault ("/ends_at
// catalogue.slot_ends_before_start"), so one table can hold both kinds.
inline std::string refusal(const HttpResponse& res) {
  const std::string code = problem_code(res);
  return code == "validation.failed" ? fault_code(res) : code;
}

// A value of the problem's `params` (or of its first fault's), as text; "" when absent.
inline std::string problem_param(const HttpResponse& res, const std::string& name) {
  boost::system::error_code ec;
  auto v = boost::json::parse(res.body, ec);
  if (ec || !v.is_object()) return "";
  auto text = [&](const boost::json::value* params) -> std::string {
    if (!params || !params->is_object()) return "";
    const auto* p = params->as_object().if_contains(name);
    if (!p) return "";
    if (p->is_string()) return std::string(p->as_string());
    return boost::json::serialize(*p);
  };
  const auto& o = v.as_object();
  if (auto t = text(o.if_contains("params")); !t.empty()) return t;
  const auto* errors = o.if_contains("errors");
  if (errors && errors->is_array() && !errors->as_array().empty())
    return text(errors->as_array()[0].as_object().if_contains("params"));
  return "";
}

}  // namespace stemnet::testing
