// catalogue/service.hpp — offers and their slots: who may write them, and
// how schools find them.
//
// Rules: members of a provider (or an admin) create and change its offers;
// an offer is published only when its provider is approved; the public sees
// published offers of approved providers; drafts stay with their provider.
// Search: full text over title, description, subjects and provider (folded
// like names: case, diacritics, æøå as ae/oe/aa; each word matches as a
// prefix, so "energi" finds "energien"), ranked by relevance (BM25); filters
// for municipality or nearness to a school (digital offers, the provider's
// own municipality, or within its travel radius, in straight-line km between
// label points), format, subject, grade, date and digital.
// Example:
//   auto page = svc.search({.q = "fornybar energi", .near = "974795655", .grade = 9});
#pragma once

#include "accounts/model.hpp"
#include "catalogue/model.hpp"
#include "catalogue/store.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "media/service.hpp"

#include <optional>
#include <string>
#include <vector>

namespace stemnet::catalogue {

struct SearchQuery {
  std::optional<std::string> q, municipality, near, format, subject, from, to;
  std::optional<std::string> organisation;  // one provider's offers
  std::optional<std::string> county;        // offers placed in the county
  bool include_unpublished = false;  // with `organisation`: drafts and archived too (its members)
  std::optional<int> grade;
  std::optional<bool> digital;
  int limit = PageRequest::kDefaultLimit;
  // The cursor's keys: where the page before ended (sort key, title, id).
  std::vector<std::string> after;
};

class Service {
 public:
  explicit Service(db::Pool& pool) : pool_(pool) {}

  // Builds the full-text index if the database has none (SQLite FTS5).
  Result<void> prepare();

  Result<Offer> create(const accounts::Actor& actor, const std::string& organisation_id, Offer in);
  Result<Offer> update(const accounts::Actor& actor, const std::string& id, Offer in);
  Result<Offer> set_status(const accounts::Actor& actor, const std::string& id,
                           const std::string& status);
  Result<Offer> get(const accounts::Actor* actor, const std::string& id);
  // A new draft with everything of offer `id` but its slots, files included.
  Result<Offer> copy(const accounts::Actor& actor, const std::string& id);
  // A file added to an offer (role material or picture), checked by content.
  Result<media::File> add_file(const accounts::Actor& actor, const std::string& offer_id,
                               std::string_view role, std::string_view name,
                               std::string_view bytes);
  Result<void> remove_file(const accounts::Actor& actor, const std::string& offer_id,
                           const std::string& file_id);
  // One file of an offer the actor may see; shared when the offer is published.
  Result<media::Served> file(const accounts::Actor* actor, const std::string& offer_id,
                             const std::string& file_id);
  Result<Page<Offer>> search(const SearchQuery& q);
  Result<Slot> add_slot(const accounts::Actor& actor, const std::string& offer_id, Slot slot);
  Result<std::vector<Slot>> slots(const accounts::Actor* actor, const std::string& offer_id);

 private:
  Result<void> index(db::Connection& c, const Offer& o);
  // The offer if the actor may see it (offer_not_found otherwise), and if the
  // actor may change it (members_only).
  Result<store::OfferRow> visible(db::Connection& c, const accounts::Actor* actor,
                                  const std::string& id);
  Result<store::OfferRow> owned(db::Connection& c, const accounts::Actor& actor,
                                const std::string& id);
  Result<Offer> insert(const std::string& organisation_id, Offer in,
                       const std::optional<std::string>& files_from);
  db::Pool& pool_;
  media::Service media_;
  bool fts_ = false;
};

// Checks an offer's fields; Error::invalid naming the field.
Result<void> validate(const Offer& o);

}  // namespace stemnet::catalogue
