#include "organisations/service.hpp"

#include "accounts/service.hpp"
#include "core/clock.hpp"
#include "core/strings.hpp"
#include "db/sql.hpp"
#include "geo/area_code.hpp"
#include "media/errors.hpp"
#include "organisations/errors.hpp"

#include <algorithm>

namespace stemnet::organisations {
namespace {

constexpr const char* kColumns =
    "SELECT o.id, o.kind, o.name, o.orgnr, o.municipality_number, m.county_number, o.sector,"
    " o.profile, o.recruits_for, o.contact_name, o.contact_title, o.contact_email,"
    " o.contact_phone, o.website, o.field, o.affiliation, o.status, o.created_at"
    " FROM organisation o LEFT JOIN municipality m ON m.number = o.municipality_number";

Organisation from_row(const db::Row& r) {
  Organisation o;
  o.id = r.text(0);
  o.kind = r.text(1);
  o.name = r.text(2);
  o.orgnr = r.opt_text(3);
  o.municipality_number = r.opt_text(4);
  o.county_number = r.opt_text(5);
  o.sector = r.opt_text(6);
  o.profile = r.text(7);
  o.recruits_for = split_list(r.text(8));
  o.contact = {r.opt_text(9), r.opt_text(10), r.opt_text(11), r.opt_text(12)};
  o.website = r.opt_text(13);
  o.field = r.opt_text(14);
  o.affiliation = r.opt_text(15);
  o.status = r.text(16);
  o.created_at = r.text(17);
  return o;
}

// The columns a provider writes, in kWritten's order, after id.
std::vector<db::Value> written(const ProviderInput& in) {
  return {in.name,
          in.municipality,
          in.sector,
          in.profile,
          join_list(in.recruits_for),
          in.contact.name,
          in.contact.title,
          in.contact.email,
          in.contact.phone,
          in.website,
          in.field,
          in.affiliation};
}
constexpr const char* kWritten[] = {
    "name",         "municipality_number", "sector",        "profile",       "recruits_for",
    "contact_name", "contact_title",       "contact_email", "contact_phone", "website",
    "field",        "affiliation"};

bool too_long(const std::optional<std::string>& text, std::size_t max) {
  return text && characters(*text) > max;
}

std::string media_owner(const std::string& id) { return "organisation:" + id; }

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
  for (const auto& s : in.recruits_for) {
    if (!one_of(s, kRecruitsFor)) return errors::recruits_for_invalid();
  }
  if (in.website && (!in.website->starts_with("https://") || in.website->size() <= 8 ||
                     in.website->find_first_of(" \t\r\n<>\"") != std::string::npos)) {
    return errors::website_invalid();
  }
  if (too_long(in.website, 300)) return errors::text_too_long("/website", 300);
  if (too_long(in.contact.name, 200)) return errors::text_too_long("/contact/name", 200);
  if (too_long(in.contact.title, 200)) return errors::text_too_long("/contact/title", 200);
  if (in.contact.email && !accounts::normalise_email(*in.contact.email)) {
    return errors::contact_email_invalid();
  }
  if (in.contact.phone) {
    const std::string& p = *in.contact.phone;
    const auto digits =
        std::count_if(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool shaped = std::all_of(p.begin(), p.end(),
                                    [](char c) { return (c >= '0' && c <= '9') || c == ' '; }) ||
                        (p.starts_with('+') && std::all_of(p.begin() + 1, p.end(), [](char c) {
                           return (c >= '0' && c <= '9') || c == ' ';
                         }));
    if (!shaped || digits < 8 || digits > 15) return errors::contact_phone_invalid();
  }
  if (too_long(in.field, 200)) return errors::text_too_long("/field", 200);
  if (too_long(in.affiliation, 200)) return errors::text_too_long("/affiliation", 200);
  // A role model is a person: what they work with or study, and where.
  if (in.kind == "volunteer") {
    if (!in.field) return errors::role_model_field_required();
    if (!in.affiliation) return errors::role_model_affiliation_required();
  }
  return ok();
}

Result<std::optional<Organisation>> Service::find(db::Connection& c, const std::string& id) {
  STEMNET_TRY(auto rows, c.query(std::string(kColumns) + " WHERE o.id = $1", {id}));
  if (rows.empty()) return std::optional<Organisation>();
  Organisation o = from_row(rows[0]);
  STEMNET_TRY(o.files, media_.list(c, media_owner(o.id)));
  return std::optional<Organisation>(std::move(o));
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
    std::vector<db::Value> params{id, in.kind, in.orgnr, utc_now_iso()};
    std::string columns = "id, kind, orgnr, created_at, status",
                values = "$1, $2, $3, $4, 'pending'";
    for (std::size_t i = 0; i < std::size(kWritten); ++i) {
      columns += std::string(", ") + kWritten[i];
      values += ", $" + std::to_string(params.size() + 1 + i);
    }
    for (auto& v : written(in)) params.push_back(std::move(v));
    auto inserted =
        c.execute("INSERT INTO organisation (" + columns + ") VALUES (" + values + ")", params);
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
  std::vector<std::string> owners;
  for (const auto& r : rows) {
    Organisation o = from_row(r);
    if (!may_see(actor, o)) continue;
    owners.push_back(media_owner(o.id));
    out.push_back(std::move(o));
  }
  STEMNET_TRY(auto files, media_.list_many(*conn, owners));
  for (auto& o : out) {
    if (auto f = files.find(media_owner(o.id)); f != files.end()) o.files = std::move(f->second);
  }
  return out;
}

Result<Organisation> Service::changeable(const accounts::Actor& actor, const std::string& id) {
  STEMNET_TRY(Organisation org, get(&actor, id));
  if (!member(actor, id) && !actor.is_admin()) return errors::members_only();
  return org;
}

Result<Organisation> Service::update_profile(const accounts::Actor& actor, const std::string& id,
                                             const ProviderInput& in) {
  STEMNET_TRY(Organisation org, changeable(actor, id));
  ProviderInput merged = in;
  merged.kind = org.kind;
  merged.orgnr = org.orgnr;  // the organisation number identifies it: not changed here
  STEMNET_TRY_VOID(validate(merged));
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY_VOID(check_municipality(*conn, *merged.municipality));
  std::vector<db::Value> params = written(merged);
  std::string sets;
  for (std::size_t i = 0; i < std::size(kWritten); ++i) {
    sets += (i ? ", " : "") + std::string(kWritten[i]) + " = $" + std::to_string(i + 1);
  }
  params.push_back(id);
  STEMNET_TRY_VOID(conn->execute(
      "UPDATE organisation SET " + sets + " WHERE id = $" + std::to_string(params.size()), params));
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

Result<media::File> Service::add_file(const accounts::Actor& actor, const std::string& id,
                                      std::string_view role, std::string_view name,
                                      std::string_view bytes) {
  STEMNET_TRY(Organisation org, changeable(actor, id));
  if (role != "logo" && role != "picture") return media::errors::role_invalid(role);
  // Checking and resizing are the slow part: before taking a connection.
  STEMNET_TRY(auto ready, media_.prepare(role, name, bytes));
  STEMNET_TRY(auto conn, pool_.acquire());
  std::optional<media::File> added;
  STEMNET_TRY_VOID(db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY(added, media_.add(c, media_owner(org.id), std::move(ready)));
    return ok();
  }));
  return std::move(*added);
}

Result<void> Service::remove_file(const accounts::Actor& actor, const std::string& id,
                                  const std::string& file_id) {
  STEMNET_TRY(Organisation org, changeable(actor, id));
  STEMNET_TRY(auto conn, pool_.acquire());
  return db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    return media_.remove(c, media_owner(org.id), file_id);
  });
}

Result<media::Served> Service::file(const accounts::Actor* actor, const std::string& id,
                                    const std::string& file_id) {
  STEMNET_TRY(Organisation org, get(actor, id));
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto content, media_.get(*conn, media_owner(org.id), file_id));
  return media::Served{std::move(content), org.status == "approved"};
}

}  // namespace stemnet::organisations
