// booking/routes.hpp — /api/v1/requests: request an offer, the moves, messages.
#pragma once

#include "accounts/service.hpp"
#include "booking/service.hpp"
#include "http/router.hpp"

namespace stemnet::booking {

void add_routes(http::Router& router, Service& service, accounts::Service& accounts);

}  // namespace stemnet::booking
