#include "monitor/targets.hpp"

#include "core/clock.hpp"
#include "core/encoding.hpp"
#include "monitor/area.hpp"
#include "monitor/errors.hpp"

#include <algorithm>

namespace stemnet::monitor {
namespace {

std::string new_id(const Target& t) {
  return sha256_hex(t.indicator_id + "|" + t.area_level + "|" + t.area_code + "|" +
                    std::to_string(t.year) + "|" + t.created_at + "|" + t.set_by)
      .substr(0, 16);
}

// How a person is named on what they set: their name, else their e-mail.
std::string name_of(const accounts::Actor& actor) {
  return actor.person.name.empty() ? actor.person.email : actor.person.name;
}

}  // namespace

bool Targets::may_set(const accounts::Actor& actor, const std::string& level,
                      const std::string& code) {
  if (level == "all") return actor.is_admin();
  return actor.coordinates(code.substr(0, 2));
}

Result<Target> Targets::checked(Target t, bool from_body) {
  STEMNET_TRY(auto summary, store_.indicator(t.indicator_id));
  const Indicator& ind = summary.indicator;
  if (ind.direction == "neutral") return errors::target_neutral(ind.id);
  const std::string given = t.area_code;
  if (t.area_level != "all") {
    auto area = normalize_area(t.area_code);
    if (!area || (area->level != "county" && area->level != "municipality")) {
      return errors::target_area_invalid(
          given, from_body ? "a target is for a county, a municipality, or all areas"
                           : "a target is for a county, a municipality, or all areas (--area all)");
    }
    if (std::find(ind.levels.begin(), ind.levels.end(), area->level) == ind.levels.end())
      return errors::target_level_missing(ind.id, area->level);
    // An area of today: a target is a plan for what exists.
    auto now = registry_.as_of(area->level, area->code, utc_now_iso_ms().substr(0, 10));
    if (!now || now->valid_to)
      return errors::target_area_invalid(given, "no " + area->level + " has code " + area->code);
    t.area_level = area->level;
    t.area_code = area->code;
  } else {
    t.area_code = "";
  }
  if (t.year < 2000 || t.year > 2100) return errors::target_year_invalid();
  if (t.set_by.empty()) return Error::invalid("set_by", "say who set the target");
  if (t.reason.empty()) return errors::target_reason_missing();
  // The latest set wins in profiles, also within a second.
  t.created_at = utc_now_iso_ms();
  t.id = new_id(t);
  return t;
}

Result<std::vector<Target>> Targets::list(const std::string& indicator_id) {
  STEMNET_TRY(auto conn, pool_.acquire());
  return Store::targets(*conn, indicator_id);
}

Result<Target> Targets::add(Target target) {
  STEMNET_TRY(Target t, checked(std::move(target), false));
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY_VOID(Store::insert_target(*conn, t));
  return t;
}

Result<Target> Targets::set(const accounts::Actor& actor, const std::string& indicator_id,
                            const TargetInput& in) {
  Target t;
  t.indicator_id = indicator_id;
  const bool all = !in.area || *in.area == "all";
  t.area_level = all ? "all" : "";
  t.area_code = all ? "" : *in.area;
  t.value = in.value;
  t.year = in.year;
  t.reason = in.reason;
  t.set_by = name_of(actor);
  t.set_by_person = actor.person.id;
  STEMNET_TRY(t, checked(std::move(t), true));
  if (!may_set(actor, t.area_level, t.area_code))
    return errors::targets_coordinators_only(t.area_code);
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY_VOID(Store::insert_target(*conn, t));
  return t;
}

Result<Target> Targets::load(db::Connection& c, const std::string& id) {
  STEMNET_TRY(auto found, Store::target(c, id));
  if (!found) return errors::target_not_found(id);
  return *found;
}

Result<Target> Targets::active_for(db::Connection& c, const accounts::Actor& actor,
                                   const std::string& id) {
  STEMNET_TRY(Target t, load(c, id));
  if (!may_set(actor, t.area_level, t.area_code))
    return errors::targets_coordinators_only(t.area_code);
  if (!t.active()) return errors::target_ended(t.state());
  return t;
}

Result<Target> Targets::change(const accounts::Actor& actor, const std::string& id,
                               const TargetChange& in) {
  Target old;
  {
    STEMNET_TRY(auto conn, pool_.acquire());
    STEMNET_TRY(old, active_for(*conn, actor, id));
  }
  Target next;
  next.indicator_id = old.indicator_id;
  next.area_level = old.area_level;
  next.area_code = old.area_code;
  next.value = in.value;
  next.year = in.year;
  next.reason = in.reason;
  next.set_by = name_of(actor);
  next.set_by_person = actor.person.id;
  STEMNET_TRY(next, checked(std::move(next), true));  // reads the catalogue and the registry
  next.replaces = old.id;
  old.ended_at = next.created_at;
  old.ended_by = next.set_by;
  old.ended_by_person = actor.person.id;
  old.ended_reason = in.reason;
  old.ended_how = "changed";
  // One transaction: the old one ends only if nobody ended it meanwhile, and the new one lands.
  STEMNET_TRY(auto conn, pool_.acquire());
  return db::transaction(*conn, [&](db::Connection& c) -> Result<Target> {
    STEMNET_TRY(bool ended, Store::end_target(c, old));
    if (!ended) {
      STEMNET_TRY(Target now, load(c, id));
      return errors::target_ended(now.state());
    }
    STEMNET_TRY_VOID(Store::insert_target(c, next));
    return next;
  });
}

Result<Target> Targets::retire(const accounts::Actor& actor, const std::string& id,
                               const TargetRetire& in) {
  if (in.reason.empty()) return errors::target_reason_missing();
  STEMNET_TRY(auto conn, pool_.acquire());
  return db::transaction(*conn, [&](db::Connection& c) -> Result<Target> {
    STEMNET_TRY(Target t, active_for(c, actor, id));
    t.ended_at = utc_now_iso_ms();
    t.ended_by = name_of(actor);
    t.ended_by_person = actor.person.id;
    t.ended_reason = in.reason;
    t.ended_how = "retired";
    STEMNET_TRY(bool ended, Store::end_target(c, t));
    if (!ended) return errors::target_ended("retired");  // another retirement won the race
    return t;
  });
}

}  // namespace stemnet::monitor
