#include "catalogue/service.hpp"

#include "accounts/secrets.hpp"
#include "catalogue/errors.hpp"
#include "core/clock.hpp"
#include "core/strings.hpp"
#include "core/time.hpp"
#include "geo/area_code.hpp"
#include "geo/point.hpp"
#include "media/errors.hpp"
#include "text/normalize.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <ctime>
#include <map>
#include <regex>
#include <set>

namespace stemnet::catalogue {
namespace {

constexpr const char* kColumns =
    "SELECT o.id, o.organisation_id, g.name, o.title, o.description, o.format, o.subjects, "
    "o.languages,"
    " o.grade_min, o.grade_max, o.capacity, o.digital, o.municipality_number, o.address, "
    "o.travel_radius_km,"
    " o.duration_minutes, o.cost_nok, o.preparation, o.on_request, o.kit_before, o.kit_during, "
    "o.kit_after,"
    " o.status, o.created_at, o.updated_at, g.status, o.materials, o.preparation_minutes,"
    " o.curriculum FROM offer o JOIN organisation g ON g.id = o.organisation_id";

std::string owner_of(const std::string& offer_id) { return "offer:" + offer_id; }

std::string materials_text(const std::vector<std::string>& items) {
  boost::json::array a(items.begin(), items.end());
  return boost::json::serialize(a);
}

std::vector<std::string> materials_from(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& item : v.as_array()) {
    if (item.is_string()) out.emplace_back(item.as_string());
  }
  return out;
}

struct Row {
  Offer offer;
  std::string provider_status;
};

Row from_row(const db::Row& r) {
  Offer o;
  o.id = r.text(0);
  o.organisation_id = r.text(1);
  o.organisation_name = r.text(2);
  o.title = r.text(3);
  o.description = r.text(4);
  o.format = r.text(5);
  o.subjects = split_list(r.text(6));
  o.languages = split_list(r.text(7));
  o.grade_min = static_cast<int>(r.integer(8));
  o.grade_max = static_cast<int>(r.integer(9));
  o.capacity = static_cast<int>(r.integer(10));
  o.digital = r.integer(11) != 0;
  o.municipality_number = r.opt_text(12);
  o.address = r.text(13);
  o.travel_radius_km = static_cast<int>(r.integer(14));
  o.duration_minutes = static_cast<int>(r.integer(15));
  o.cost_nok = static_cast<int>(r.integer(16));
  o.preparation = r.text(17);
  o.on_request = r.integer(18) != 0;
  o.kit = {r.text(19), r.text(20), r.text(21)};
  o.status = r.text(22);
  o.created_at = r.text(23);
  o.updated_at = r.text(24);
  o.materials = materials_from(r.text(26));
  o.preparation_minutes = static_cast<int>(r.integer(27));
  o.curriculum = split_list(r.text(28));
  return {std::move(o), r.text(25)};
}

bool may_write(const accounts::Actor& a, const std::string& organisation_id) {
  return a.is_admin() || a.has("provider_member", organisation_id);
}

// The FTS5 query for free text: every folded word as a prefix, all required.
std::string fts_query(const std::string& q) {
  std::string folded = text::search_key(q), out, word;
  auto flush = [&] {
    if (word.empty()) return;
    out += (out.empty() ? "" : " ") + std::string("\"") + word + "\"*";
    word.clear();
  };
  for (char c : folded) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
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
  if (conn->dialect() != "sqlite") return ok();  // other dialects search with LIKE
  STEMNET_TRY_VOID(conn->execute_script(
      "CREATE VIRTUAL TABLE IF NOT EXISTS offer_search USING fts5(offer_id UNINDEXED, body,"
      " tokenize = 'unicode61')"));
  fts_ = true;
  // The index is derived data: when it does not cover every offer (a new or
  // a dropped index), it is rebuilt from the offers.
  STEMNET_TRY(auto indexed, conn->query("SELECT COUNT(*) FROM offer_search"));
  STEMNET_TRY(auto offers, conn->query(std::string(kColumns)));
  if (indexed.at(0).integer(0) == static_cast<std::int64_t>(offers.size())) return ok();
  return db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY_VOID(c.execute("DELETE FROM offer_search"));
    for (const auto& r : offers) STEMNET_TRY_VOID(index(c, from_row(r).offer));
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

Result<Offer> Service::copy(const accounts::Actor& actor, const std::string& id) {
  STEMNET_TRY(Offer from, owned(actor, id));
  const std::string organisation_id = from.organisation_id;
  return insert(organisation_id, std::move(from), id);
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
    STEMNET_TRY_VOID(c.execute(
        "INSERT INTO offer (id, organisation_id, title, description, format, subjects, grade_min,"
        " grade_max, languages, capacity, digital, municipality_number, address, travel_radius_km,"
        " duration_minutes, cost_nok, preparation, on_request, kit_before, kit_during, kit_after,"
        " status, created_at, updated_at, materials, preparation_minutes, curriculum)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,"
        " $18, $19, $20, $21, $22, $23, $24, $25, $26, $27)",
        {in.id,
         in.organisation_id,
         in.title,
         in.description,
         in.format,
         join_list(in.subjects),
         in.grade_min,
         in.grade_max,
         join_list(in.languages),
         in.capacity,
         in.digital,
         in.municipality_number,
         in.address,
         in.travel_radius_km,
         in.duration_minutes,
         in.cost_nok,
         in.preparation,
         in.on_request,
         in.kit.before,
         in.kit.during,
         in.kit.after,
         in.status,
         in.created_at,
         in.updated_at,
         materials_text(in.materials),
         in.preparation_minutes,
         join_list(in.curriculum)}));
    if (files_from) {
      STEMNET_TRY_VOID(media_.copy_all(c, owner_of(*files_from), owner_of(in.id)));
      STEMNET_TRY(in.files, media_.list(c, owner_of(in.id)));
    }
    return index(c, in);
  });
  if (!done) return std::move(done).error();
  return in;
}

