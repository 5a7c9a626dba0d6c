// api/openapi.hpp — the HTTP API's contract, api/openapi.yaml, as the server
// holds it.
//
// The YAML document in the repository is the one description of the API
// (issue 13): it is embedded into the binary at build time, read once, served
// as /api/v1/openapi.json, and every request is checked against it before
// its handler runs (api/contract.hpp). Why a hand-written document and not
// one generated from route declarations: the document is what other systems
// read, so it is reviewed as prose and schema together, and the contract test
// (tests/api/contract_test.cpp) keeps router and document in step.
//
// Example:
//   const boost::json::value& doc = api::document();
//   doc.at("info").at("version");
#pragma once

#include "core/result.hpp"

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace stemnet::api {

// The embedded api/openapi.yaml as JSON, read on first use. A document that
// does not read is a build error caught by the tests, so this aborts on one.
const boost::json::value& document();
// document() as compact JSON text, for /api/v1/openapi.json.
const std::string& document_text();

// A YAML 1.2 text as JSON under the core schema: plain scalars `null`, `~`,
// `true`, `false`, integers and floats become those; every quoted or other
// scalar is a string; mapping keys are strings. Anchors and aliases are
// followed. Fails naming the line of a YAML syntax error.
Result<boost::json::value> yaml_to_json(std::string_view yaml);

}  // namespace stemnet::api
