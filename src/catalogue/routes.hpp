// catalogue/routes.hpp — /api/v1/offers: search, read, write, publish, slots.
#pragma once

#include "accounts/service.hpp"
#include "catalogue/service.hpp"
#include "http/router.hpp"

namespace stemnet::catalogue {

void add_routes(http::Router& router, Service& service, accounts::Service& accounts);

}  // namespace stemnet::catalogue
