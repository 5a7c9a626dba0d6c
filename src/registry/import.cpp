// Orchestrates imports: find the files, parse them all, then write them in
// one transaction with a record of each file.
#include "registry/import.hpp"

#include "core/clock.hpp"
#include "core/encoding.hpp"
#include "core/file.hpp"
#include "registry/history.hpp"
#include "registry/store.hpp"
#include "text/json_file.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace stemnet::registry {
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

struct Loaded {
  std::string path;
  std::string bytes;
  FileReport report;
};

Result<Loaded> load(const fs::path& path, std::string what) {
  STEMNET_TRY(std::string bytes, read_file(path));
  Loaded l{path.string(), std::move(bytes), {}};
  l.report.file = l.path;
  l.report.sha256 = sha256_hex(l.bytes);
  l.report.what = std::move(what);
  return l;
}

// The one file in `dir` whose name starts with `prefix` and ends with
// `suffix`. Fails when none or several match, naming them.
Result<fs::path> find_one(const fs::path& dir, const std::string& prefix,
                          const std::string& suffix) {
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() >= prefix.size() + suffix.size() && name.starts_with(prefix) &&
        name.ends_with(suffix)) {
      found.push_back(entry.path());
    }
  }
  if (ec) return Error::malformed_file(dir.string(), 0, "cannot read folder: " + ec.message());
  if (found.empty()) {
    return Error::malformed_file(dir.string(), 0,
                                 "no file " + prefix + "*" + suffix + " in this folder");
  }
  if (found.size() > 1) {
    std::sort(found.begin(), found.end());
    return Error::malformed_file(dir.string(), 0,
                                 "several files match " + prefix + "*" + suffix + ": " +
                                     found[0].filename().string() + ", " +
                                     found[1].filename().string());
  }
  return found[0];
}

// Records the file unless the same bytes were recorded before.
Result<void> record(db::Connection& c, FileReport& f, const std::string& source,
                    const std::string& licence) {
  STEMNET_TRY(
      std::int64_t n,
      c.execute("INSERT INTO import_record (kind, file_name, sha256, row_count, source, licence,"
                " imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"
                " ON CONFLICT (kind, sha256) DO NOTHING",
                {f.what, fs::path(f.file).filename().string(), f.sha256, f.rows, source, licence,
                 utc_now_iso()}));
  f.already_recorded = n == 0;
  return ok();
}

template <class T>
Result<std::int64_t> put_all(db::Connection& c, const std::vector<T>& items) {
  std::int64_t changed = 0;
  for (const auto& item : items) {
    STEMNET_TRY(std::int64_t n, Store::put(c, item));
    changed += n;
  }
  return changed;
}

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

struct HistoryLoaded {
  Loaded changes, counties, weights;
  std::vector<Loaded> lists;
  AreaHistory history;
};

// areas-history/: SSB's change table and code lists, our county names,
// FHI's weights; checked whole, and against today's municipalities.
Result<HistoryLoaded> load_history(const fs::path& dir,
                                   const std::vector<Municipality>& municipalities) {
  STEMNET_TRY(auto changes_path, find_one(dir, "ssb-klass-131-changes-", ".json"));
  STEMNET_TRY(auto counties_path, find_one(dir, "counties-", ".csv"));
  STEMNET_TRY(auto weights_path, find_one(dir, "fhi-csdata-county-redistricting-", ".csv"));
  HistoryLoaded h;
  STEMNET_TRY(h.changes, load(changes_path, "area changes"));
  STEMNET_TRY(h.counties, load(counties_path, "county history"));
  STEMNET_TRY(h.weights, load(weights_path, "county weights"));
  HistoryFiles files{{h.changes.path, h.changes.bytes},
                     {},
                     {h.counties.path, h.counties.bytes},
                     {h.weights.path, h.weights.bytes}};
  std::vector<fs::path> list_paths;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("ssb-klass-131-version-") && name.ends_with(".csv")) {
      list_paths.push_back(entry.path());
    }
  }
  std::sort(list_paths.begin(), list_paths.end());
  for (const auto& p : list_paths) {
    const std::string stem = p.stem().string();
    const std::string year = stem.substr(stem.size() - 4);
    if (year.find_first_not_of("0123456789") != std::string::npos) {
      return Error::malformed_file(p.string(), 0, "expected ssb-klass-131-version-YYYY.csv");
    }
    STEMNET_TRY(Loaded l, load(p, "area lists"));
    files.lists.push_back({std::stoi(year), {l.path, l.bytes}});
    h.lists.push_back(std::move(l));
  }
  STEMNET_TRY(h.history, build_history(files));
  // The latest list is today's: the registry's municipalities, no more, no fewer.
  std::set<std::string> listed, registry;
  for (const auto& v : h.history.versions) {
    if (v.level == "municipality" && !v.valid_to) listed.insert(v.code);
  }
  for (const auto& m : municipalities) registry.insert(m.number);
  for (const auto& code : registry) {
    if (!listed.contains(code)) {
      return Error::malformed_file(h.lists.back().path, 0,
                                   "municipality " + code + " of the registry is not in this list");
    }
  }
  for (const auto& code : listed) {
    if (!registry.contains(code)) {
      return Error::malformed_file(
          h.lists.back().path, 0,
          code + " is in this list but not among the registry's municipalities");
    }
  }
  return h;
}

Result<void> write_history(db::Connection& c, HistoryLoaded& h) {
  const auto& hist = h.history;
  h.changes.report.rows = h.counties.report.rows = h.weights.report.rows = 0;
  for (const auto& v : hist.versions) {
    STEMNET_TRY(std::int64_t n, Store::put(c, v));
    (v.level == "county" ? h.counties : h.lists.front()).report.changed += n;
    if (v.level == "county") ++h.counties.report.rows;
  }
  for (auto& l : h.lists) {
    l.report.rows = static_cast<std::int64_t>(std::count(l.bytes.begin(), l.bytes.end(), '\n')) - 1;
  }
  for (const auto& ch : hist.changes) {
    STEMNET_TRY(std::int64_t n, Store::put(c, ch));
    h.changes.report.changed += n;
    if (ch.level == "municipality") ++h.changes.report.rows;
  }
  for (const auto& w : hist.weights) {
    STEMNET_TRY(std::int64_t n, Store::put(c, w));
    h.weights.report.changed += n;
  }
  h.weights.report.rows = static_cast<std::int64_t>(hist.weights.size());
  STEMNET_TRY_VOID(record(c, h.changes.report, "SSB KLASS 131", "CC BY 4.0"));
  for (auto& l : h.lists) STEMNET_TRY_VOID(record(c, l.report, "SSB KLASS 131", "CC BY 4.0"));
  STEMNET_TRY_VOID(record(c, h.counties.report, "stemnet, from SSB KLASS 104", "CC BY 4.0"));
  return record(c, h.weights.report, "Folkehelseinstituttet csdata", "MIT");
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
