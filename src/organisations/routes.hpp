// organisations/routes.hpp — /api/v1/organisations: register, list, read,
// change a profile, approve or reject. See docs/api.md.
#pragma once

#include "accounts/service.hpp"
#include "http/router.hpp"
#include "organisations/service.hpp"

namespace stemnet::organisations {

void add_routes(http::Router& router, Service& service, accounts::Service& accounts);

}  // namespace stemnet::organisations
