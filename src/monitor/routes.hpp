// monitor/routes.hpp — the monitor's API: indicators, their data as
// JSON-stat 2.0 or CSV, and area profiles. See docs/api.md.
#pragma once

#include "accounts/service.hpp"
#include "http/router.hpp"
#include "monitor/service.hpp"

namespace stemnet::monitor {

// Reads are public; setting, changing and retiring a target needs a
// coordinator of the area's county or an admin (monitor/targets.hpp).
void add_routes(http::Router& router, Service& service, accounts::Service& accounts);

}  // namespace stemnet::monitor