Result<media::File> Service::add_file(const accounts::Actor& actor, const std::string& offer_id,
                                      std::string_view role, std::string_view name,
                                      std::string_view bytes) {
  STEMNET_TRY(Offer o, owned(actor, offer_id));
  if (role != "material" && role != "picture") return media::errors::role_invalid(role);
  // Checking and resizing are the slow part: before the transaction.
  STEMNET_TRY(auto ready, media_.prepare(role, name, bytes));
  STEMNET_TRY(auto conn, pool_.acquire());
  std::optional<media::File> added;
  STEMNET_TRY_VOID(db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY(added, media_.add(c, owner_of(o.id), std::move(ready)));
    STEMNET_TRY_VOID(
        c.execute("UPDATE offer SET updated_at = $1 WHERE id = $2", {utc_now_iso(), o.id}));
    return ok();
  }));
  return std::move(*added);
}

Result<void> Service::remove_file(const accounts::Actor& actor, const std::string& offer_id,
                                  const std::string& file_id) {
  STEMNET_TRY(Offer o, owned(actor, offer_id));
  STEMNET_TRY(auto conn, pool_.acquire());
  return db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY_VOID(media_.remove(c, owner_of(o.id), file_id));
    STEMNET_TRY_VOID(
        c.execute("UPDATE offer SET updated_at = $1 WHERE id = $2", {utc_now_iso(), o.id}));
    return ok();
  });
}

Result<Service::FileContent> Service::file(const accounts::Actor* actor,
                                           const std::string& offer_id,
                                           const std::string& file_id) {
  STEMNET_TRY(Offer o, get(actor, offer_id));
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto content, media_.get(*conn, owner_of(o.id), file_id));
  STEMNET_TRY(auto provider,
              conn->query("SELECT status FROM organisation WHERE id = $1", {o.organisation_id}));
  const bool published =
      o.status == "published" && !provider.empty() && provider[0].text(0) == "approved";
  return FileContent{std::move(content), published};
}

Result<Offer> Service::owned(const accounts::Actor& actor, const std::string& id) {
  STEMNET_TRY(Offer o, get(&actor, id));
  if (!may_write(actor, o.organisation_id)) return errors::members_only(o.organisation_id);
  return o;
}

Result<Offer> Service::update(const accounts::Actor& actor, const std::string& id, Offer in) {
  STEMNET_TRY(Offer current, owned(actor, id));
  STEMNET_TRY_VOID(validate(in));
  in.id = current.id;
  in.organisation_id = current.organisation_id;
  in.organisation_name = current.organisation_name;
  in.status = current.status;
  in.created_at = current.created_at;
  in.updated_at = utc_now_iso();
  STEMNET_TRY(auto conn, pool_.acquire());
  auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY_VOID(known_municipality(c, in.municipality_number));
    STEMNET_TRY_VOID(c.execute(
        "UPDATE offer SET title = $1, description = $2, format = $3, subjects = $4, grade_min = "
        "$5, grade_max = $6,"
        " languages = $7, capacity = $8, digital = $9, municipality_number = $10, address = $11,"
        " travel_radius_km = $12, duration_minutes = $13, cost_nok = $14, preparation = $15, "
        "on_request = $16,"
        " kit_before = $17, kit_during = $18, kit_after = $19, updated_at = $20, materials = $22,"
        " preparation_minutes = $23, curriculum = $24 WHERE id = $21",
        {in.title,
         in.description,
         in.format,
         join_list(in.subjects),
         in.grade_min,
         in.grade_max,
         join_list(in.languages),
         in.capacity,
         in.digital,
         in.municipality_number,
         in.address,
         in.travel_radius_km,
         in.duration_minutes,
         in.cost_nok,
         in.preparation,
         in.on_request,
         in.kit.before,
         in.kit.during,
         in.kit.after,
         in.updated_at,
         in.id,
         materials_text(in.materials),
         in.preparation_minutes,
         join_list(in.curriculum)}));
    return index(c, in);
  });
  if (!done) return std::move(done).error();
  return in;
}

