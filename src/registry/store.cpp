#include "registry/store.hpp"

#include "registry/errors.hpp"

#include "db/sql.hpp"
#include "text/normalize.hpp"

#include <algorithm>
#include <functional>

namespace stemnet::registry {
namespace {

using db::Row;
using db::Where;

Municipality municipality_from(const Row& r) {
  // Column order of kMunicipalityColumns.
  Municipality m;
  m.number = r.text(0);
  m.kind = r.text(1);
  m.name = r.text(2);
  m.name_norwegian = r.text(3);
  m.county_number = r.opt_text(4);
  m.county_name = r.opt_text(5);
  m.admin_centre = r.opt_text(6);
  m.population = r.opt_integer(7);
  m.area_km2 = r.opt_real(8);
  m.written_language = r.opt_text(9);
  m.website = r.opt_text(10);
  m.label_point = {r.real(11), r.real(12)};
  m.school_count = r.integer(13);
  return m;
}

constexpr const char* kMunicipalityColumns =
    "SELECT m.number, m.kind, m.name, m.name_norwegian, m.county_number, c.name, m.admin_centre,"
    " m.population, m.area_km2, m.written_language, m.website, m.label_lon, m.label_lat,"
    " (SELECT COUNT(*) FROM school s WHERE s.municipality_number = m.number)"
    " FROM municipality m LEFT JOIN county c ON c.number = m.county_number";

// Schools with their grades: a page of schools in a subquery, joined to its
// grades, so that LIMIT counts schools and not grade rows.
std::string school_query(const std::string& inner_where, const std::string& limit_param) {
  return "SELECT s.orgnr, s.name, s.municipality_number, m.name, s.county_number, c.name, s.lon,"
         " s.lat, s.location_precision, s.sort_key, g.grade, g.school_year, g.tested_pupils"
         " FROM (SELECT * FROM school" +
         inner_where + " ORDER BY sort_key, orgnr LIMIT " + limit_param +
         ") s"
         " JOIN municipality m ON m.number = s.municipality_number"
         " LEFT JOIN county c ON c.number = s.county_number"
         " LEFT JOIN school_grade g ON g.orgnr = s.orgnr"
         " ORDER BY s.sort_key, s.orgnr, g.grade, g.school_year";
}

// Folds joined rows into schools; returns the sort_key of each, in order.
std::vector<std::pair<School, std::string>> schools_from(const std::vector<Row>& rows) {
  std::vector<std::pair<School, std::string>> out;
  for (const auto& r : rows) {
    if (out.empty() || out.back().first.orgnr != r.text(0)) {
      School s;
      s.orgnr = r.text(0);
      s.name = r.text(1);
      s.municipality_number = r.text(2);
      s.municipality_name = r.text(3);
      s.county_number = r.opt_text(4);
      s.county_name = r.opt_text(5);
      s.location = {r.real(6), r.real(7)};
      s.location_precision = r.text(8);
      out.emplace_back(std::move(s), r.text(9));
    }
    if (!r.is_null(10)) {
      out.back().first.grades.push_back(
          SchoolGrade{static_cast<int>(r.integer(10)), r.text(11), r.opt_integer(12)});
    }
  }
  return out;
}

template <class T>
Page<T> finish(std::vector<T> items, long long total, int limit,
               const std::function<std::vector<std::string>(const T&)>& key_of) {
  Page<T> page;
  page.total = total;
  if (static_cast<int>(items.size()) > limit) {
    items.resize(limit);
    page.next_cursor = make_cursor(key_of(items.back()));
  }
  page.items = std::move(items);
  return page;
}

Result<long long> count(db::Connection& c, const std::string& from, const Where& w) {
  STEMNET_TRY(auto rows, c.query("SELECT COUNT(*) FROM " + from + w.sql(), w.params()));
  return rows.at(0).integer(0);
}

}  // namespace

Result<Page<County>> Store::counties(const PageRequest& page) {
  STEMNET_TRY(auto conn, pool_.acquire());
  Where all;
  STEMNET_TRY(long long total, count(*conn, "county", all));
  Where w;
  if (!page.after.empty()) w.add("number > ?", {page.after[0]});
  STEMNET_TRY(auto rows, conn->query("SELECT number, name, name_norwegian, website, population,"
                                     " label_lon, label_lat FROM county" +
                                         w.sql() + " ORDER BY number LIMIT " + w.next_param(),
                                     w.params_with({page.limit + 1})));
  std::vector<County> items;
  for (const auto& r : rows) {
    items.push_back(
        {r.text(0), r.text(1), r.text(2), r.opt_text(3), r.opt_integer(4), {r.real(5), r.real(6)}});
  }
  return finish<County>(std::move(items), total, page.limit,
                        [](const County& c) { return std::vector<std::string>{c.number}; });
}

Result<Page<Municipality>> Store::municipalities(const MunicipalityFilter& filter,
                                                 const PageRequest& page) {
  STEMNET_TRY(auto conn, pool_.acquire());
  Where w;
  if (!filter.include_territories) w.add("m.kind = 'municipality'", {});
  if (filter.county) w.add("m.county_number = ?", {*filter.county});
  STEMNET_TRY(long long total, count(*conn, "municipality m", w));
  if (!page.after.empty()) w.add("m.number > ?", {page.after[0]});
  STEMNET_TRY(auto rows, conn->query(std::string(kMunicipalityColumns) + w.sql() +
                                         " ORDER BY m.number LIMIT " + w.next_param(),
                                     w.params_with({page.limit + 1})));
  std::vector<Municipality> items;
  for (const auto& r : rows) items.push_back(municipality_from(r));
  return finish<Municipality>(std::move(items), total, page.limit, [](const Municipality& m) {
    return std::vector<std::string>{m.number};
  });
}

Result<Municipality> Store::municipality(const std::string& number) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows,
              conn->query(std::string(kMunicipalityColumns) + " WHERE m.number = $1", {number}));
  if (rows.empty()) return errors::municipality_not_found(number);
  return municipality_from(rows[0]);
}

