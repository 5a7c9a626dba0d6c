#include "organisations/service.hpp"

#include "core/clock.hpp"
#include "core/strings.hpp"
#include "db/sql.hpp"
#include "geo/area_code.hpp"
#include "organisations/errors.hpp"

#include <algorithm>

namespace stemnet::organisations {
namespace {

constexpr const char* kColumns =
    "SELECT o.id, o.kind, o.name, o.orgnr, o.municipality_number, m.county_number, o.sector, "
    "o.profile, o.shows,"
    " o.logo_url, o.status, o.created_at FROM organisation o"
    " LEFT JOIN municipality m ON m.number = o.municipality_number";

Organisation from_row(const db::Row& r) {
  return Organisation{r.text(0),     r.text(1),     r.text(2), r.opt_text(3),         r.opt_text(4),
                      r.opt_text(5), r.opt_text(6), r.text(7), split_list(r.text(8)), r.opt_text(9),
                      r.text(10),    r.text(11)};
}

bool member(const accounts::Actor& a, const std::string& id) {
  return a.has("provider_member", id);
}

// The municipality a provider names is in the registry.
Result<void> check_municipality(db::Connection& c, const std::string& number) {
  STEMNET_TRY(auto known, c.query("SELECT 1 FROM municipality WHERE number = $1", {number}));
  if (known.empty()) return errors::municipality_unknown(number);
  return ok();
}

}  // namespace

Result<void> validate(const ProviderInput& in) {
  if (!one_of(in.kind, kProviderKinds)) return errors::kind_invalid();
  if (in.name.empty() || characters(in.name) > 200) return errors::name_invalid(200);
  if (in.kind != "volunteer" && !in.orgnr) return errors::orgnr_required();
  if (in.orgnr && !geo::is_organisation_number(*in.orgnr)) return errors::orgnr_invalid(*in.orgnr);
  if (!in.municipality || !geo::is_municipality_number(*in.municipality)) {
    return errors::municipality_required();
  }
  if (in.sector && !one_of(*in.sector, kSectors)) return errors::sector_invalid(*in.sector);
  if (characters(in.profile) > 4000) return errors::profile_too_long(4000);
  for (const auto& s : in.shows) {
    if (!one_of(s, kShows)) return errors::shows_invalid();
  }
  if (in.logo_url &&
      !(in.logo_url->starts_with("https://") || in.logo_url->starts_with("http://"))) {
    return errors::logo_url_invalid();
  }
  return ok();
}

Result<std::optional<Organisation>> Service::find(db::Connection& c, const std::string& id) {
  STEMNET_TRY(auto rows, c.query(std::string(kColumns) + " WHERE o.id = $1", {id}));
  if (rows.empty()) return std::optional<Organisation>();
  return std::optional<Organisation>(from_row(rows[0]));
}

bool Service::may_see(const accounts::Actor* a, const Organisation& o) const {
  if (o.status == "approved") return true;
  if (!a) return false;
  return a->is_admin() || member(*a, o.id) || (o.county_number && a->coordinates(*o.county_number));
}

Result<Organisation> Service::register_provider(const accounts::Actor& actor,
                                                const ProviderInput& in) {
  STEMNET_TRY_VOID(validate(in));
  STEMNET_TRY(auto conn, pool_.acquire());
  const std::string id = in.orgnr ? "org:" + *in.orgnr : "volunteer:" + actor.person.id;
  auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY_VOID(check_municipality(c, *in.municipality));
    auto inserted = c.execute(
        "INSERT INTO organisation (id, kind, name, orgnr, municipality_number, sector, profile,"
        " shows, logo_url, status, created_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10)",
        {id, in.kind, in.name, in.orgnr, in.municipality, in.sector, in.profile,
         join_list(in.shows), in.logo_url, utc_now_iso()});
    if (!inserted && inserted.error().kind == ErrorKind::conflict) {
      return errors::already_registered();
    }
    if (!inserted) return std::move(inserted).error();
    STEMNET_TRY_VOID(c.execute(
        "INSERT INTO person_role (person_id, role, scope, created_at) VALUES ($1, $2, $3, $4)",
        {actor.person.id, "provider_member", id, utc_now_iso()}));
    return ok();
  });
  if (!done) return std::move(done).error();
  STEMNET_TRY(auto org, find(*conn, id));
  return std::move(*org);
}

