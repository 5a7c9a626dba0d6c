// contract_check.hpp — every answer an API test receives is checked against
// the API document (api/openapi.yaml), so that a drift between what the
// server sends and what the document says fails a test.
#pragma once

#include "http_client.hpp"

#include <string>

namespace stemnet::testing {

// Adds a test failure when `res`, the answer to `method target`, breaks the
// contract: an operation the document does not have, a status it does not
// declare, a media type the status does not declare, or a JSON body its
// schema refuses (every fault is listed).
void expect_contract(const std::string& method, const std::string& target, const HttpResponse& res);

}  // namespace stemnet::testing