Result<Page<School>> Store::schools(const SchoolFilter& filter, const PageRequest& page) {
  STEMNET_TRY(auto conn, pool_.acquire());
  Where w;
  if (filter.municipality) w.add("municipality_number = ?", {*filter.municipality});
  if (filter.county) w.add("county_number = ?", {*filter.county});
  if (filter.name_key && filter.orgnr_prefix) {
    w.add("(name_key LIKE ? ESCAPE '\\' OR orgnr LIKE ?)",
          {"%" + db::like_escape(*filter.name_key) + "%",
           db::like_escape(*filter.orgnr_prefix) + "%"});
  } else if (filter.name_key) {
    w.add("name_key LIKE ? ESCAPE '\\'", {"%" + db::like_escape(*filter.name_key) + "%"});
  }
  STEMNET_TRY(long long total, count(*conn, "school", w));
  if (!page.after.empty()) w.add("(sort_key, orgnr) > (?, ?)", {page.after[0], page.after[1]});
  STEMNET_TRY(auto rows,
              conn->query(school_query(w.sql(), w.next_param()), w.params_with({page.limit + 1})));
  std::vector<School> items;
  std::vector<std::string> keys;
  for (auto& [s, key] : schools_from(rows)) {
    items.push_back(std::move(s));
    keys.push_back(std::move(key));
  }
  Page<School> out;
  out.total = total;
  if (static_cast<int>(items.size()) > page.limit) {
    items.resize(page.limit);
    out.next_cursor = make_cursor({keys[page.limit - 1], items.back().orgnr});
  }
  out.items = std::move(items);
  return out;
}

Result<School> Store::school(const std::string& orgnr) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows, conn->query(school_query(" WHERE orgnr = $1", "1"), {orgnr}));
  auto schools = schools_from(rows);
  if (schools.empty()) return errors::school_not_found(orgnr);
  return std::move(schools[0].first);
}

