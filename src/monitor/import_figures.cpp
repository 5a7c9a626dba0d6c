// The figures the product ships, so that the monitor, the map and the
// profiles have pupils and population without a network: Udir's GSI answer
// (pupils per county and municipality) and the population of the reference
// places files.
#include "monitor/import_figures.hpp"

#include "core/encoding.hpp"
#include "core/time.hpp"
#include "monitor/import_common.hpp"
#include "registry/import.hpp"
#include "text/json_file.hpp"
#include "text/number.hpp"

#include <boost/json.hpp>

namespace stemnet::monitor {
namespace fs = std::filesystem;
namespace json = boost::json;
using detail::AreaCheck;
using detail::load;
using detail::Loaded;
using detail::need_indicator;
using detail::status_of;

namespace {

// Runs `make` in one transaction and writes the batch it builds.
template <class Make>
Result<FileOutcome> in_transaction(db::Pool& pool, Make make) {
  STEMNET_TRY(auto conn, pool.acquire());
  FileOutcome out;
  auto r = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY(ImportBatch b, make(c));
    STEMNET_TRY(out, detail::write(c, b));
    return ok();
  });
  if (!r) return std::move(r).error();
  return out;
}

// The country as the sum of its counties, unless one of them is not a number.
void add_country(ImportBatch& b, const std::string& indicator, const std::string& period) {
  double sum = 0;
  bool whole = true, any = false;
  for (const auto& c : b.cells) {
    if (c.area_level != "county") continue;
    any = true;
    whole = whole && c.value.has_value();
    if (c.value) sum += *c.value;
  }
  if (any && whole) {
    b.cells.push_back({indicator, "country", kCountryCode, period, "", sum, status::kNone});
  }
}

}  // namespace

Result<FileOutcome> import_gsi(db::Pool& pool, const fs::path& path) {
  STEMNET_TRY(Loaded f, load(path));
  STEMNET_TRY(auto doc, text::parse_json(f.bytes, f.path));
  // {"metadata": {"columns": [[{"name": "2025-26"}], …, [{"name": "Antall elever"}, …]]},
  //  "rows": [{"navn", "kode", "id", "data": ["38 101", …]}]}
  const auto* root = doc.if_object();
  const auto* rows = root ? root->if_contains("rows") : nullptr;
  const auto* meta = root ? root->if_contains("metadata") : nullptr;
  const auto* columns =
      meta && meta->is_object() ? meta->as_object().if_contains("columns") : nullptr;
  if (!rows || !rows->is_array() || !columns || !columns->is_array() ||
      columns->as_array().empty()) {
    return Error::malformed_file(f.path, 1,
                                 "expected Udir's GSI answer: {\"metadata\": {\"columns\": …}, "
                                 "\"rows\": […]}");
  }
  // The school year is the first column header; the measures the last.
  const auto& cols = columns->as_array();
  auto header = [&](std::size_t level, std::size_t i) -> std::string {
    const auto* l = cols[level].if_array();
    if (!l || i >= l->size() || !(*l)[i].is_object()) return "";
    const auto* n = (*l)[i].as_object().if_contains("name");
    return n && n->is_string() ? std::string(n->as_string()) : "";
  };
  const std::string period = header(0, 0);
  if (!valid_period(period)) {
    return Error::malformed_file(
        f.path, 0, "metadata.columns[0][0].name: not a school year: '" + period + "'");
  }
  if (header(cols.size() - 1, 0) != "Antall elever") {
    return Error::malformed_file(
        f.path, 0,
        "the first measure is '" + header(cols.size() - 1, 0) + "', not 'Antall elever'");
  }
  return in_transaction(pool, [&](db::Connection& c) -> Result<ImportBatch> {
    STEMNET_TRY(Indicator ind, need_indicator(c, "pupils", f.path, 0));
    ImportBatch b;
    b.id = "gsi:" + f.sha256;
    b.kind = "gsi";
    b.file_name = fs::path(f.path).filename().string();
    b.sha256 = f.sha256;
    b.source = ind.attribution;
    b.licence = ind.licence;
    AreaCheck areas(c);
    std::size_t i = 0;
    for (const auto& v : rows->as_array()) {
      const std::string at = "rows[" + std::to_string(i++) + "]";
      const auto* row = v.if_object();
      const auto* kode = row ? row->if_contains("kode") : nullptr;
      const auto* data = row ? row->if_contains("data") : nullptr;
      if (!kode || !kode->is_string() || !data || !data->is_array() || data->as_array().empty() ||
          !data->as_array()[0].is_string()) {
        return Error::malformed_file(f.path, 0, at + ": expected kode and data");
      }
      const std::string code(kode->as_string());
      auto area = normalize_area(code);
      if (!area || (area->level != "county" && area->level != "municipality")) {
        return Error::malformed_file(f.path, 0,
                                     at + ".kode: not a county or municipality: '" + code + "'");
      }
      STEMNET_TRY(bool known, areas.known(*area));
      if (!known) {
        return Error::malformed_file(f.path, 0,
                                     at + ": " + area->level + " " + code + " is in no code list");
      }
      auto cell = text::parse_cell(data->as_array()[0].as_string());
      if (!cell) return Error::malformed_file(f.path, 0, at + ".data[0]: " + cell.error().detail);
      b.cells.push_back(
          {ind.id, area->level, area->code, period, "", cell->value, status_of(*cell)});
    }
    b.rows = static_cast<std::int64_t>(i);
    add_country(b, ind.id, period);
    return b;
  });
}

