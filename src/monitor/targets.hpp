// monitor/targets.hpp — what an area, or all areas, should reach on an
// indicator by a year, who set it and why.
//
// Set from the command line (`stemnet monitor target`, by a name), or set,
// changed and retired in the browser by a coordinator (their counties and
// those counties' municipalities) or an admin (any area, and all areas).
// A change ends the old target ('changed') and adds the new one that
// `replaces` it; a retirement ends it ('retired'); each is one transaction,
// and nothing is deleted: an ended target stays listed with who ended it,
// when and why. Profiles, progress and the map use active targets only.
//
// Example:
//   Targets targets(store, registry, pool);
//   auto t = targets.set(actor, "national_test_numeracy_5",
//                        {.area = "03", .value = 52, .year = 2030, .reason = "Oslo's plan"});
//   targets.retire(actor, t->id, {.reason = "the plan was withdrawn"});
#pragma once

#include "accounts/model.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "monitor/store.hpp"
#include "registry/service.hpp"

#include <optional>
#include <string>
#include <vector>

namespace stemnet::monitor {

// POST /indicators/{id}/targets: `area` a county or municipality, or absent/"all".
struct TargetInput {
  std::optional<std::string> area;
  double value = 0;
  int year = 0;
  std::string reason;
};
// POST /targets/{id}/change.
struct TargetChange {
  double value = 0;
  int year = 0;
  std::string reason;
};
// POST /targets/{id}/retire.
struct TargetRetire {
  std::string reason;
};

class Targets {
 public:
  Targets(Store& store, registry::Service& registry, db::Pool& pool)
      : store_(store), registry_(registry), pool_(pool) {}

  // Every target of the indicator, ended ones too, in (level, code, year, created) order.
  Result<std::vector<Target>> list(const std::string& indicator_id);
  // From the command line: `set_by` is the name given.
  Result<Target> add(Target target);
  Result<Target> set(const accounts::Actor& actor, const std::string& indicator_id,
                     const TargetInput& in);
  Result<Target> change(const accounts::Actor& actor, const std::string& id,
                        const TargetChange& in);
  Result<Target> retire(const accounts::Actor& actor, const std::string& id,
                        const TargetRetire& in);

  // Who may set a target on an area: an admin anywhere, a coordinator of the
  // county (a municipality's county is its first two digits); all areas: admins.
  static bool may_set(const accounts::Actor& actor, const std::string& level,
                      const std::string& code);

 private:
  // The target checked against its indicator and the registry, with its
  // area normalised; errors name the field (`pointer`: a body's, or "" for
  // the command line's words).
  Result<Target> checked(Target t, bool from_body);
  Result<Target> load(db::Connection& c, const std::string& id);
  Result<Target> active_for(db::Connection& c, const accounts::Actor& actor, const std::string& id);
  Store& store_;
  registry::Service& registry_;
  db::Pool& pool_;
};

}  // namespace stemnet::monitor
