// Parsers for the reference files of data/reference, as their publishers
// wrote them: CSV (UTF-8, RFC 4180 quoting) and JSON arrays.
#include "core/encoding.hpp"
#include "geo/area_code.hpp"
#include "registry/import.hpp"
#include "text/delimited.hpp"
#include "text/encoding.hpp"
#include "text/json_file.hpp"
#include "text/normalize.hpp"
#include "text/number.hpp"

#include <boost/json.hpp>

namespace stemnet::registry {
namespace json = boost::json;

namespace {

Result<text::Table> read_csv(std::string_view bytes, const std::string& file) {
  STEMNET_TRY(std::string utf8, text::to_utf8(bytes, file));
  return text::read_delimited(utf8, file);
}

// A JSON array of objects, each checked to be an object.
Result<const json::array*> json_array(const json::value& doc, const std::string& file) {
  const auto* arr = doc.if_array();
  if (!arr) return Error::malformed_file(file, 1, "expected a JSON array of objects");
  for (std::size_t i = 0; i < arr->size(); ++i) {
    if (!(*arr)[i].is_object()) {
      return Error::malformed_file(file, 0, "[" + std::to_string(i) + "]: expected an object");
    }
  }
  return arr;
}

// Field `key` of item `i` as a string; an error names the JSON path.
Result<std::string> json_string(const json::object& o, std::string_view key, std::size_t i,
                                const std::string& file, bool required = true) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) {
    if (!required) return std::string();
    return Error::malformed_file(file, 0,
                                 "[" + std::to_string(i) + "]." + std::string(key) + ": missing");
  }
  if (!v->is_string()) {
    return Error::malformed_file(
        file, 0, "[" + std::to_string(i) + "]." + std::string(key) + ": expected a string");
  }
  return std::string(v->as_string());
}

struct Cells {
  const text::Table& table;
  const text::Record& record;

  std::string str(std::size_t col) const { return text::trim(record.fields[col]); }
  std::optional<std::string> opt(std::size_t col) const {
    auto s = str(col);
    if (s.empty()) return std::nullopt;
    return s;
  }
  Result<double> decimal(std::size_t col) const {
    auto v = text::parse_decimal(record.fields[col]);
    if (!v) return table.field_error(record, col, v.error().detail);
    return *v;
  }
  Result<std::int64_t> integer(std::size_t col) const {
    auto v = text::parse_integer(record.fields[col]);
    if (!v) return table.field_error(record, col, v.error().detail);
    return static_cast<std::int64_t>(*v);
  }
  Result<geo::Point> point(std::size_t lon, std::size_t lat) const {
    STEMNET_TRY(double x, decimal(lon));
    STEMNET_TRY(double y, decimal(lat));
    geo::Point p{x, y};
    if (!geo::is_valid(p)) return table.field_error(record, lon, "not a WGS84 longitude/latitude");
    return p;
  }
  Result<std::string> municipality_number(std::size_t col) const {
    auto s = str(col);
    if (!geo::is_municipality_number(s)) {
      return table.field_error(record, col, "not a 4-digit municipality number: '" + s + "'");
    }
    return s;
  }
  Result<std::string> county_number(std::size_t col) const {
    auto s = str(col);
    if (!geo::is_county_number(s)) {
      return table.field_error(record, col, "not a 2-digit county number: '" + s + "'");
    }
    return s;
  }
};

}  // namespace

std::string slug(std::string_view text) {
  std::string key = text::search_key(text);
  std::string out;
  bool dash = false;
  for (char c : key) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !out.empty()) out += '-';
      out += c;
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

Result<std::vector<County>> parse_county_places(std::string_view bytes, const std::string& file) {
  STEMNET_TRY(auto t, read_csv(bytes, file));
  STEMNET_TRY(auto col,
              t.columns({"fylkesnummer", "fylkesnavn", "population", "label_lon", "label_lat"}));
  std::vector<County> out;
  for (const auto& rec : t.records) {
    Cells c{t, rec};
    County v;
    STEMNET_TRY(v.number, c.county_number(col[0]));
    v.name = c.str(col[1]);
    STEMNET_TRY(v.population, c.integer(col[2]));
    STEMNET_TRY(v.label_point, c.point(col[3], col[4]));
    out.push_back(std::move(v));
  }
  return out;
}

