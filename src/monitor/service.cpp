#include "monitor/service.hpp"

#include "core/clock.hpp"
#include "core/encoding.hpp"
#include "monitor/area.hpp"
#include "monitor/catalogue.hpp"
#include "monitor/current_areas.hpp"
#include "monitor/errors.hpp"

#include <algorithm>
#include <set>

namespace stemnet::monitor {
namespace {

bool valid_level(const std::string& l) {
  return std::find(std::begin(kLevels), std::end(kLevels), l) != std::end(kLevels);
}

Target target_from(const db::Row& r) {
  return Target{r.text(0), r.text(1), r.text(2),
                r.text(3), r.real(4), static_cast<int>(r.integer(5)),
                r.text(6), r.text(7), r.text(8)};
}

constexpr const char* kTargetColumns =
    "SELECT id, indicator_id, area_level, area_code, value, year, set_by, reason, created_at FROM "
    "target";

}  // namespace

Result<std::vector<IndicatorSummary>> Service::indicators(
    const std::optional<std::string>& stage, const std::optional<std::string>& source) {
  if (stage && std::find(std::begin(kStages), std::end(kStages), *stage) == std::end(kStages)) {
    return errors::not_one_of("stage", *stage,
                              "primary, lower_secondary, upper_secondary, higher_education, "
                              "labour_market, engagement, context");
  }
  return store_.indicators(stage, source);
}

Result<std::vector<Target>> Service::targets(const std::string& indicator_id) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows,
              conn->query(std::string(kTargetColumns) +
                              " WHERE indicator_id = $1 ORDER BY area_level, area_code, year, id",
                          {indicator_id}));
  std::vector<Target> out;
  for (const auto& r : rows) out.push_back(target_from(r));
  return out;
}

Result<IndicatorDetail> Service::indicator(const std::string& id) {
  STEMNET_TRY(auto summary, store_.indicator(id));
  STEMNET_TRY(auto periods, store_.periods(id));
  STEMNET_TRY(auto provenance, store_.provenance(id));
  STEMNET_TRY(auto targets, this->targets(id));
  return IndicatorDetail{std::move(summary), std::move(periods), std::move(provenance),
                         std::move(targets)};
}

Result<DataResult> Service::data(const std::string& id, const DataQuery& q) {
  STEMNET_TRY(auto summary, store_.indicator(id));
  const Indicator& ind = summary.indicator;
  CellFilter f;
  f.indicator = id;
  if (q.level) {
    if (!valid_level(*q.level)) {
      return errors::not_one_of("level", *q.level, "country, county, municipality, school");
    }
    f.level = q.level;
  }
  if (q.area) {
    auto normal = normalize_area(*q.area);
    if (!normal) return errors::area_invalid(*q.area);
    const AreaRef& area = *normal;
    if (f.level && *f.level != area.level) {
      return errors::area_level_mismatch(*q.area, area.level, *f.level);
    }
    f.level = area.level;
    // On today's areas an area's figure may come from other codes: chosen after the move.
    if (!q.current_areas) f.area = area.code;
  }
  if (q.period && *q.period != "latest") f.period = q.period;
  for (const auto& [dim, cat] : q.breakdown) {
    if (std::find(ind.breakdowns.begin(), ind.breakdowns.end(), dim) == ind.breakdowns.end()) {
      return errors::breakdown_unknown(id, dim);
    }
  }
  f.breakdown = q.breakdown;
  STEMNET_TRY(auto cells, store_.cells(f));
  if (q.current_areas) {
    STEMNET_TRY(cells, on_current_areas(registry_, ind, std::move(cells)));
    if (q.area) {
      const auto area = *normalize_area(*q.area);
      std::erase_if(cells, [&](const Cell& c) { return c.area_code != area.code; });
    }
  }
  if (q.period && *q.period == "latest" && !cells.empty()) {
    std::string latest;
    for (const auto& c : cells) latest = std::max(latest, c.period);
    std::erase_if(cells, [&](const Cell& c) { return c.period != latest; });
  }
  DataResult out{ind, std::move(cells), {}, {}, q.current_areas};
  std::set<std::string> levels, periods;
  for (const auto& c : out.cells) {
    levels.insert(c.area_level);
    periods.insert(c.period);
  }
  for (const auto& level : levels) {
    STEMNET_TRY(auto names, registry_.area_names(level));
    for (auto& [code, name] : names) out.area_names.emplace(level + ":" + code, std::move(name));
  }
  STEMNET_TRY(auto provenance, store_.provenance(id));
  for (auto& p : provenance) {
    if (periods.count(p.period)) out.provenance.push_back(std::move(p));
  }
  return out;
}