Result<Page<Institution>> Store::institutions(const std::optional<std::string>& kind,
                                              const PageRequest& page) {
  STEMNET_TRY(auto conn, pool_.acquire());
  Where w;
  if (kind) w.add("kind = ?", {*kind});
  STEMNET_TRY(long long total, count(*conn, "institution", w));
  if (!page.after.empty()) w.add("(kind, id) > (?, ?)", {page.after[0], page.after[1]});
  STEMNET_TRY(
      auto rows,
      conn->query("SELECT i.id, i.kind, i.name, i.abbreviation, i.category, i.ownership, i.note,"
                  " i.source_url, st.municipality_number, m.name, m.label_lon, m.label_lat"
                  " FROM (SELECT * FROM institution" +
                      w.sql() + " ORDER BY kind, id LIMIT " + w.next_param() +
                      ") i"
                      " LEFT JOIN institution_site st ON st.institution_id = i.id"
                      " LEFT JOIN municipality m ON m.number = st.municipality_number"
                      " ORDER BY i.kind, i.id, st.municipality_number",
                  w.params_with({page.limit + 1})));
  std::vector<Institution> items;
  for (const auto& r : rows) {
    if (items.empty() || items.back().id != r.text(0)) {
      items.push_back({r.text(0),
                       r.text(1),
                       r.text(2),
                       r.opt_text(3),
                       r.opt_text(4),
                       r.opt_text(5),
                       r.opt_text(6),
                       r.opt_text(7),
                       {}});
    }
    if (!r.is_null(8)) {
      items.back().sites.push_back({r.text(8), r.text(9), {r.real(10), r.real(11)}});
    }
  }
  return finish<Institution>(std::move(items), total, page.limit, [](const Institution& i) {
    return std::vector<std::string>{i.kind, i.id};
  });
}

Result<Counts> Store::counts() {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows,
              conn->query("SELECT (SELECT COUNT(*) FROM county),"
                          " (SELECT COUNT(*) FROM municipality WHERE kind = 'municipality'),"
                          " (SELECT COUNT(*) FROM municipality WHERE kind = 'territory'),"
                          " (SELECT COUNT(*) FROM postcode), (SELECT COUNT(*) FROM institution),"
                          " (SELECT COUNT(*) FROM school)"));
  const auto& r = rows.at(0);
  return Counts{r.integer(0), r.integer(1), r.integer(2), r.integer(3), r.integer(4), r.integer(5)};
}

Result<std::map<std::string, std::string>> Store::area_names(const std::string& level) {
  std::map<std::string, std::string> out;
  if (level == "country") {
    out["NO"] = "Norge";
    return out;
  }
  const char* sql = level == "county"         ? "SELECT number, name FROM county"
                    : level == "municipality" ? "SELECT number, name FROM municipality"
                    : level == "school"       ? "SELECT orgnr, name FROM school"
                                              : nullptr;
  if (!sql) return errors::level_invalid();
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows, conn->query(sql));
  for (const auto& r : rows) out.emplace(r.text(0), r.text(1));
  if (level == "school") return out;
  // Codes of earlier lists (figures are kept on the codes as published): their last name.
  STEMNET_TRY(auto old, conn->query("SELECT code, name FROM area_version WHERE level = $1"
                                    " ORDER BY code, COALESCE(valid_from, '') DESC",
                                    {level}));
  for (const auto& r : old) out.emplace(r.text(0), r.text(1));
  return out;
}

Result<void> Store::ping() {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY_VOID(conn->query("SELECT 1"));
  return ok();
}