Result<std::vector<Municipality>> parse_municipality_places(std::string_view bytes,
                                                            const std::string& file) {
  STEMNET_TRY(auto t, read_csv(bytes, file));
  STEMNET_TRY(auto col,
              t.columns({"kommunenummer", "kommunenavn_geojson", "fylkesnummer", "adm_center",
                         "population", "area_km2", "label_lon", "label_lat"}));
  std::vector<Municipality> out;
  for (const auto& rec : t.records) {
    Cells c{t, rec};
    Municipality v;
    STEMNET_TRY(v.number, c.municipality_number(col[0]));
    v.name = c.str(col[1]);
    STEMNET_TRY(v.county_number, c.county_number(col[2]));
    if (v.number.substr(0, 2) != *v.county_number) {
      return t.field_error(rec, col[2],
                           "municipality " + v.number + " is not in county " + *v.county_number);
    }
    v.admin_centre = c.opt(col[3]);
    STEMNET_TRY(v.population, c.integer(col[4]));
    STEMNET_TRY(v.area_km2, c.decimal(col[5]));
    STEMNET_TRY(v.label_point, c.point(col[6], col[7]));
    out.push_back(std::move(v));
  }
  return out;
}

Result<std::vector<Municipality>> parse_territories(std::string_view bytes,
                                                    const std::string& file) {
  STEMNET_TRY(auto t, read_csv(bytes, file));
  STEMNET_TRY(auto col, t.columns({"number", "name", "name_norwegian", "label_lon", "label_lat"}));
  std::vector<Municipality> out;
  for (const auto& rec : t.records) {
    Cells c{t, rec};
    Municipality v;
    v.kind = "territory";
    STEMNET_TRY(v.number, c.municipality_number(col[0]));
    v.name = c.str(col[1]);
    v.name_norwegian = c.str(col[2]);
    STEMNET_TRY(v.label_point, c.point(col[3], col[4]));
    out.push_back(std::move(v));
  }
  return out;
}

namespace {

// The area code in `properties.<key>` of each item of `items`, checked by
// `valid`; `path` names the array in errors ("features").
Result<std::vector<std::string>> boundary_codes(const json::array& items, std::string_view key,
                                                bool (*valid)(std::string_view),
                                                const std::string& path, const std::string& file) {
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string at = path + "[" + std::to_string(i) + "]";
    const auto* item = items[i].if_object();
    const auto* props = item ? item->if_contains("properties") : nullptr;
    if (!props || !props->is_object()) {
      return Error::malformed_file(file, 0, at + ".properties: expected an object");
    }
    STEMNET_TRY(auto code, json_string(props->as_object(), key, i, file));
    if (!valid(code)) {
      return Error::malformed_file(
          file, 0, at + ".properties." + std::string(key) + ": not an area code: '" + code + "'");
    }
    codes.push_back(std::move(code));
  }
  return codes;
}

Boundary boundary_of(std::string level, std::string format, std::string_view bytes,
                     std::vector<std::string> codes) {
  return {std::move(level), std::move(format), std::string(bytes), sha256_hex(bytes),
          std::move(codes)};
}

}  // namespace

Result<Boundary> parse_county_boundaries(std::string_view bytes, const std::string& file) {
  STEMNET_TRY(auto doc, text::parse_json(bytes, file));
  const auto* o = doc.if_object();
  const auto* type = o ? o->if_contains("type") : nullptr;
  if (!type || !type->is_string() || type->as_string() != "FeatureCollection") {
    return Error::malformed_file(file, 1, "type: expected a GeoJSON FeatureCollection");
  }
  const auto* features = o->if_contains("features");
  if (!features || !features->is_array()) {
    return Error::malformed_file(file, 1, "features: expected an array");
  }
  STEMNET_TRY(auto codes, boundary_codes(features->as_array(), "fylkesnummer",
                                         geo::is_county_number, "features", file));
  return boundary_of("county", "geojson", bytes, std::move(codes));
}

