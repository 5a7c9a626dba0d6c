// catalogue/store.hpp — the catalogue's offers in SQL: reading an offer with
// its provider's name and status, and writing its fields. One list of the
// columns an offer's author writes serves both the INSERT and the UPDATE, so
// the two cannot drift apart.
//
// Example:
//   STEMNET_TRY(auto row, store::find(c, id));   // std::nullopt when there is none
//   STEMNET_TRY_VOID(store::update(c, offer));
#pragma once

#include "catalogue/model.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stemnet::catalogue::store {

// An offer as stored, with its provider's status (pending, approved, rejected).
struct OfferRow {
  Offer offer;  // without its files (the media module's)
  std::string provider_status;
};

// Every offer, or those `where` selects (SQL over `o` = offer, `g` = its
// organisation, e.g. "o.status = 'published'"), ordered by `order`.
Result<std::vector<OfferRow>> offers(db::Connection& c, std::string_view where = {},
                                     const db::Params& params = {}, std::string_view order = {});
Result<std::optional<OfferRow>> find(db::Connection& c, const std::string& id);

// The owner of an offer's files in the media module: "offer:<id>".
inline std::string media_owner(const std::string& offer_id) { return "offer:" + offer_id; }

// A new offer (all of it: id, provider, status and times too).
Result<void> insert(db::Connection& c, const Offer& o);
// The author's fields and updated_at of offer `o.id`.
Result<void> update(db::Connection& c, const Offer& o);
Result<void> set_status(db::Connection& c, const std::string& id, const std::string& status,
                        const std::string& updated_at);
// updated_at alone (its files changed).
Result<void> touch(db::Connection& c, const std::string& id, const std::string& updated_at);

}  // namespace stemnet::catalogue::store