Result<Profile> Service::profile(const std::string& code) {
  auto area = normalize_area(code);
  if (!area || (area->level != "municipality" && area->level != "county")) {
    return errors::profile_area_invalid(code);
  }
  STEMNET_TRY(auto names, registry_.area_names(area->level));
  auto name = names.find(area->code);
  if (name == names.end()) return errors::area_not_found(area->level, area->code);
  Profile out{area->level, area->code, name->second, {}};

  STEMNET_TRY(auto summaries, store_.indicators(std::nullopt, std::nullopt));
  for (auto& s : summaries) {
    ProfileEntry e{std::move(s), std::nullopt, std::nullopt, "", std::nullopt, 0,
                   std::nullopt, std::nullopt};
    const Indicator& ind = e.summary.indicator;
    if (std::find(ind.levels.begin(), ind.levels.end(), area->level) == ind.levels.end()) continue;
    // The area's series on the headline breakdown.
    STEMNET_TRY(auto own, store_.cells({ind.id, area->level, area->code, std::nullopt,
                                        breakdown_parts(ind.headline)}));
    std::erase_if(own, [&](const Cell& c) { return c.breakdown != ind.headline; });
    std::vector<Point> series;
    for (const auto& c : own) {
      if (c.value) {
        if (auto y = period_year(c.period)) series.push_back({*y, *c.value});
      }
    }
    if (!own.empty()) {
      const Cell& latest = *std::max_element(
          own.begin(), own.end(), [](const Cell& a, const Cell& b) { return a.period < b.period; });
      e.period = latest.period;
      e.value = latest.value;
      e.status = latest.status;
      // Rank among the peers: same level, same period, headline breakdown.
      STEMNET_TRY(auto peers, store_.cells({ind.id, area->level, std::nullopt, latest.period, {}}));
      std::vector<double> values;
      for (const auto& c : peers) {
        if (c.breakdown == ind.headline && c.value) values.push_back(*c.value);
      }
      e.peers = static_cast<int>(values.size());
      if (latest.value && ind.direction != "neutral") {
        const bool higher = ind.direction == "higher_is_better";
        e.rank = 1 + static_cast<int>(std::count_if(values.begin(), values.end(), [&](double v) {
                   return higher ? v > *latest.value : v < *latest.value;
                 }));
      }
    }
    STEMNET_TRY(auto targets, this->targets(ind.id));
    // The area's own target, else the one for all areas; the latest set wins.
    const Target* chosen = nullptr;
    for (const bool own : {true, false}) {
      for (const auto& t : targets) {
        const bool fits = own ? (t.area_level == area->level && t.area_code == area->code)
                              : t.area_level == "all";
        if (fits && (!chosen || t.created_at >= chosen->created_at)) chosen = &t;
      }
      if (chosen) break;
    }
    if (chosen) {
      e.target = *chosen;
      e.progress = progress(series, chosen->value, chosen->year, ind.direction);
    }
    out.entries.push_back(std::move(e));
  }
  return out;
}

Result<Target> Service::add_target(Target t) {
  STEMNET_TRY(auto summary, store_.indicator(t.indicator_id));
  const Indicator& ind = summary.indicator;
  if (ind.direction == "neutral") {
    return Error::invalid(
        "indicator",
        ind.id + " is neutral (neither higher nor lower is better): it takes no target");
  }
  if (t.area_level != "all") {
    STEMNET_TRY(AreaRef area, normalize_area(t.area_code));
    if (area.level != "county" && area.level != "municipality") {
      return Error::invalid("area",
                            "a target is for a county, a municipality, or all areas (--area all)");
    }
    if (std::find(ind.levels.begin(), ind.levels.end(), area.level) == ind.levels.end()) {
      return Error::invalid("area", ind.id + " has no figures at " + area.level + " level");
    }
    STEMNET_TRY(auto names, registry_.area_names(area.level));
    if (!names.count(area.code))
      return Error::invalid("area", "no " + area.level + " has code " + area.code);
    t.area_level = area.level;
    t.area_code = area.code;
  } else {
    t.area_code = "";
  }
  if (t.year < 2000 || t.year > 2100)
    return Error::invalid("year", "a target year is from 2000 to 2100");
  if (t.set_by.empty()) return Error::invalid("set_by", "say who set the target");
  if (t.reason.empty())
    return Error::invalid("reason", "say why: the decision or plan the target comes from");
  t.created_at = utc_now_iso_ms();  // the latest set wins in profiles, also within a second
  t.id = sha256_hex(t.indicator_id + "|" + t.area_level + "|" + t.area_code + "|" +
                    std::to_string(t.year) + "|" + t.created_at + "|" + t.set_by)
             .substr(0, 16);
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY_VOID(conn->execute(
      "INSERT INTO target (id, indicator_id, area_level, area_code, value, year, set_by,"
      " reason, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {t.id, t.indicator_id, t.area_level, t.area_code, t.value, t.year, t.set_by, t.reason,
       t.created_at}));
  return t;
}

}  // namespace stemnet::monitor
