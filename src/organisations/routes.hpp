// organisations/routes.hpp — /api/v1/organisations: register, list, read,
// change a profile, approve or reject. See docs/api.md.
#pragma once

#include "accounts/service.hpp"
#include "http/router.hpp"
#include "organisations/members.hpp"
#include "organisations/service.hpp"

namespace stemnet::organisations {

void add_routes(http::Router& router, Service& service, accounts::Service& accounts);
// People: GET/POST …/{id}/members, DELETE …/{id}/members/{person}?role=,
// POST …/{id}/join, GET …/{id}/join-requests, GET /api/v1/me/join-requests,
// POST /api/v1/join-requests/{id}/{approve,reject} (member_routes.cpp).
void add_member_routes(http::Router& router, Members& members, accounts::Service& accounts);

}  // namespace stemnet::organisations
