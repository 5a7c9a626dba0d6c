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

// The offer of a row whose first columns are those offers() selects.
OfferRow row_of(const db::Row& r);

// Every offer, or those `where` selects (SQL over `o` = offer, `g` = its
// organisation, e.g. "o.status = 'published'"), ordered by `order`.
Result<std::vector<OfferRow>> offers(db::Connection& c, std::string_view where = {},
                                     const db::Params& params = {}, std::string_view order = {});
Result<std::optional<OfferRow>> find(db::Connection& c, const std::string& id);

// A search, filtered, ordered and cut into pages in the database (keyset
// cursors: a page starts after the last row of the one before, so paging
// costs the same on page 1 and page 100). search.cpp turns the API's query
// into this; search_store.cpp writes it as SQL.
struct OfferSearch {
  enum class Order { title, score, distance };
  // The published offers of approved providers, or with `organisation` its
  // offers (and with `include_unpublished` its drafts and archived ones too).
  std::optional<std::string> organisation;
  bool include_unpublished = false;
  // The full-text query in the database's own syntax (FTS5 or tsquery).
  std::optional<std::string> words;
  std::optional<std::string> format, county, subject;
  std::optional<int> grade;
  std::optional<bool> digital;
  // Only offers on request or with a free slot starting in [from, to].
  std::optional<std::string> slots_from, slots_to;
  // Only offers in reach of a place (digital ones, those in its municipality
  // or whose travel radius reaches it), with their squared distance.
  struct Near {
    double lon = 0, lat = 0;
    std::string municipality;
  };
  std::optional<Near> near;
  Order order = Order::title;
  // The last row of the page before: its sort key ("" for title order), title, id.
  std::vector<std::string> after;
  int limit = 20;
};

struct SearchPage {
  std::vector<OfferRow> rows;
  std::vector<std::optional<std::pair<double, double>>>
      places;                     // each row's municipality (lon, lat)
  long long total = 0;            // rows of every page
  std::vector<std::string> next;  // the `after` of the next page; empty on the last
};

Result<SearchPage> search(db::Connection& c, const OfferSearch& s);

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
