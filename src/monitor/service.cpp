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

// The area's own active target, else the one for all areas; the latest set wins.
const Target* applying_target(const std::vector<Target>& targets, const std::string& level,
                              const std::string& code) {
  const Target* chosen = nullptr;
  for (const bool own : {true, false}) {
    for (const auto& t : targets) {
      if (!t.active()) continue;
      const bool fits =
          own ? (t.area_level == level && t.area_code == code) : t.area_level == "all";
      if (fits && (!chosen || t.created_at >= chosen->created_at)) chosen = &t;
    }
    if (chosen) break;
  }
  return chosen;
}

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
  STEMNET_TRY(auto all, targets_.list(indicator_id));
  std::vector<Target> out;
  for (auto& t : all)
    if (t.active()) out.push_back(std::move(t));
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
    if (const Target* chosen = applying_target(targets, area->level, area->code)) {
      e.target = *chosen;
      e.progress = progress(series, chosen->value, chosen->year, ind.direction);
    }
    out.entries.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<AreaProgress>> Service::progress_of(const std::string& id,
                                                       const std::string& level) {
  if (level != "county" && level != "municipality")
    return errors::not_one_of("level", level, "county, municipality");
  STEMNET_TRY(auto summary, store_.indicator(id));
  const Indicator& ind = summary.indicator;
  STEMNET_TRY(auto targets, this->targets(id));
  std::vector<AreaProgress> out;
  if (targets.empty() || std::find(ind.levels.begin(), ind.levels.end(), level) == ind.levels.end())
    return out;
  // Each area's series on the headline breakdown, as published.
  STEMNET_TRY(auto cells,
              store_.cells({id, level, std::nullopt, std::nullopt, breakdown_parts(ind.headline)}));
  std::map<std::string, std::vector<Point>> series;
  for (const auto& c : cells) {
    if (c.breakdown != ind.headline || !c.value) continue;
    if (auto y = period_year(c.period)) series[c.area_code].push_back({*y, *c.value});
  }
  // Today's areas of the level (not the older codes the names also hold).
  STEMNET_TRY(auto names, registry_.area_names(level));
  const std::string today = utc_now_iso_ms().substr(0, 10);
  for (const auto& [code, name] : names) {
    const Target* t = applying_target(targets, level, code);
    if (!t) continue;
    auto now = registry_.as_of(level, code, today);
    if (!now || now->valid_to) continue;
    out.push_back(
        {level, code, name, *t, progress(series[code], t->value, t->year, ind.direction)});
  }
  return out;
}

Result<Target> Service::add_target(Target t) { return targets_.add(std::move(t)); }

}  // namespace stemnet::monitor
