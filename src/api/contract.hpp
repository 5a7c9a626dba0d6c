// api/contract.hpp — every request checked against the API document before
// its handler runs.
//
// For each operation of the OpenAPI document, the query string and the JSON
// body are validated by JSON Schema (valijson): a wrong type, a missing or
// unknown member, a number out of range, a string too long, a value not in
// its list. Every fault is reported, each with its JSON pointer (body) or
// parameter name (query), a stable code and its parameters, in one 400
// problem (code `validation.failed`):
//   {"code": "validation.failed", "errors": [
//     {"pointer": "/pupils", "code": "validation.out_of_range",
//      "params": {"min": 1, "max": 1000}, "detail": "..."}]}
// Query values are text; a parameter declared integer, number or boolean is
// read as one when it is written as one, and is a type fault otherwise. An
// empty value of a text parameter counts as absent.
//
// Example (app/serve.cpp):
//   auto contract = api::Contract::load(api::document());
//   router.set_checks([&](http::Method m, const std::string& p) {
//     return (*contract)->check_for(m, p);
//   });
#pragma once

#include "core/result.hpp"
#include "http/router.hpp"

#include <boost/json/value.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stemnet::api {

class Contract {
 public:
  struct Options {
    // Also compile every response's schema, for check_response (tests); the
    // server does not need them.
    bool responses = false;
  };
  // Compiles every operation of an OpenAPI 3.1 document. Fails naming the
  // operation whose schema does not compile.
  static Result<std::shared_ptr<const Contract>> load(const boost::json::value& document,
                                                      Options options);
  static Result<std::shared_ptr<const Contract>> load(const boost::json::value& document) {
    return load(document, Options{});
  }
  ~Contract();
  Contract(const Contract&) = delete;
  Contract& operator=(const Contract&) = delete;

  // The check of the operation `method pattern` (pattern as the router
  // writes it, "/api/v1/offers/{id}"); an empty function when the document
  // has no such operation. The check lives as long as the contract.
  http::Check check_for(http::Method method, const std::string& pattern) const;

  // Whether an answer the server gave keeps the contract (load with
  // responses): its status is one the operation declares, its media type one
  // that status declares, and a JSON body validates against its schema.
  // `target` is the request's path and query as sent. Answers the router
  // gives for paths and methods the document does not have (404, 405), and
  // the statuses every route may give before routing (413, 503), pass.
  // Fails with every fault in `faults`.
  Result<void> check_response(std::string_view method, std::string_view target, int status,
                              std::string_view content_type, std::string_view body) const;

  // Every operation of the document as (method, path).
  std::vector<std::pair<http::Method, std::string>> operations() const;

  // The most faults one answer lists; the rest are counted in its detail.
  static constexpr std::size_t kMaxFaults = 50;

 private:
  struct Impl;
  Contract();
  std::unique_ptr<Impl> impl_;
};

}  // namespace stemnet::api