Result<FileOutcome> import_reference_population(db::Pool& pool, const fs::path& dir) {
  const fs::path counties_path = dir / "places" / "fylker-2024.csv";
  const fs::path municipalities_path = dir / "places" / "kommuner-2024.csv";
  STEMNET_TRY(Loaded counties_file, load(counties_path));
  STEMNET_TRY(Loaded municipalities_file, load(municipalities_path));
  STEMNET_TRY(auto counties,
              registry::parse_county_places(counties_file.bytes, counties_file.path));
  STEMNET_TRY(auto municipalities, registry::parse_municipality_places(municipalities_file.bytes,
                                                                       municipalities_file.path));
  // The files count the residents of 1 January 2024.
  const std::string period = "2024";
  return in_transaction(pool, [&](db::Connection& c) -> Result<ImportBatch> {
    STEMNET_TRY(Indicator ind, need_indicator(c, "population", counties_file.path, 0));
    ImportBatch b;
    b.sha256 = sha256_hex(counties_file.sha256 + municipalities_file.sha256);
    b.id = "reference:" + b.sha256 + ":population";
    b.kind = "reference";
    b.file_name = "places/fylker-2024.csv, places/kommuner-2024.csv";
    b.source = "Befolkning: Statistisk sentralbyrå (the reference places files)";
    b.licence = ind.licence;
    for (const auto& county : counties) {
      if (!county.population) continue;
      b.cells.push_back({ind.id, "county", county.number, period, "",
                         static_cast<double>(*county.population), status::kNone});
    }
    for (const auto& m : municipalities) {
      if (!m.population) continue;
      b.cells.push_back({ind.id, "municipality", m.number, period, "",
                         static_cast<double>(*m.population), status::kNone});
    }
    b.rows = static_cast<std::int64_t>(counties.size() + municipalities.size());
    add_country(b, ind.id, period);
    return b;
  });
}

Result<std::vector<FileOutcome>> import_shipped_figures(db::Pool& pool, const fs::path& dir) {
  std::vector<FileOutcome> out;
  std::vector<fs::path> gsi;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / "pupils", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("udir-gsi-elever-og-skoler-") && name.ends_with(".json")) {
      gsi.push_back(entry.path());
    }
  }
  if (ec || gsi.empty()) {
    return Error::malformed_file((dir / "pupils").string(), 0,
                                 "no udir-gsi-elever-og-skoler-*.json in this folder");
  }
  std::sort(gsi.begin(), gsi.end());
  for (const auto& p : gsi) {
    STEMNET_TRY(auto o, import_gsi(pool, p));
    out.push_back(std::move(o));
  }
  STEMNET_TRY(auto population, import_reference_population(pool, dir));
  out.push_back(std::move(population));
  return out;
}

}  // namespace stemnet::monitor
