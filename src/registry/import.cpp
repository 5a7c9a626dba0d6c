// Orchestrates imports: find the files, parse them all, then write them in
// one transaction with a record of each file.
#include "registry/import.hpp"

#include "core/clock.hpp"
#include "core/encoding.hpp"
#include "core/file.hpp"
#include "registry/import_files.hpp"
#include "registry/import_history.hpp"
#include "registry/store.hpp"
#include "text/json_file.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace stemnet::registry {
namespace fs = std::filesystem;
namespace json = boost::json;

using namespace import_files;

namespace {

// Fails unless a boundary file draws each of `expected` exactly once.
Result<void> same_areas(const Boundary& b, const std::set<std::string>& expected,
                        const std::string& file) {
  std::set<std::string> drawn;
  for (const auto& code : b.codes) {
    if (!drawn.insert(code).second) {
      return Error::malformed_file(file, 0, "area " + code + " is drawn twice");
    }
    if (!expected.contains(code)) {
      return Error::malformed_file(
          file, 0, "area " + code + " is not in the registry's " + b.level + " list");
    }
  }
  for (const auto& code : expected) {
    if (!drawn.contains(code)) {
      return Error::malformed_file(file, 0, b.level + " " + code + " has no boundary");
    }
  }
  return ok();
}

// Adds the Norwegian names and websites of admin/counties-*.json to the
// counties of places/fylker-*.csv; both must list the same counties.
Result<void> merge_county_names(std::vector<County>& counties, const Loaded& f) {
  STEMNET_TRY(auto doc, text::parse_json(f.bytes, f.path));
  if (!doc.is_array()) return Error::malformed_file(f.path, 1, "expected a JSON array of counties");
  std::map<std::string, const json::object*> by_id;
  for (const auto& v : doc.as_array()) {
    const auto* o = v.if_object();
    const json::value* id = o ? o->if_contains("id") : nullptr;
    if (!id || !id->is_string())
      return Error::malformed_file(f.path, 0, "every county needs a string 'id'");
    by_id[std::string(id->as_string())] = o;
  }
  for (auto& c : counties) {
    auto it = by_id.find(c.number);
    if (it == by_id.end())
      return Error::malformed_file(f.path, 0, "county " + c.number + " is missing");
    const auto* name = it->second->if_contains("name");
    if (!name || !name->is_string())
      return Error::malformed_file(f.path, 0, "county " + c.number + ": no name");
    c.name_norwegian = std::string(name->as_string());
    if (const auto* url = it->second->if_contains("url"); url && url->is_string()) {
      c.website = std::string(url->as_string());
    }
    by_id.erase(it);
  }
  if (!by_id.empty()) {
    return Error::malformed_file(
        f.path, 0, "county " + by_id.begin()->first + " has no label point in places/");
  }
  return ok();
}

Result<std::string> written_language(std::string_view published, const std::string& file,
                                     const std::string& id) {
  if (published == "Bokmål") return std::string("bokmal");
  if (published == "Nynorsk") return std::string("nynorsk");
  if (published == "Nøytral") return std::string("neutral");
  return Error::malformed_file(file, 0,
                               "municipality " + id + ": unknown written-language standard '" +
                                   std::string(published) + "'");
}

// Adds Norwegian names, administrative data and websites of
// admin/municipalities-*.json; both files must list the same municipalities.
Result<void> merge_municipality_facts(std::vector<Municipality>& municipalities, const Loaded& f) {
  STEMNET_TRY(auto doc, text::parse_json(f.bytes, f.path));
  if (!doc.is_array())
    return Error::malformed_file(f.path, 1, "expected a JSON array of municipalities");
  std::map<std::string, const json::object*> by_id;
  for (const auto& v : doc.as_array()) {
    const auto* o = v.if_object();
    const json::value* id = o ? o->if_contains("id") : nullptr;
    if (!id || !id->is_string())
      return Error::malformed_file(f.path, 0, "every municipality needs a string 'id'");
    by_id[std::string(id->as_string())] = o;
  }
  for (auto& m : municipalities) {
    auto it = by_id.find(m.number);
    if (it == by_id.end())
      return Error::malformed_file(f.path, 0, "municipality " + m.number + " is missing");
    const json::object& o = *it->second;
    auto str = [&](std::string_view key) -> std::optional<std::string> {
      const auto* v = o.if_contains(key);
      if (v && v->is_string()) return std::string(v->as_string());
      return std::nullopt;
    };
    auto name_no = str("name_no");
    if (!name_no)
      return Error::malformed_file(f.path, 0, "municipality " + m.number + ": no 'name_no'");
    m.name_norwegian = *name_no;
    if (auto lang = str("language")) {
      STEMNET_TRY(m.written_language, written_language(*lang, f.path, m.number));
    }
    m.website = str("url");
    if (!m.admin_centre) m.admin_centre = str("adm_center");
    by_id.erase(it);
  }
  if (!by_id.empty()) {
    return Error::malformed_file(
        f.path, 0, "municipality " + by_id.begin()->first + " has no label point in places/");
  }
  return ok();
}

// Every municipality number an item names must be in the registry, or in
// the set being imported alongside it.
Result<void> check_known(db::Connection& c, const std::set<std::string>& importing,
                         const std::string& number, const std::string& file, long line,
                         const std::string& what) {
  if (importing.count(number)) return ok();
  STEMNET_TRY(bool known, Store::has_municipality(c, number));
  if (known) return ok();
  return Error::malformed_file(file, line,
                               what + ": municipality " + number +
                                   " is not in the registry (import the reference data first)");
}

Result<void> write_schools(db::Connection& c, std::vector<std::pair<Loaded, UdirSchools>>& files,
                           const std::set<std::string>& importing) {
  // A school named in several files (grade 5 and grade 8) is one school.
  std::map<std::string, School> merged;
  for (auto& [f, parsed] : files) {
    for (auto& s : parsed.schools) {
      STEMNET_TRY_VOID(
          check_known(c, importing, s.municipality_number, f.path, 0, "school " + s.orgnr));
      auto [it, fresh] = merged.try_emplace(s.orgnr, s);
      if (!fresh) {
        if (it->second.municipality_number != s.municipality_number) {
          return Error::malformed_file(f.path, 0,
                                       "school " + s.orgnr + " is in municipality " +
                                           s.municipality_number + " here but " +
                                           it->second.municipality_number + " in another file");
        }
        for (auto& g : s.grades) it->second.grades.push_back(g);
      }
    }
  }
  // Schools have no coordinates in these files: they sit at their
  // municipality's label point, and say so. Their county is the registry's:
  // Udir files Svalbard under county 55, but Svalbard is in no county.
  for (auto& [orgnr, s] : merged) {
    STEMNET_TRY(
        auto rows,
        c.query("SELECT label_lon, label_lat, county_number FROM municipality WHERE number = $1",
                {s.municipality_number}));
    if (rows.empty()) return Error::internal("municipality " + s.municipality_number + " vanished");
    s.location = {rows[0].real(0), rows[0].real(1)};
    s.location_precision = "municipality";
    const auto county = rows[0].opt_text(2);
    if (county && s.county_number && *county != *s.county_number) {
      return Error::malformed_file(files.front().first.path, 0,
                                   "school " + orgnr + ": the file puts municipality " +
                                       s.municipality_number + " in county " + *s.county_number +
                                       ", the registry in county " + *county);
    }
    s.county_number = county;
  }
  std::int64_t changed = 0;
  for (const auto& [orgnr, s] : merged) {
    STEMNET_TRY(std::int64_t n, Store::put(c, s));
    changed += n;
  }
  // Changes are told per file; the merged write is shared, so each file
  // reports its own schools' count and the total changed goes to the first.
  for (auto& [f, parsed] : files) {
    f.report.rows = parsed.rows;
    STEMNET_TRY_VOID(record(c, f.report, "Udir Statistikkportalen, nasjonale prøver", "NLOD"));
  }
  if (!files.empty()) files.front().first.report.changed = changed;
  return ok();
}

Result<std::vector<std::pair<Loaded, UdirSchools>>> load_udir(const std::vector<fs::path>& paths) {
  std::vector<std::pair<Loaded, UdirSchools>> out;
  for (const auto& p : paths) {
    STEMNET_TRY(Loaded f, load(p, "schools"));
    STEMNET_TRY(UdirSchools parsed, parse_udir_schools(f.bytes, f.path));
    out.emplace_back(std::move(f), std::move(parsed));
  }
  return out;
}

}  // namespace