// Upserts change a row only when a column differs, so that a repeated import
// reports zero changes (IS DISTINCT FROM: SQLite >= 3.39 and PostgreSQL).
Result<std::int64_t> Store::put(db::Connection& c, const County& v) {
  return c.execute(
      "INSERT INTO county (number, name, name_norwegian, website, population, label_lon, label_lat)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7)"
      " ON CONFLICT (number) DO UPDATE SET name = excluded.name, name_norwegian = "
      "excluded.name_norwegian,"
      " website = excluded.website, population = excluded.population, label_lon = "
      "excluded.label_lon,"
      " label_lat = excluded.label_lat"
      " WHERE (county.name, county.name_norwegian, county.website, county.population, "
      "county.label_lon,"
      " county.label_lat) IS DISTINCT FROM (excluded.name, excluded.name_norwegian, "
      "excluded.website,"
      " excluded.population, excluded.label_lon, excluded.label_lat)",
      {v.number, v.name, v.name_norwegian, v.website, v.population, v.label_point.lon,
       v.label_point.lat});
}

Result<std::int64_t> Store::put(db::Connection& c, const Municipality& v) {
  return c.execute(
      "INSERT INTO municipality (number, kind, name, name_norwegian, county_number, admin_centre,"
      " population, area_km2, written_language, website, label_lon, label_lat)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
      " ON CONFLICT (number) DO UPDATE SET kind = excluded.kind, name = excluded.name,"
      " name_norwegian = excluded.name_norwegian, county_number = excluded.county_number,"
      " admin_centre = excluded.admin_centre, population = excluded.population,"
      " area_km2 = excluded.area_km2, written_language = excluded.written_language,"
      " website = excluded.website, label_lon = excluded.label_lon, label_lat = excluded.label_lat"
      " WHERE (municipality.kind, municipality.name, municipality.name_norwegian,"
      " municipality.county_number, municipality.admin_centre, municipality.population,"
      " municipality.area_km2, municipality.written_language, municipality.website,"
      " municipality.label_lon, municipality.label_lat) IS DISTINCT FROM (excluded.kind,"
      " excluded.name, excluded.name_norwegian, excluded.county_number, excluded.admin_centre,"
      " excluded.population, excluded.area_km2, excluded.written_language, excluded.website,"
      " excluded.label_lon, excluded.label_lat)",
      {v.number, v.kind, v.name, v.name_norwegian, v.county_number, v.admin_centre, v.population,
       v.area_km2, v.written_language, v.website, v.label_point.lon, v.label_point.lat});
}

Result<std::int64_t> Store::put(db::Connection& c, const Boundary& v) {
  return c.execute(
      "INSERT INTO boundary (level, format, body, sha256, area_count) VALUES ($1, $2, $3, $4, $5)"
      " ON CONFLICT (level) DO UPDATE SET format = excluded.format, body = excluded.body,"
      " sha256 = excluded.sha256, area_count = excluded.area_count"
      " WHERE boundary.sha256 IS DISTINCT FROM excluded.sha256",
      {v.level, v.format, v.body, v.sha256, static_cast<std::int64_t>(v.codes.size())});
}

Result<Boundary> Store::boundary(const std::string& level) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows,
              conn->query("SELECT format, body, sha256 FROM boundary WHERE level = $1", {level}));
  if (rows.empty()) return errors::boundaries_missing(level);
  Boundary b;
  b.level = level;
  b.format = rows[0].text(0);
  b.body = rows[0].text(1);
  b.sha256 = rows[0].text(2);
  return b;
}

Result<std::int64_t> Store::put(db::Connection& c, const Postcode& v) {
  return c.execute(
      "INSERT INTO postcode (code, place, municipality_number) VALUES ($1, $2, $3)"
      " ON CONFLICT (code) DO UPDATE SET place = excluded.place,"
      " municipality_number = excluded.municipality_number"
      " WHERE (postcode.place, postcode.municipality_number) IS DISTINCT FROM"
      " (excluded.place, excluded.municipality_number)",
      {v.code, v.place, v.municipality_number});
}

