// monitor/service.hpp — the rules of reading the monitor: which filters are
// valid, which period is "latest", ranks among peers and progress against
// targets.
//
// Example:
//   Service svc(store, registry);
//   auto data = svc.data("population", {.level = "county", .period = "latest"});
//   auto profile = svc.profile("0301");   // every indicator's latest value for Oslo
#pragma once

#include "core/result.hpp"
#include "monitor/progress.hpp"
#include "monitor/store.hpp"
#include "monitor/targets.hpp"
#include "registry/service.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace stemnet::monitor {

struct DataQuery {
  std::optional<std::string> area;    // any code normalize_area() accepts
  std::optional<std::string> level;   // country | county | municipality | school
  std::optional<std::string> period;  // exact, or "latest"
  std::map<std::string, std::string> breakdown;
  // On today's areas (monitor/current_areas.hpp), not the codes as published.
  bool current_areas = false;
};

struct DataResult {
  Indicator indicator;
  std::vector<Cell> cells;
  std::map<std::string, std::string> area_names;  // "level:code" -> name
  std::vector<Provenance> provenance;             // of the periods shown
  bool current_areas = false;                     // cells carry their derivation
};

struct IndicatorDetail {
  IndicatorSummary summary;
  std::vector<std::string> periods;
  std::vector<Provenance> provenance;
  std::vector<Target> targets;
};

struct ProfileEntry {
  IndicatorSummary summary;
  std::optional<std::string> period;  // latest with a figure for this area; nullopt: no data yet
  std::optional<double> value;
  std::string status;
  std::optional<int>
      rank;       // 1 = best among peers (same level, period); nullopt when neutral or no value
  int peers = 0;  // areas of the level with a number that period
  std::optional<Target> target;
  std::optional<Progress> progress;
};

struct Profile {
  std::string level, code, name;
  std::vector<ProfileEntry> entries;
};

// An area with the target that applies to it (its own, else all areas') and
// how it is doing.
struct AreaProgress {
  std::string level, code, name;
  Target target;
  Progress progress;
};

class Service {
 public:
  Service(Store& store, registry::Service& registry, db::Pool& pool)
      : store_(store), registry_(registry), pool_(pool), targets_(store, registry, pool) {}

  Result<std::vector<IndicatorSummary>> indicators(const std::optional<std::string>& stage,
                                                   const std::optional<std::string>& source);
  Result<IndicatorDetail> indicator(const std::string& id);
  Result<DataResult> data(const std::string& id, const DataQuery& query);
  // A municipality ("0301", "K-0301") or county ("03", "F-03").
  Result<Profile> profile(const std::string& code);
  // Every area of `level` (county, municipality) with an active target that
  // applies to it, and its progress; none when the indicator has no target.
  Result<std::vector<AreaProgress>> progress_of(const std::string& id, const std::string& level);
  // Adds a target from the command line (monitor/targets.hpp); fails naming the field.
  Result<Target> add_target(Target target);
  Targets& target_service() { return targets_; }

 private:
  // The active targets of an indicator.
  Result<std::vector<Target>> targets(const std::string& indicator_id);
  Store& store_;
  registry::Service& registry_;
  db::Pool& pool_;
  Targets targets_;
};

}  // namespace stemnet::monitor
