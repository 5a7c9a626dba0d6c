// organisations/service.hpp — registering providers, approving them, and
// who may see and change what.
//
// Rules:
//   - anyone signed in may register a provider; they become its member and
//     it is pending until a coordinator of its county (or an admin) approves;
//   - the public sees approved providers only; members see their own; a
//     coordinator sees the pending ones of their counties;
//   - only members (or an admin) change a provider's profile.
// Example:
//   auto org = svc.register_provider(actor, input);   // pending, actor is a member
//   auto ok  = svc.decide(coordinator, org->id, true, "");
#pragma once

#include "accounts/model.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "notify/outbox.hpp"
#include "organisations/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace stemnet::organisations {

struct ListQuery {
  std::optional<std::string> kind, status, county;
};

class Service {
 public:
  // Decisions are told to the provider's members through `outbox`.
  Service(db::Pool& pool, const notify::Outbox& outbox) : pool_(pool), outbox_(outbox) {}

  Result<Organisation> register_provider(const accounts::Actor& actor, const ProviderInput& in);
  // What `actor` (nullptr: the public) may see; ErrorKind::not_found otherwise.
  Result<Organisation> get(const accounts::Actor* actor, const std::string& id);
  Result<std::vector<Organisation>> list(const accounts::Actor* actor, const ListQuery& q);
  Result<Organisation> update_profile(const accounts::Actor& actor, const std::string& id,
                                      const ProviderInput& in);
  // Approve or reject a pending provider: coordinators of its county, admins.
  Result<Organisation> decide(const accounts::Actor& actor, const std::string& id, bool approve,
                              const std::string& reason);

 private:
  Result<std::optional<Organisation>> find(db::Connection& c, const std::string& id);
  bool may_see(const accounts::Actor* actor, const Organisation& o) const;
  db::Pool& pool_;
  const notify::Outbox& outbox_;
};

// Checks a provider's input; Error::invalid naming the field.
Result<void> validate(const ProviderInput& in);

}  // namespace stemnet::organisations