Result<std::int64_t> Store::put(db::Connection& c, const Institution& v) {
  STEMNET_TRY(
      std::int64_t changed,
      c.execute(
          "INSERT INTO institution (id, kind, name, abbreviation, category, ownership,"
          " note, source_url) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
          " ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name,"
          " abbreviation = excluded.abbreviation, category = excluded.category,"
          " ownership = excluded.ownership, note = excluded.note,"
          " source_url = excluded.source_url"
          " WHERE (institution.kind, institution.name, institution.abbreviation,"
          " institution.category, institution.ownership, institution.note,"
          " institution.source_url) IS DISTINCT FROM (excluded.kind, excluded.name,"
          " excluded.abbreviation, excluded.category, excluded.ownership,"
          " excluded.note, excluded.source_url)",
          {v.id, v.kind, v.name, v.abbreviation, v.category, v.ownership, v.note, v.source_url}));
  STEMNET_TRY(auto existing,
              c.query("SELECT municipality_number FROM institution_site WHERE institution_id = $1"
                      " ORDER BY municipality_number",
                      {v.id}));
  std::vector<std::string> have, want;
  for (const auto& r : existing) have.push_back(r.text(0));
  for (const auto& s : v.sites) want.push_back(s.municipality_number);
  std::sort(want.begin(), want.end());
  if (have != want) {
    STEMNET_TRY_VOID(c.execute("DELETE FROM institution_site WHERE institution_id = $1", {v.id}));
    for (const auto& m : want) {
      STEMNET_TRY_VOID(c.execute(
          "INSERT INTO institution_site (institution_id, municipality_number) VALUES ($1, $2)",
          {v.id, m}));
    }
    changed = 1;
  }
  return changed;
}

Result<std::int64_t> Store::put(db::Connection& c, const School& v) {
  STEMNET_TRY(
      std::int64_t changed,
      c.execute(
          "INSERT INTO school (orgnr, name, name_key, sort_key, municipality_number, county_number,"
          " lon, lat, location_precision) VALUES ($1, $2, $3, $9, $4, $5, $6, $7, $8)"
          " ON CONFLICT (orgnr) DO UPDATE SET name = excluded.name,"
          " name_key = excluded.name_key, sort_key = excluded.sort_key,"
          " municipality_number = excluded.municipality_number,"
          " county_number = excluded.county_number, lon = excluded.lon, lat = excluded.lat,"
          " location_precision = excluded.location_precision"
          " WHERE (school.name, school.name_key, school.sort_key, school.municipality_number,"
          " school.county_number, school.lon, school.lat, school.location_precision)"
          " IS DISTINCT FROM (excluded.name, excluded.name_key, excluded.sort_key,"
          " excluded.municipality_number, excluded.county_number, excluded.lon,"
          " excluded.lat, excluded.location_precision)",
          {v.orgnr, v.name, text::search_key(v.name), v.municipality_number, v.county_number,
           v.location.lon, v.location.lat, v.location_precision, text::sort_key(v.name)}));
  for (const auto& g : v.grades) {
    STEMNET_TRY(
        std::int64_t n,
        c.execute("INSERT INTO school_grade (orgnr, grade, school_year, tested_pupils)"
                  " VALUES ($1, $2, $3, $4)"
                  " ON CONFLICT (orgnr, grade, school_year) DO UPDATE SET"
                  " tested_pupils = excluded.tested_pupils"
                  " WHERE school_grade.tested_pupils IS DISTINCT FROM excluded.tested_pupils",
                  {v.orgnr, g.grade, g.school_year, g.tested_pupils}));
    changed = std::max(changed, n);
  }
  return changed;
}

Result<bool> Store::has_municipality(db::Connection& c, const std::string& number) {
  STEMNET_TRY(auto rows, c.query("SELECT 1 FROM municipality WHERE number = $1", {number}));
  return !rows.empty();
}

Result<bool> Store::has_school(db::Connection& c, const std::string& orgnr) {
  STEMNET_TRY(auto rows, c.query("SELECT 1 FROM school WHERE orgnr = $1", {orgnr}));
  return !rows.empty();
}

Result<bool> Store::has_county(db::Connection& c, const std::string& number) {
  STEMNET_TRY(auto rows, c.query("SELECT 1 FROM county WHERE number = $1", {number}));
  return !rows.empty();
}

}  // namespace stemnet::registry