Result<ImportReport> import_reference(db::Pool& pool, const fs::path& dir) {
  if (!fs::is_directory(dir)) return Error::malformed_file(dir.string(), 0, "not a folder");
  // Parse everything first: a malformed file stops the import before any write.
  STEMNET_TRY(auto county_places_path, find_one(dir / "places", "fylker-", ".csv"));
  STEMNET_TRY(auto county_names_path, find_one(dir / "admin", "counties-", ".json"));
  STEMNET_TRY(auto municipality_places_path, find_one(dir / "places", "kommuner-", ".csv"));
  STEMNET_TRY(auto municipality_facts_path, find_one(dir / "admin", "municipalities-", ".json"));
  STEMNET_TRY(auto territories_path, find_one(dir / "places", "territories", ".csv"));
  STEMNET_TRY(auto postcodes_path, find_one(dir / "admin", "postal-codes-", ".json"));
  STEMNET_TRY(auto science_path, find_one(dir / "institutions", "vitensentre-", ".csv"));
  STEMNET_TRY(auto he_path, find_one(dir / "institutions", "hoyere-utdanning-", ".csv"));
  STEMNET_TRY(auto county_shapes_path, find_one(dir / "geo", "fylker-", ".geojson"));
  STEMNET_TRY(auto municipality_shapes_path, find_one(dir / "geo", "kommuner-", ".topojson"));

  STEMNET_TRY(Loaded county_places, load(county_places_path, "counties"));
  STEMNET_TRY(Loaded county_names, load(county_names_path, "counties"));
  STEMNET_TRY(Loaded municipality_places, load(municipality_places_path, "municipalities"));
  STEMNET_TRY(Loaded municipality_facts, load(municipality_facts_path, "municipalities"));
  STEMNET_TRY(Loaded territories_file, load(territories_path, "territories"));
  STEMNET_TRY(Loaded postcodes_file, load(postcodes_path, "postcodes"));
  STEMNET_TRY(Loaded science_file, load(science_path, "institutions"));
  STEMNET_TRY(Loaded he_file, load(he_path, "institutions"));
  STEMNET_TRY(Loaded county_shapes_file, load(county_shapes_path, "county boundaries"));
  STEMNET_TRY(Loaded municipality_shapes_file,
              load(municipality_shapes_path, "municipality boundaries"));

  STEMNET_TRY(auto counties, parse_county_places(county_places.bytes, county_places.path));
  STEMNET_TRY_VOID(merge_county_names(counties, county_names));
  STEMNET_TRY(auto municipalities,
              parse_municipality_places(municipality_places.bytes, municipality_places.path));
  STEMNET_TRY_VOID(merge_municipality_facts(municipalities, municipality_facts));
  STEMNET_TRY(auto territories, parse_territories(territories_file.bytes, territories_file.path));
  STEMNET_TRY(auto postcodes, parse_postcodes(postcodes_file.bytes, postcodes_file.path));
  STEMNET_TRY(auto science, parse_science_centres(science_file.bytes, science_file.path));
  STEMNET_TRY(auto he, parse_higher_education(he_file.bytes, he_file.path));
  STEMNET_TRY(auto county_shapes,
              parse_county_boundaries(county_shapes_file.bytes, county_shapes_file.path));
  STEMNET_TRY(
      auto municipality_shapes,
      parse_municipality_boundaries(municipality_shapes_file.bytes, municipality_shapes_file.path));
  {  // a map must draw exactly the areas the registry holds
    std::set<std::string> county_numbers;
    for (const auto& c : counties) county_numbers.insert(c.number);
    std::set<std::string> municipality_numbers;
    for (const auto& m : municipalities) municipality_numbers.insert(m.number);
    STEMNET_TRY_VOID(same_areas(county_shapes, county_numbers, county_shapes_file.path));
    STEMNET_TRY_VOID(
        same_areas(municipality_shapes, municipality_numbers, municipality_shapes_file.path));
  }

  STEMNET_TRY(auto history, load_history(dir / "areas-history", municipalities));

  std::vector<fs::path> udir_paths;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / "schools", ec)) {
    if (entry.path().extension() == ".tsv") udir_paths.push_back(entry.path());
  }
  std::sort(udir_paths.begin(), udir_paths.end());
  STEMNET_TRY(auto udir, load_udir(udir_paths));

  std::set<std::string> importing;
  for (const auto& m : municipalities) importing.insert(m.number);
  for (const auto& m : territories) importing.insert(m.number);

  STEMNET_TRY(auto conn, pool.acquire());
  ImportReport report;
  auto written = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    county_places.report.rows = county_names.report.rows =
        static_cast<std::int64_t>(counties.size());
    STEMNET_TRY(county_places.report.changed, put_all(c, counties));
    municipality_places.report.rows = municipality_facts.report.rows =
        static_cast<std::int64_t>(municipalities.size());
    STEMNET_TRY(municipality_places.report.changed, put_all(c, municipalities));
    territories_file.report.rows = static_cast<std::int64_t>(territories.size());
    STEMNET_TRY(territories_file.report.changed, put_all(c, territories));
    postcodes_file.report.rows = static_cast<std::int64_t>(postcodes.size());
    for (const auto& p : postcodes) {
      STEMNET_TRY_VOID(check_known(c, importing, p.municipality_number, postcodes_file.path, 0,
                                   "postcode " + p.code));
    }
    STEMNET_TRY(postcodes_file.report.changed, put_all(c, postcodes));
    for (auto [list, file] : {std::pair{&science, &science_file}, std::pair{&he, &he_file}}) {
      for (const auto& inst : *list) {
        for (const auto& site : inst.sites) {
          STEMNET_TRY_VOID(
              check_known(c, importing, site.municipality_number, file->path, 0, inst.name));
        }
      }
    }
    science_file.report.rows = static_cast<std::int64_t>(science.size());
    STEMNET_TRY(science_file.report.changed, put_all(c, science));
    he_file.report.rows = static_cast<std::int64_t>(he.size());
    STEMNET_TRY(he_file.report.changed, put_all(c, he));
    STEMNET_TRY_VOID(
        record(c, county_places.report, "Kartverket boundaries; SSB population", "CC BY 4.0"));
    STEMNET_TRY_VOID(record(c, county_names.report, "norway-geodata (A. Prestmo)", "MIT"));
    STEMNET_TRY_VOID(record(c, municipality_places.report, "Kartverket boundaries; SSB population",
                            "CC BY 4.0"));
    STEMNET_TRY_VOID(record(c, municipality_facts.report, "norway-geodata (A. Prestmo)", "MIT"));
    STEMNET_TRY_VOID(record(c, territories_file.report, "stemnet", "CC BY 4.0"));
    STEMNET_TRY_VOID(
        record(c, postcodes_file.report, "norway-geodata (Posten/Bring register)", "MIT"));
    STEMNET_TRY_VOID(record(c, science_file.report, "Forskningsrådet", "NLOD"));
    STEMNET_TRY_VOID(record(c, he_file.report, "SSB", "NLOD"));
    for (auto [shape, file] : {std::pair{&county_shapes, &county_shapes_file},
                               std::pair{&municipality_shapes, &municipality_shapes_file}}) {
      file->report.rows = static_cast<std::int64_t>(shape->codes.size());
      STEMNET_TRY(file->report.changed, Store::put(c, *shape));
      STEMNET_TRY_VOID(record(c, file->report, "Kartverket", "CC BY 4.0"));
    }
    STEMNET_TRY_VOID(write_history(c, history));
    STEMNET_TRY_VOID(write_schools(c, udir, importing));
    return ok();
  });
  if (!written) return std::move(written).error();
  for (auto* f :
       {&county_places, &county_names, &municipality_places, &municipality_facts, &territories_file,
        &postcodes_file, &science_file, &he_file, &county_shapes_file, &municipality_shapes_file}) {
    report.files.push_back(f->report);
  }
  for (auto* f : {&history.changes, &history.counties, &history.weights}) {
    report.files.push_back(f->report);
  }
  for (const auto& l : history.lists) report.files.push_back(l.report);
  for (auto& [f, parsed] : udir) report.files.push_back(f.report);
  return report;
}

Result<ImportReport> import_schools(db::Pool& pool, const std::vector<fs::path>& paths) {
  if (paths.empty()) return Error::invalid("FILE", "name at least one file");
  STEMNET_TRY(auto udir, load_udir(paths));
  STEMNET_TRY(auto conn, pool.acquire());
  auto written = db::transaction(
      *conn, [&](db::Connection& c) -> Result<void> { return write_schools(c, udir, {}); });
  if (!written) return std::move(written).error();
  ImportReport report;
  for (auto& [f, parsed] : udir) report.files.push_back(f.report);
  return report;
}

}  // namespace stemnet::registry
