// registry/routes.hpp — the read-side API of the registry (/api/v1/counties,
// municipalities, schools, institutions). See docs/api.md.
#pragma once

#include "http/router.hpp"
#include "registry/service.hpp"

namespace stemnet::registry {

void add_routes(http::Router& router, Service& service);

}  // namespace stemnet::registry
