#include "app/compute.hpp"

#include "booking/service.hpp"
#include "core/clock.hpp"
#include "core/encoding.hpp"
#include "matching/gaps.hpp"
#include "monitor/store.hpp"

#include <cmath>
#include <ctime>
#include <map>

namespace stemnet::app {
namespace {

// Writes computed cells as one import batch of `name`, unless the same
// figures were written before, or the indicator catalogue is not loaded (a
// fresh database: nothing to write them to, and nothing wrong); says what it
// did in `report`.
Result<void> write_computed(db::Pool& pool, const std::string& name,
                            std::vector<monitor::Cell> cells, const std::string& fingerprint,
                            const std::string& what, ComputeReport& report) {
  monitor::ImportBatch batch;
  batch.kind = "computed";
  batch.source = "stemnet";
  batch.licence = "CC BY 4.0";
  batch.sha256 = sha256_hex(fingerprint);
  batch.id = "computed:" + name + ":" + batch.sha256;
  batch.file_name = name + " (" + what + ")";
  batch.rows = static_cast<std::int64_t>(cells.size());
  batch.cells = std::move(cells);
  STEMNET_TRY(auto conn, pool.acquire());
  STEMNET_TRY(auto known, monitor::Store::find(*conn, name));
  if (!known) {
    report.lines.push_back(name +
                           ": not in the indicator catalogue, skipped (load it with `stemnet "
                           "monitor catalogue`)");
    return ok();
  }
  STEMNET_TRY(auto outcome, db::transaction(*conn, [&](db::Connection& c) {
                return monitor::Store::write_import(c, batch);
              }));
  report.lines.push_back(name + ": " + std::to_string(batch.cells.size()) + " cells" +
                         (outcome.already_imported
                              ? ", unchanged"
                              : ", " + std::to_string(outcome.cells_changed) + " written"));
  report.changed = report.changed || (!outcome.already_imported && outcome.cells_changed > 0);
  return ok();
}

const std::map<std::string, long>* counts_of(const matching::PupilCounts& pupils,
                                             const std::string& level) {
  if (level == "municipality") return &pupils.municipality;
  if (level == "county") return &pupils.county;
  if (level == "country") return &pupils.country;
  return nullptr;
}

// Udir's pupils of an area; nullopt when suppressed, not loaded, or none.
std::optional<long> pupils_of(const matching::PupilCounts& pupils, const std::string& level,
                              const std::string& code) {
  const auto* counts = counts_of(pupils, level);
  if (counts == nullptr) return std::nullopt;
  auto it = counts->find(code);
  if (it == counts->end() || it->second <= 0) return std::nullopt;
  return it->second;
}

// schools_engaged: the share of schools with a completed booking, per area
// and year; pupils_met_role_model: pupils at role-model talks per 1 000.
Result<void> compute_engagement(db::Pool& pool, const matching::PupilCounts& pupils,
                                ComputeReport& report) {
  const notify::Outbox outbox("");  // engagement() only reads: nothing is told
  booking::Service bookings(pool, outbox, local_minute_now);
  STEMNET_TRY(auto rows, bookings.engagement());
  std::vector<monitor::Cell> cells, met;
  std::string fingerprint, met_print;
  for (const auto& e : rows) {
    if (auto n = pupils_of(pupils, e.level, e.code)) {
      met.push_back(
          {"pupils_met_role_model", e.level, e.code, std::to_string(e.year), "",
           1000.0 * static_cast<double>(e.pupils_met_role_model) / static_cast<double>(*n), ""});
      met_print += e.level + e.code + std::to_string(e.year) + ":" +
                   std::to_string(e.pupils_met_role_model) + "/" + std::to_string(*n) + ";";
    }
    monitor::Cell cell{"schools_engaged", e.level, e.code, std::to_string(e.year), "",
                       std::nullopt,      ""};
    if (e.schools > 0) {
      cell.value = 100.0 * static_cast<double>(e.engaged) / static_cast<double>(e.schools);
    } else {
      cell.status = ".";  // an area with no school
    }
    fingerprint += e.level + e.code + std::to_string(e.year) + ":" + std::to_string(e.engaged) +
                   "/" + std::to_string(e.schools) + ";";
    cells.push_back(std::move(cell));
  }
  if (cells.empty()) {
    report.lines.emplace_back("schools_engaged: no completed bookings yet, nothing to compute");
    return ok();
  }
  if (!met.empty()) {
    STEMNET_TRY_VOID(write_computed(
        pool, "pupils_met_role_model", std::move(met), met_print,
        "computed from completed role-model talks and Udir's pupils " + pupils.period, report));
  }
  return write_computed(pool, "schools_engaged", std::move(cells), fingerprint,
                        "computed from completed bookings", report);
}

// offers_in_reach and cold_spots for this year, from the gaps.
Result<void> compute_gaps(db::Pool& pool, const matching::PupilCounts& pupils,
                          ComputeReport& report) {
  const int year = std::stoi(format_local(std::time(nullptr), "%Y"));
  const std::string period = std::to_string(year);
  std::vector<monitor::Cell> offers, cold, rate;
  std::string offers_print, cold_print, rate_print;
  std::map<std::string, std::pair<long, long>> share;  // county ("NO": all) -> (cold, all)
  long country_bookings = 0;
  for (const char* level : {"municipality", "county"}) {
    STEMNET_TRY(auto gaps, matching::gaps(pool, level, year, pupils));
    for (const auto& g : gaps) {
      offers.push_back({"offers_in_reach", g.level, g.code, period, "",
                        static_cast<double>(g.offers_in_reach), ""});
      offers_print += g.level + g.code + ":" + std::to_string(g.offers_in_reach) + ";";
      // Completed bookings per 1 000 of Udir's pupils; none where the count is withheld.
      if (g.bookings_per_1000_pupils) {
        rate.push_back({"bookings_per_1000_pupils", g.level, g.code, period, "",
                        *g.bookings_per_1000_pupils, ""});
        rate_print += g.level + g.code + ":" + std::to_string(g.bookings) + "/" +
                      std::to_string(g.pupils.value_or(0)) + ";";
      }
      if (g.level == "county") country_bookings += g.bookings;
      if (g.level != "municipality") continue;
      cold.push_back({"cold_spots", g.level, g.code, period, "", g.cold_spot ? 100.0 : 0.0, ""});
      cold_print += g.code + ":" + (g.cold_spot ? "1" : "0") + ";";
      for (const std::string& up : {g.code.substr(0, 2), std::string("NO")}) {
        share[up].first += g.cold_spot ? 1 : 0;
        ++share[up].second;
      }
    }
  }
  // Counties and the country: the share of their municipalities that are cold.
  for (const auto& [area, s] : share) {
    cold.push_back({"cold_spots", area == "NO" ? "country" : "county", area, period, "",
                    100.0 * static_cast<double>(s.first) / static_cast<double>(s.second), ""});
  }
  if (auto n = pupils_of(pupils, "country", "NO")) {
    rate.push_back({"bookings_per_1000_pupils", "country", "NO", period, "",
                    1000.0 * static_cast<double>(country_bookings) / static_cast<double>(*n), ""});
    rate_print += "NO:" + std::to_string(country_bookings) + "/" + std::to_string(*n) + ";";
  }
  STEMNET_TRY_VOID(write_computed(pool, "offers_in_reach", std::move(offers), offers_print,
                                  "computed from published offers", report));
  if (!rate.empty()) {
    STEMNET_TRY_VOID(write_computed(
        pool, "bookings_per_1000_pupils", std::move(rate), rate_print,
        "computed from completed bookings and Udir's pupils " + pupils.period, report));
  }
  return write_computed(pool, "cold_spots", std::move(cold), cold_print,
                        "computed by the cold-spot rule", report);
}

}  // namespace

Result<matching::PupilCounts> pupil_counts(db::Pool& pool) {
  monitor::Store store(pool);
  matching::PupilCounts out;
  STEMNET_TRY(auto periods, store.periods("pupils"));
  if (periods.empty()) return out;
  out.period = periods.back();
  STEMNET_TRY(auto cells, store.cells({.indicator = "pupils", .period = out.period}));
  for (const auto& c : cells) {
    if (!c.value || !c.breakdown.empty()) continue;  // suppressed: no denominator
    if (c.area_level == "municipality") out.municipality[c.area_code] = std::lround(*c.value);
    if (c.area_level == "county") out.county[c.area_code] = std::lround(*c.value);
    if (c.area_level == "country") out.country[c.area_code] = std::lround(*c.value);
  }
  return out;
}

Result<ComputeReport> compute_platform_indicators(db::Pool& pool) {
  ComputeReport report;
  STEMNET_TRY(auto pupils, pupil_counts(pool));
  if (pupils.period.empty())
    report.lines.emplace_back(
        "pupils: none loaded, so no figures per 1 000 pupils (`stemnet import figures`)");
  STEMNET_TRY_VOID(compute_engagement(pool, pupils, report));
  STEMNET_TRY_VOID(compute_gaps(pool, pupils, report));
  return report;
}

}  // namespace stemnet::app
