// monitor/routes.hpp — the monitor's API: indicators, their data as
// JSON-stat 2.0 or CSV, and area profiles. See docs/api.md.
#pragma once

#include "http/router.hpp"
#include "monitor/service.hpp"

namespace stemnet::monitor {

void add_routes(http::Router& router, Service& service);

}  // namespace stemnet::monitor