Result<Organisation> Service::get(const accounts::Actor* actor, const std::string& id) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto org, find(*conn, id));
  // Someone who may not see it is told it is not there, not that it is hidden.
  if (!org || !may_see(actor, *org)) return errors::not_found(id);
  return std::move(*org);
}

Result<std::vector<Organisation>> Service::list(const accounts::Actor* actor, const ListQuery& q) {
  if (q.kind && !one_of(*q.kind, kProviderKinds)) {
    return errors::filter_invalid(
        "kind", "company, higher_education, science_centre, municipality, volunteer");
  }
  if (q.status && *q.status != "pending" && *q.status != "approved" && *q.status != "rejected") {
    return errors::filter_invalid("status", "pending, approved, rejected");
  }
  if (q.county && !geo::is_county_number(*q.county)) return errors::county_filter_invalid();
  db::Where w;
  if (q.kind) w.add("o.kind = ?", {*q.kind});
  if (q.status) w.add("o.status = ?", {*q.status});
  if (q.county) w.add("m.county_number = ?", {*q.county});
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows,
              conn->query(std::string(kColumns) + w.sql() + " ORDER BY o.name, o.id", w.params()));
  std::vector<Organisation> out;
  for (const auto& r : rows) {
    Organisation o = from_row(r);
    if (may_see(actor, o)) out.push_back(std::move(o));
  }
  return out;
}

Result<Organisation> Service::update_profile(const accounts::Actor& actor, const std::string& id,
                                             const ProviderInput& in) {
  STEMNET_TRY(Organisation org, get(&actor, id));
  if (!member(actor, id) && !actor.is_admin()) return errors::members_only();
  ProviderInput merged = in;
  merged.kind = org.kind;
  merged.orgnr = org.orgnr;  // the organisation number identifies it: not changed here
  STEMNET_TRY_VOID(validate(merged));
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY_VOID(check_municipality(*conn, *merged.municipality));
  STEMNET_TRY_VOID(
      conn->execute("UPDATE organisation SET name = $1, municipality_number = $2, sector = $3,"
                    " profile = $4, shows = $5, logo_url = $6 WHERE id = $7",
                    {merged.name, merged.municipality, merged.sector, merged.profile,
                     join_list(merged.shows), merged.logo_url, id}));
  STEMNET_TRY(auto updated, find(*conn, id));
  return std::move(*updated);
}

Result<Organisation> Service::decide(const accounts::Actor& actor, const std::string& id,
                                     bool approve, const std::string& reason) {
  STEMNET_TRY(Organisation org, get(&actor, id));
  // Svalbard and Jan Mayen are in no county: only an admin decides there.
  if (!actor.is_admin() && (!org.county_number || !actor.coordinates(*org.county_number))) {
    return errors::deciders_only(org.county_number.value_or(""));
  }
  if (org.status != "pending") return errors::already_decided(org.status);
  if (!approve && reason.empty()) return errors::reason_required();
  STEMNET_TRY(auto conn, pool_.acquire());
  auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY(
        std::int64_t changed,
        c.execute("UPDATE organisation SET status = $1 WHERE id = $2 AND status = 'pending'",
                  {approve ? "approved" : "rejected", id}));
    if (changed == 0) return errors::already_decided("decided");  // meanwhile
    // Its members hear of it, in their own language.
    return outbox_.send_to_role(c, "provider_member", id, "organisation_decision",
                                {{"organisation", org.name},
                                 {"decision", approve ? "approved" : "rejected"},
                                 {"reason", reason},
                                 {"link", "/min-side/tilbyder"}},
                                actor.person.id);
  });
  if (!done) return std::move(done).error();
  STEMNET_TRY(auto updated, find(*conn, id));
  return std::move(*updated);
}

}  // namespace stemnet::organisations
