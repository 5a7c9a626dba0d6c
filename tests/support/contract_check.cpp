#include "contract_check.hpp"

#include "api/contract.hpp"
#include "api/openapi.hpp"

#include <gtest/gtest.h>

namespace stemnet::testing {

void expect_contract(const std::string& method, const std::string& target,
                     const HttpResponse& res) {
  static const auto contract = [] {
    auto c = api::Contract::load(api::document(), {.responses = true});
    if (!c) throw std::runtime_error(c.error().detail);
    return *c;
  }();
  if (res.status == 0) return;  // no answer: the test says what it expected
  // The front-end's files and pages are not the API.
  const bool api = target.starts_with("/api/") || target.starts_with("/healthz") ||
                   target.starts_with("/readyz") || target.starts_with("/metrics");
  if (!api) return;
  // A load balancer's own answer (nginx's 502 while a server is down) is not the API's.
  if (res.header("server").starts_with("nginx")) return;
  // A compressed body is checked by its status and media type only.
  const std::string body = res.header("content-encoding").empty() ? res.body : std::string();
  auto kept =
      contract->check_response(method, target, res.status, res.header("content-type"), body);
  if (!kept) ADD_FAILURE() << "the answer breaks the API document: " << kept.error().detail;
}

}  // namespace stemnet::testing
