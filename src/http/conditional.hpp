// http/conditional.hpp — entity tags and conditional GET.
//
// Every successful GET/HEAD answer gets a strong ETag computed from its body;
// a request whose If-None-Match names it gets 304 Not Modified with no body.
// Example:
//   Response res = router.dispatch(req);
//   apply_conditional(req, res);
#pragma once

#include "http/message.hpp"

#include <string>
#include <string_view>

namespace stemnet::http {

// A quoted strong entity tag for a body, e.g. "\"9f1c0a2b3d4e5f60\"".
std::string entity_tag(std::string_view body);

// True when an If-None-Match header value matches the tag (weak comparison,
// as RFC 9110 prescribes for If-None-Match; "*" matches anything).
bool none_match(std::string_view if_none_match, std::string_view tag);

// Sets ETag on 200 answers to GET and HEAD, and turns them into 304 when the
// request's If-None-Match matches.
void apply_conditional(const Request& req, Response& res);

}  // namespace stemnet::http
