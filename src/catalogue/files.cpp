// catalogue/files.cpp — an offer's files (worksheets, pictures) and copies of
// an offer: the catalogue decides who may, the media module stores them.
#include "accounts/secrets.hpp"
#include "catalogue/errors.hpp"
#include "catalogue/service.hpp"
#include "catalogue/store.hpp"
#include "core/clock.hpp"
#include "media/errors.hpp"

namespace stemnet::catalogue {

Result<Offer> Service::copy(const accounts::Actor& actor, const std::string& id) {
  STEMNET_TRY(auto from, [&]() -> Result<store::OfferRow> {
    STEMNET_TRY(auto conn, pool_.acquire());
    return owned(*conn, actor, id);
  }());
  const std::string organisation_id = from.offer.organisation_id;
  return insert(organisation_id, std::move(from.offer), id);
}

Result<media::File> Service::add_file(const accounts::Actor& actor, const std::string& offer_id,
                                      std::string_view role, std::string_view name,
                                      std::string_view bytes) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto row, owned(*conn, actor, offer_id));
  const Offer& o = row.offer;
  if (role != "material" && role != "picture") return media::errors::role_invalid(role);
  // Checking and resizing are the slow part: before the transaction.
  STEMNET_TRY(auto ready, media_.prepare(role, name, bytes));
  std::optional<media::File> added;
  STEMNET_TRY_VOID(db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY(added, media_.add(c, store::media_owner(o.id), std::move(ready)));
    return store::touch(c, o.id, utc_now_iso());
  }));
  return std::move(*added);
}

Result<void> Service::remove_file(const accounts::Actor& actor, const std::string& offer_id,
                                  const std::string& file_id) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto row, owned(*conn, actor, offer_id));
  return db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY_VOID(media_.remove(c, store::media_owner(row.offer.id), file_id));
    return store::touch(c, row.offer.id, utc_now_iso());
  });
}

Result<media::Served> Service::file(const accounts::Actor* actor, const std::string& offer_id,
                                    const std::string& file_id) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto row, visible(*conn, actor, offer_id));
  STEMNET_TRY(auto content, media_.get(*conn, store::media_owner(row.offer.id), file_id));
  const bool published = row.offer.status == "published" && row.provider_status == "approved";
  return media::Served{std::move(content), published};
}

}  // namespace stemnet::catalogue