Result<Offer> Service::set_status(const accounts::Actor& actor, const std::string& id,
                                  const std::string& status) {
  STEMNET_TRY(Offer o, owned(actor, id));
  if (status != "published" && status != "archived" && status != "draft") {
    return Error::internal("status is draft, published or archived, not '" + status + "'");
  }
  STEMNET_TRY(auto conn, pool_.acquire());
  if (status == "published") {
    STEMNET_TRY(auto org,
                conn->query("SELECT status FROM organisation WHERE id = $1", {o.organisation_id}));
    if (org.empty() || org[0].text(0) != "approved") {
      return errors::provider_not_approved();
    }
  }
  STEMNET_TRY_VOID(conn->execute("UPDATE offer SET status = $1, updated_at = $2 WHERE id = $3",
                                 {status, utc_now_iso(), id}));
  o.status = status;
  return o;
}

Result<Offer> Service::get(const accounts::Actor* actor, const std::string& id) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows, conn->query(std::string(kColumns) + " WHERE o.id = $1", {id}));
  if (rows.empty()) return errors::offer_not_found(id);
  Row row = from_row(rows[0]);
  const bool open = row.offer.status == "published" && row.provider_status == "approved";
  if (!open && !(actor && may_write(*actor, row.offer.organisation_id)))
    return errors::offer_not_found(id);
  STEMNET_TRY(row.offer.files, media_.list(*conn, owner_of(row.offer.id)));
  return std::move(row.offer);
}