Result<Boundary> parse_municipality_boundaries(std::string_view bytes, const std::string& file) {
  STEMNET_TRY(auto doc, text::parse_json(bytes, file));
  const auto* o = doc.if_object();
  const auto* type = o ? o->if_contains("type") : nullptr;
  if (!type || !type->is_string() || type->as_string() != "Topology") {
    return Error::malformed_file(file, 1, "type: expected a TopoJSON Topology");
  }
  const auto* objects = o->if_contains("objects");
  const auto* kommuner =
      objects && objects->is_object() ? objects->as_object().if_contains("Kommuner") : nullptr;
  const auto* geometries =
      kommuner && kommuner->is_object() ? kommuner->as_object().if_contains("geometries") : nullptr;
  if (!geometries || !geometries->is_array()) {
    return Error::malformed_file(file, 1, "objects.Kommuner.geometries: expected an array");
  }
  STEMNET_TRY(auto codes,
              boundary_codes(geometries->as_array(), "kommunenummer", geo::is_municipality_number,
                             "objects.Kommuner.geometries", file));
  return boundary_of("municipality", "topojson", bytes, std::move(codes));
}

Result<std::vector<Postcode>> parse_postcodes(std::string_view bytes, const std::string& file) {
  STEMNET_TRY(auto doc, text::parse_json(bytes, file));
  STEMNET_TRY(const json::array* arr, json_array(doc, file));
  std::vector<Postcode> out;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const auto& o = (*arr)[i].as_object();
    Postcode p;
    STEMNET_TRY(p.code, json_string(o, "code", i, file));
    STEMNET_TRY(p.place, json_string(o, "place", i, file));
    STEMNET_TRY(p.municipality_number, json_string(o, "id", i, file));
    if (p.code.size() != 4 || p.code.find_first_not_of("0123456789") != std::string::npos) {
      return Error::malformed_file(
          file, 0, "[" + std::to_string(i) + "].code: not a 4-digit postcode: '" + p.code + "'");
    }
    if (!geo::is_municipality_number(p.municipality_number)) {
      return Error::malformed_file(file, 0,
                                   "[" + std::to_string(i) + "].id: not a municipality number: '" +
                                       p.municipality_number + "'");
    }
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<Institution>> parse_science_centres(std::string_view bytes,
                                                       const std::string& file) {
  STEMNET_TRY(auto t, read_csv(bytes, file));
  STEMNET_TRY(auto col, t.columns({"name", "kommunenummer", "source_url", "note"}));
  std::vector<Institution> out;
  for (const auto& rec : t.records) {
    Cells c{t, rec};
    Institution v;
    v.kind = "science_centre";
    v.name = c.str(col[0]);
    v.id = slug(v.name);
    v.source_url = c.opt(col[2]);
    v.note = c.opt(col[3]);
    // One or more sites, written "1108;1119"; empty where not verified.
    const std::string sites = c.str(col[1]);
    std::size_t start = 0;
    while (!sites.empty() && start <= sites.size()) {
      std::size_t end = sites.find(';', start);
      std::string number = text::trim(
          sites.substr(start, end == std::string::npos ? std::string::npos : end - start));
      if (!geo::is_municipality_number(number)) {
        return t.field_error(rec, col[1], "not a municipality number: '" + number + "'");
      }
      v.sites.push_back({number, {}, {}});
      if (end == std::string::npos) break;
      start = end + 1;
    }
    out.push_back(std::move(v));
  }
  return out;
}

Result<std::vector<Institution>> parse_higher_education(std::string_view bytes,
                                                        const std::string& file) {
  STEMNET_TRY(auto t, read_csv(bytes, file));
  STEMNET_TRY(auto col, t.columns({"name", "abbreviation", "ssb_category", "ownership",
                                   "main_site_kommunenummer", "source_url", "note"}));
  std::vector<Institution> out;
  for (const auto& rec : t.records) {
    Cells c{t, rec};
    Institution v;
    v.kind = "higher_education";
    v.name = c.str(col[0]);
    v.abbreviation = c.opt(col[1]);
    v.id = slug(v.abbreviation ? *v.abbreviation : v.name);
    v.category = c.opt(col[2]);
    v.ownership = c.opt(col[3]);
    if (auto m = c.opt(col[4])) {
      STEMNET_TRY(auto number, c.municipality_number(col[4]));
      v.sites.push_back({number, {}, {}});
    }
    v.source_url = c.opt(col[5]);
    v.note = c.opt(col[6]);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace stemnet::registry
