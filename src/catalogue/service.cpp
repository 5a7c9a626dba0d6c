#include "catalogue/service.hpp"

#include "accounts/secrets.hpp"
#include "catalogue/errors.hpp"
#include "core/clock.hpp"
#include "core/strings.hpp"
#include "core/time.hpp"
#include "geo/area_code.hpp"
#include "text/normalize.hpp"

#include <algorithm>
#include <regex>

namespace stemnet::catalogue {
namespace {

bool may_write(const accounts::Actor& a, const std::string& organisation_id) {
  return a.is_admin() || a.has("provider_member", organisation_id);
}

}  // namespace

Result<void> validate(const Offer& o) {
  if (o.title.empty() || characters(o.title) > 200) return errors::title_length();
  if (o.description.empty() || characters(o.description) > 10000)
    return errors::description_length();
  if (!one_of(o.format, kFormats)) return errors::unknown_format(o.format);
  if (o.subjects.empty()) return errors::subjects_required();
  for (std::size_t i = 0; i < o.subjects.size(); ++i) {
    if (!one_of(o.subjects[i], kSubjects)) return errors::unknown_subject(i, o.subjects[i]);
  }
  if (o.grade_min < 1 || o.grade_max > 13 || o.grade_min > o.grade_max)
    return errors::grades_invalid();
  if (o.languages.empty()) return errors::languages_required();
  if (o.capacity < 1 || o.capacity > 10000) return errors::capacity_out_of_range();
  if (!o.digital &&
      (!o.municipality_number || !geo::is_municipality_number(*o.municipality_number))) {
    return errors::municipality_required();
  }
  if (o.travel_radius_km < 0 || o.travel_radius_km > 2000)
    return errors::travel_radius_out_of_range();
  if (o.duration_minutes < 1 || o.duration_minutes > 60 * 24 * 14)
    return errors::duration_out_of_range();
  if (o.cost_nok < 0) return errors::cost_negative();
  if (o.materials.size() > static_cast<std::size_t>(kMaxMaterials))
    return errors::materials_too_many(kMaxMaterials);
  for (std::size_t i = 0; i < o.materials.size(); ++i) {
    if (o.materials[i].empty() ||
        characters(o.materials[i]) > static_cast<std::size_t>(kMaxMaterialCharacters))
      return errors::material_length(i, kMaxMaterialCharacters);
  }
  if (o.preparation_minutes < 0 || o.preparation_minutes > 60 * 24 * 7)
    return errors::preparation_out_of_range();
  if (o.curriculum.size() > static_cast<std::size_t>(kMaxCurriculum))
    return errors::curriculum_too_many(kMaxCurriculum);
  static const std::regex code(R"([A-Z]{2,4}[0-9]{2}-[0-9]{2})");
  for (std::size_t i = 0; i < o.curriculum.size(); ++i) {
    if (o.curriculum[i].size() > 12 || !std::regex_match(o.curriculum[i], code))
      return errors::curriculum_code_invalid(i, o.curriculum[i]);
  }
  return ok();
}

namespace {

// A municipality number that has the right shape but is not in the registry
// is the caller's mistake, named at its field (not the database's foreign key).
Result<void> known_municipality(db::Connection& c, const std::optional<std::string>& number) {
  if (!number) return ok();
  STEMNET_TRY(auto found, c.query("SELECT 1 FROM municipality WHERE number = $1", {*number}));
  if (found.empty()) return errors::municipality_unknown(*number);
  return ok();
}

}  // namespace

Result<void> Service::prepare() {
  STEMNET_TRY(auto conn, pool_.acquire());
  // The words of each offer, folded by text::search_key (so that ø and oe,
  // å and aa are one), in the database's own full-text index: FTS5 on
  // SQLite; on PostgreSQL a tsvector of the 'simple' configuration (no
  // stemming, as FTS5's unicode61), so both find the same offers.
  if (conn->dialect() == "postgresql") {
    STEMNET_TRY_VOID(conn->execute_script(
        "CREATE TABLE IF NOT EXISTS offer_search (offer_id TEXT PRIMARY KEY, body TEXT NOT NULL,"
        " words tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED);"
        "CREATE INDEX IF NOT EXISTS offer_search_words ON offer_search USING gin (words)"));
  } else {
    STEMNET_TRY_VOID(conn->execute_script(
        "CREATE VIRTUAL TABLE IF NOT EXISTS offer_search USING fts5(offer_id UNINDEXED, body,"
        " tokenize = 'unicode61')"));
  }
  fts_ = true;
  // The index is derived data: when it does not cover every offer (a new or
  // a dropped index), it is rebuilt from the offers.
  STEMNET_TRY(auto indexed, conn->query("SELECT COUNT(*) FROM offer_search"));
  STEMNET_TRY(auto offers, store::offers(*conn));
  if (indexed.at(0).integer(0) == static_cast<std::int64_t>(offers.size())) return ok();
  return db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY_VOID(c.execute("DELETE FROM offer_search"));
    for (const auto& r : offers) STEMNET_TRY_VOID(index(c, r.offer));
    return ok();
  });
}

Result<void> Service::index(db::Connection& c, const Offer& o) {
  if (!fts_) return ok();
  STEMNET_TRY_VOID(c.execute("DELETE FROM offer_search WHERE offer_id = $1", {o.id}));
  std::string body =
      o.title + " " + o.description + " " + join_list(o.subjects) + " " + o.organisation_name;
  std::replace(body.begin(), body.end(), '_', ' ');
  STEMNET_TRY_VOID(c.execute("INSERT INTO offer_search (offer_id, body) VALUES ($1, $2)",
                             {o.id, text::search_key(body)}));
  return ok();
}

