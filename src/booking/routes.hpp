// booking/routes.hpp — /api/v1/requests: request an offer, the moves, messages;
// /api/v1/open-requests: wishes for any provider.
#pragma once

#include "accounts/service.hpp"
#include "booking/open_request.hpp"
#include "booking/service.hpp"
#include "http/router.hpp"

#include <boost/json/value.hpp>

namespace stemnet::booking {

void add_routes(http::Router& router, Service& service, accounts::Service& accounts);
// /api/v1/open-requests: post, list, answer, take, withdraw (open_routes.cpp).
void add_open_request_routes(http::Router& router, OpenRequests& open, accounts::Service& accounts);

// A request as the API shows it (also the answer of taking an open request).
boost::json::value request_json(const BookingRequest& r);

}  // namespace stemnet::booking