Result<Page<Offer>> Service::search(const SearchQuery& q) {
  if (q.format && !one_of(*q.format, kFormats)) return errors::unknown_format_query(*q.format);
  if (q.subject && !one_of(*q.subject, kSubjects)) return errors::unknown_subject_query(*q.subject);
  if (q.grade && (*q.grade < 1 || *q.grade > 13)) return errors::grade_query_out_of_range();
  if (q.municipality && !geo::is_municipality_number(*q.municipality))
    return errors::municipality_query_invalid(*q.municipality);
  if (q.near && !geo::is_organisation_number(*q.near)) return errors::near_query_invalid(*q.near);
  if (q.from) STEMNET_TRY_VOID(read_date("from", *q.from));
  if (q.to) STEMNET_TRY_VOID(read_date("to", *q.to));
  if (q.county && !geo::is_county_number(*q.county)) return errors::county_query_invalid(*q.county);
  if (q.include_unpublished && !q.organisation)
    return Error::internal("unpublished offers are shown for one organisation only");
  STEMNET_TRY(auto conn, pool_.acquire());
  std::string sql = std::string(kColumns);
  db::Params params;
  std::map<std::string, double> rank;
  if (q.q && !fts_query(*q.q).empty()) {
    if (fts_) {
      STEMNET_TRY(auto hits, conn->query("SELECT offer_id, bm25(offer_search) FROM offer_search"
                                         " WHERE offer_search MATCH $1",
                                         {fts_query(*q.q)}));
      for (const auto& h : hits) rank[h.text(0)] = h.real(1);
    }
  }
  if (q.include_unpublished) {
    sql += " WHERE o.organisation_id = $1";
    params.push_back(*q.organisation);
  } else if (q.organisation) {
    sql += " WHERE o.status = 'published' AND g.status = 'approved' AND o.organisation_id = $1";
    params.push_back(*q.organisation);
  } else {
    sql += " WHERE o.status = 'published' AND g.status = 'approved'";
  }
  sql += " ORDER BY o.title, o.id";
  STEMNET_TRY(auto rows, conn->query(sql, params));
  std::set<std::string> in_county;
  if (q.county) {
    STEMNET_TRY(auto ms, conn->query("SELECT number FROM municipality WHERE county_number = $1",
                                     {*q.county}));
    for (const auto& m : ms) in_county.insert(m.text(0));
  }

  // Where the school or municipality is, for nearness.
  std::optional<geo::Point> here;
  std::optional<std::string> here_municipality;
  if (q.near || q.municipality) {
    STEMNET_TRY(
        auto at,
        q.near
            ? conn->query("SELECT lon, lat, municipality_number FROM school WHERE orgnr = $1",
                          {*q.near})
            : conn->query("SELECT label_lon, label_lat, number FROM municipality WHERE number = $1",
                          {*q.municipality}));
    if (at.empty()) {
      return q.near ? errors::school_not_found(*q.near)
                    : errors::municipality_not_found(*q.municipality);
    }
    here = geo::Point{at[0].real(0), at[0].real(1)};
    here_municipality = at[0].text(2);
  }
  std::map<std::string, geo::Point> points;
  if (here) {
    STEMNET_TRY(auto all, conn->query("SELECT number, label_lon, label_lat FROM municipality"));
    for (const auto& m : all) points[m.text(0)] = {m.real(1), m.real(2)};
  }
  std::vector<Offer> hits;
  for (const auto& r : rows) {
    Offer o = from_row(r).offer;
    if (q.q && !fts_query(*q.q).empty()) {
      auto it = rank.find(o.id);
      if (fts_ && it == rank.end()) continue;
      if (!fts_ && text::search_key(o.title + " " + o.description).find(text::search_key(*q.q)) ==
                       std::string::npos) {
        continue;
      }
      if (it != rank.end()) o.rank = -it->second;  // bm25: lower is better
    }
    if (q.format && o.format != *q.format) continue;
    if (q.county && (!o.municipality_number || !in_county.contains(*o.municipality_number)))
      continue;
    if (q.subject &&
        std::find(o.subjects.begin(), o.subjects.end(), *q.subject) == o.subjects.end())
      continue;
    if (q.grade && (*q.grade < o.grade_min || *q.grade > o.grade_max)) continue;
    if (q.digital && o.digital != *q.digital) continue;
    if (here && !o.digital) {
      if (!o.municipality_number) continue;
      const bool same = *o.municipality_number == *here_municipality;
      auto p = points.find(*o.municipality_number);
      const bool within =
          p != points.end() && geo::distance_m(*here, p->second) <= o.travel_radius_km * 1000L;
      if (!same && !within) continue;
    }
    if (q.from || q.to) {
      if (!o.on_request) {
        const std::string from = q.from ? *q.from : "0000-00-00";
        const std::string to = q.to ? *q.to + "T99" : "9999";
        STEMNET_TRY(auto slots,
                    conn->query("SELECT 1 FROM offer_slot WHERE offer_id = $1 AND starts_at >= $2"
                                " AND starts_at <= $3 AND booked < capacity",
                                {o.id, from, to}));
        if (slots.empty()) continue;
      }
    }
    hits.push_back(std::move(o));
  }
  if (q.q) {
    std::stable_sort(hits.begin(), hits.end(),
                     [](const Offer& a, const Offer& b) { return a.rank > b.rank; });
  }
  Page<Offer> page;
  page.total = static_cast<long long>(hits.size());
  const std::size_t end = std::min(hits.size(), q.offset + static_cast<std::size_t>(q.limit));
  for (std::size_t i = q.offset; i < end; ++i) page.items.push_back(std::move(hits[i]));
  // The page's files in one query (cards show an offer's first picture).
  std::vector<std::string> owners;
  for (const auto& o : page.items) owners.push_back(owner_of(o.id));
  STEMNET_TRY(auto files, media_.list_many(*conn, owners));
  for (auto& o : page.items) {
    if (auto f = files.find(owner_of(o.id)); f != files.end()) o.files = std::move(f->second);
  }
  if (end < hits.size()) page.next_cursor = make_cursor({std::to_string(end)});
  return page;
}

Result<Slot> Service::add_slot(const accounts::Actor& actor, const std::string& offer_id,
                               Slot slot) {
  STEMNET_TRY(Offer o, owned(actor, offer_id));
  STEMNET_TRY(Minute starts, read_minute("starts_at", slot.starts_at));
  STEMNET_TRY(Minute ends, read_minute("ends_at", slot.ends_at));
  if (ends <= starts) return errors::slot_ends_before_start();
  if (slot.capacity < 1 || slot.capacity > 100) return errors::slot_capacity_out_of_range();
  slot.id = accounts::random_token().substr(0, 16);
  slot.offer_id = o.id;
  slot.booked = 0;
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY_VOID(
      conn->execute("INSERT INTO offer_slot (id, offer_id, starts_at, ends_at, capacity, booked)"
                    " VALUES ($1, $2, $3, $4, $5, 0)",
                    {slot.id, slot.offer_id, slot.starts_at, slot.ends_at, slot.capacity}));
  return slot;
}

Result<std::vector<Slot>> Service::slots(const accounts::Actor* actor,
                                         const std::string& offer_id) {
  STEMNET_TRY(Offer o, get(actor, offer_id));
  STEMNET_TRY(auto conn, pool_.acquire());
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