Result<Offer> Service::create(const accounts::Actor& actor, const std::string& organisation_id,
                              Offer in) {
  if (!may_write(actor, organisation_id)) return errors::members_only(organisation_id);
  STEMNET_TRY_VOID(validate(in));
  return insert(organisation_id, std::move(in), std::nullopt);
}

// A new draft of `in` for the organisation, with the files of offer
// `files_from` copied (a copied offer), in one transaction.
Result<Offer> Service::insert(const std::string& organisation_id, Offer in,
                              const std::optional<std::string>& files_from) {
  in.id = accounts::random_token().substr(0, 16);
  in.organisation_id = organisation_id;
  in.status = "draft";
  in.created_at = in.updated_at = utc_now_iso();
  in.files.clear();
  STEMNET_TRY(auto conn, pool_.acquire());
  auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY(auto org,
                c.query("SELECT name FROM organisation WHERE id = $1 AND kind <> 'school'",
                        {organisation_id}));
    if (org.empty()) return errors::provider_not_found(organisation_id);
    in.organisation_name = org[0].text(0);
    STEMNET_TRY_VOID(known_municipality(c, in.municipality_number));
    STEMNET_TRY_VOID(store::insert(c, in));
    if (files_from) {
      STEMNET_TRY_VOID(
          media_.copy_all(c, store::media_owner(*files_from), store::media_owner(in.id)));
      STEMNET_TRY(in.files, media_.list(c, store::media_owner(in.id)));
    }
    return index(c, in);
  });
  if (!done) return std::move(done).error();
  return in;
}

Result<store::OfferRow> Service::visible(db::Connection& c, const accounts::Actor* actor,
                                         const std::string& id) {
  STEMNET_TRY(auto row, store::find(c, id));
  if (!row) return errors::offer_not_found(id);
  const bool open = row->offer.status == "published" && row->provider_status == "approved";
  if (!open && !(actor && may_write(*actor, row->offer.organisation_id)))
    return errors::offer_not_found(id);
  return std::move(*row);
}

Result<store::OfferRow> Service::owned(db::Connection& c, const accounts::Actor& actor,
                                       const std::string& id) {
  STEMNET_TRY(auto row, visible(c, &actor, id));
  if (!may_write(actor, row.offer.organisation_id))
    return errors::members_only(row.offer.organisation_id);
  return row;
}

Result<Offer> Service::update(const accounts::Actor& actor, const std::string& id, Offer in) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto current, owned(*conn, actor, id));
  STEMNET_TRY_VOID(validate(in));
  in.id = current.offer.id;
  in.organisation_id = current.offer.organisation_id;
  in.organisation_name = current.offer.organisation_name;
  in.status = current.offer.status;
  in.created_at = current.offer.created_at;
  in.updated_at = utc_now_iso();
  auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY_VOID(known_municipality(c, in.municipality_number));
    STEMNET_TRY_VOID(store::update(c, in));
    return index(c, in);
  });
  if (!done) return std::move(done).error();
  return in;
}

Result<Offer> Service::set_status(const accounts::Actor& actor, const std::string& id,
                                  const std::string& status) {
  if (status != "published" && status != "archived" && status != "draft") {
    return Error::internal("status is draft, published or archived, not '" + status + "'");
  }
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto row, owned(*conn, actor, id));
  if (status == "published" && row.provider_status != "approved") {
    return errors::provider_not_approved();
  }
  STEMNET_TRY_VOID(store::set_status(*conn, id, status, utc_now_iso()));
  row.offer.status = status;
  STEMNET_TRY(row.offer.files, media_.list(*conn, store::media_owner(id)));
  return std::move(row.offer);
}

Result<Offer> Service::get(const accounts::Actor* actor, const std::string& id) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto row, visible(*conn, actor, id));
  STEMNET_TRY(row.offer.files, media_.list(*conn, store::media_owner(row.offer.id)));
  return std::move(row.offer);
}

Result<Slot> Service::add_slot(const accounts::Actor& actor, const std::string& offer_id,
                               Slot slot) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto row, owned(*conn, actor, offer_id));
  STEMNET_TRY(Minute starts, read_minute("starts_at", slot.starts_at));
  STEMNET_TRY(Minute ends, read_minute("ends_at", slot.ends_at));
  if (ends <= starts) return errors::slot_ends_before_start();
  if (slot.capacity < 1 || slot.capacity > 100) return errors::slot_capacity_out_of_range();
  slot.id = accounts::random_token().substr(0, 16);
  slot.offer_id = row.offer.id;
  slot.booked = 0;
  STEMNET_TRY_VOID(
      conn->execute("INSERT INTO offer_slot (id, offer_id, starts_at, ends_at, capacity, booked)"
                    " VALUES ($1, $2, $3, $4, $5, 0)",
                    {slot.id, slot.offer_id, slot.starts_at, slot.ends_at, slot.capacity}));
  return slot;
}

Result<std::vector<Slot>> Service::slots(const accounts::Actor* actor,
                                         const std::string& offer_id) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto row, visible(*conn, actor, offer_id));
  const Offer& o = row.offer;
  STEMNET_TRY(
      auto rows,
      conn->query("SELECT id, offer_id, starts_at, ends_at, capacity, booked FROM offer_slot"
                  " WHERE offer_id = $1 ORDER BY starts_at, id",
                  {o.id}));
  std::vector<Slot> out;
  for (const auto& r : rows) {
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), static_cast<int>(r.integer(4)),
                   static_cast<int>(r.integer(5))});
  }
  return out;
}

}  // namespace stemnet::catalogue
