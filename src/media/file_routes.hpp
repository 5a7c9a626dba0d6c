// media/file_routes.hpp — the three routes of an owner's files, the same for
// every owner: POST {collection}/{id}/files (the body is the file, named in
// the query; its type is found in its content; resizing is slow work and
// runs on the blocking threads), GET and DELETE {collection}/{id}/files/{file}.
// The owner's module decides who may: `Owner` has
//   add_file(const Actor&, id, role, name, bytes) -> Result<File>
//   file(const Actor*, id, file_id)               -> Result<Served>
//   remove_file(const Actor&, id, file_id)        -> Result<void>
//
// Example (catalogue/routes.cpp):
//   media::add_file_routes(router, accounts, catalogue, "/api/v1/offers", "material");
#pragma once

#include "accounts/routes.hpp"
#include "http/json.hpp"
#include "http/router.hpp"
#include "media/model.hpp"
#include "media/routes.hpp"
#include "media/service.hpp"

#include <string>

namespace stemnet::media {

template <class Owner>
void add_file_routes(http::Router& router, accounts::Service& accounts, Owner& owner,
                     const std::string& collection, const std::string& default_role) {
  router.post(collection + "/{id}/files",
              [&owner, &accounts, collection, default_role](
                  const http::Request& req, const http::PathParams& p) -> Result<http::Response> {
                STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
                STEMNET_TRY_VOID(http::check_query(req, {"role", "name"}));
                const std::string id(p.get("id"));
                STEMNET_TRY(
                    auto file,
                    owner.add_file(actor, id, req.query_param("role").value_or(default_role),
                                   req.query_param("name").value_or(""), req.body));
                const std::string base = collection + "/" + id;
                http::Response res = http::json(201, file_json(base, file));
                res.set_header("Location", base + "/files/" + file.id);
                return res;
              },
              {.blocking = true, .body_limit = static_cast<std::size_t>(kMaxBytes)});

  router.get(collection + "/{id}/files/{file}",
             [&owner, &accounts](const http::Request& req,
                                 const http::PathParams& p) -> Result<http::Response> {
               auto actor = accounts::maybe_actor(req, accounts);
               STEMNET_TRY(auto out, owner.file(actor ? &*actor : nullptr, std::string(p.get("id")),
                                                std::string(p.get("file"))));
               return file_response(std::move(out.content), out.shared);
             });

  router.del(collection + "/{id}/files/{file}",
             [&owner, &accounts](const http::Request& req,
                                 const http::PathParams& p) -> Result<http::Response> {
               STEMNET_TRY(auto actor, accounts::actor_for_change(req, accounts));
               STEMNET_TRY_VOID(
                   owner.remove_file(actor, std::string(p.get("id")), std::string(p.get("file"))));
               http::Response res;
               res.status = 204;
               return res;
             });
}

}  // namespace stemnet::media
