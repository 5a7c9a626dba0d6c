#include "monitor/current_areas.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace stemnet::monitor {
namespace {

// One published figure's part in a figure on one of today's areas.
struct Part {
  const Cell* cell = nullptr;
  double weight = 1;  // NaN: split, and no weight known
  bool whole = true;  // the whole old area went into this one
};

std::string joined(const std::set<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string percent(double share) {
  return std::to_string(static_cast<int>(std::lround(share * 100))) + " %";
}

std::string by_changes(const std::set<std::string>& dates) {
  return std::string(dates.size() > 1 ? " by SSB's changes of " : " by SSB's change of ") +
         joined(dates);
}

// The worst status among parts: suppressed stays suppressed.
std::string worst(const std::vector<Part>& parts) {
  std::string out;
  for (const auto& p : parts) {
    const auto& s = p.cell->status;
    if (s.empty()) continue;
    if (s == status::kSuppressed || s == status::kUdirSuppressed) return status::kSuppressed;
    out = status::kMissing;
  }
  return out;
}

}  // namespace

bool additive(const Indicator& ind) {
  return ind.unit == "persons" || ind.unit == "pupils" || ind.unit == "students";
}

Result<std::vector<Cell>> on_current_areas(registry::Service& registry, const Indicator& ind,
                                           std::vector<Cell> cells) {
  using Key = std::tuple<std::string, std::string, std::string, std::string>;  // level, code,
                                                                               // period, breakdown
  std::vector<Cell> out;
  std::map<Key, std::vector<Part>> moved;
  std::map<Key, std::set<std::string>> dates;
  std::map<std::tuple<std::string, std::string, std::string>, registry::Succession> successions;
  for (const auto& c : cells) {
    const bool area = c.area_level == "county" || c.area_level == "municipality";
    if (!area || !c.codes_to) {  // the country, schools, and codes still in force
      out.push_back(c);
      continue;
    }
    const auto memo = std::make_tuple(c.area_level, c.area_code, *c.codes_to);
    auto it = successions.find(memo);
    if (it == successions.end()) {
      STEMNET_TRY(auto s, registry.successors(c.area_level, c.area_code, *c.codes_to));
      it = successions.emplace(memo, std::move(s)).first;
    }
    const auto& succ = it->second;
    if (succ.dates.empty()) {  // nothing changed since its code version
      out.push_back(c);
      continue;
    }
    const bool split = succ.today.size() > 1;
    if (c.area_level == "county") {
      // FHI: the share of the county's population of its code version's year in each of today's.
      STEMNET_TRY(auto weights,
                  registry.county_weights(std::stoi(c.codes_to->substr(0, 4)), c.area_code));
      if (weights.empty()) {
        for (const auto& t : succ.today) {
          const Key k{c.area_level, t, c.period, c.breakdown};
          moved[k].push_back({&c, std::numeric_limits<double>::quiet_NaN(), false});
          dates[k].insert(succ.dates.begin(), succ.dates.end());
        }
        continue;
      }
      for (const auto& w : weights) {
        const Key k{c.area_level, w.current_code, c.period, c.breakdown};
        moved[k].push_back({&c, w.weight, w.weight >= 1.0});
        dates[k].insert(succ.dates.begin(), succ.dates.end());
      }
      continue;
    }
    for (const auto& t : succ.today) {
      const Key k{c.area_level, t, c.period, c.breakdown};
      moved[k].push_back({&c, split ? std::numeric_limits<double>::quiet_NaN() : 1.0, !split});
      dates[k].insert(succ.dates.begin(), succ.dates.end());
    }
  }

  // Each of today's areas from its parts.
  std::map<std::tuple<std::string, std::string, std::string>, std::set<std::string>> expected_memo;
  for (auto& [key, parts] : moved) {
    const auto& [level, code, period, breakdown] = key;
    Cell cell{ind.id, level, code, period, breakdown, std::nullopt, ""};
    std::set<std::string> from;
    bool unweighted = false, all_whole = true;
    for (const auto& p : parts) {
      from.insert(p.cell->area_code);
      unweighted = unweighted || std::isnan(p.weight);
      all_whole = all_whole && p.whole;
    }
    const std::string how = by_changes(dates[key]);
    Derivation d;
    d.from.assign(from.begin(), from.end());
    d.on.assign(dates[key].begin(), dates[key].end());
    auto say = [&](std::string kind, std::string text) {
      d.kind = std::move(kind);
      d.how = std::move(text);
    };
    // Every old area that became (part of) this one must be there.
    const std::string until = *parts.front().cell->codes_to;
    const auto memo = std::make_tuple(level, code, until);
    auto expected = expected_memo.find(memo);
    if (expected == expected_memo.end()) {
      STEMNET_TRY(auto pre, registry.predecessors(level, code, until));
      expected = expected_memo.emplace(memo, std::move(pre)).first;
    }
    std::set<std::string> missing;
    for (const auto& e : expected->second) {
      if (!from.contains(e)) missing.insert(e);
    }
    if (unweighted) {
      cell.status = status::kMissing;
      say("not_comparable", "not comparable: " + joined(from) + " was split" + how +
                                ", and no weights tell how its figure divides");
    } else if (!missing.empty() && level == "municipality") {
      cell.status = status::kMissing;
      say("not_comparable",
          "not comparable: no figure for " + joined(missing) + ", part of " + code + how);
    } else if (all_whole && parts.size() == 1) {
      cell.value = parts[0].cell->value;
      cell.status = parts[0].cell->status;
      say("renumbered", "from " + parts[0].cell->area_code + how);
    } else if (all_whole && additive(ind)) {
      cell.status = worst(parts);
      if (cell.status.empty()) {
        double sum = 0;
        for (const auto& p : parts) sum += *p.cell->value;
        cell.value = sum;
      }
      say("summed", "summed from " + joined(from) + how);
    } else if (all_whole) {
      cell.status = status::kMissing;
      say("not_comparable", "not comparable: merged from " + joined(from) + how + "; a " +
                                ind.unit +
                                " figure is not summed, and no numerator and denominator are "
                                "stored");
    } else if (additive(ind)) {
      d.estimate = true;
      cell.status = worst(parts);
      std::string shares;
      double sum = 0;
      for (const auto& p : parts) {
        if (p.cell->value) sum += *p.cell->value * p.weight;
        shares += (shares.empty() ? "" : ", ") + p.cell->area_code + " × " + percent(p.weight);
      }
      if (cell.status.empty()) cell.value = sum;
      say("estimated", "estimated from " + shares + " (FHI's population shares)" + how);
    } else if (parts.size() == 1) {
      d.estimate = true;
      cell.value = parts[0].cell->value;
      cell.status = parts[0].cell->status;
      say("estimated", "estimated: the figure of " + parts[0].cell->area_code + ", of which " +
                           percent(parts[0].weight) + " of the population is in " + code +
                           " (FHI)" + how);
    } else {
      cell.status = status::kMissing;
      say("not_comparable", "not comparable: made of parts of " + joined(from) + how + "; a " +
                                ind.unit + " figure is not divided");
    }
    if (!cell.status.empty()) cell.value.reset();
    cell.derivation = std::move(d);
    out.push_back(std::move(cell));
  }
  // A figure published on today's code beside one moved there: the published one stands.
  std::map<Key, std::size_t> first;
  std::vector<Cell> kept;
  for (auto& c : out) {
    const Key k{c.area_level, c.area_code, c.period, c.breakdown};
    auto [at, fresh] = first.emplace(k, kept.size());
    if (fresh) {
      kept.push_back(std::move(c));
    } else if (!c.derivation) {
      kept[at->second] = std::move(c);
    }
  }
  std::sort(kept.begin(), kept.end(), [](const Cell& a, const Cell& b) {
    return std::tie(a.area_level, a.area_code, a.period, a.breakdown) <
           std::tie(b.area_level, b.area_code, b.period, b.breakdown);
  });
  return kept;
}

}  // namespace stemnet::monitor
