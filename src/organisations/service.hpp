// organisations/service.hpp — registering providers, approving them, and
// who may see and change what.
//
// Rules:
//   - anyone signed in may register a provider; they become its member and
//     it is pending until a coordinator of its county (or an admin) approves;
//   - the public sees approved providers only; members see their own; a
//     coordinator sees the pending ones of their counties;
//   - only members (or an admin) change a provider's profile, logo and pictures;
//   - a role model (kind volunteer) names their field and employer or place
//     of study.
// Example:
//   auto org = svc.register_provider(actor, input);   // pending, actor is a member
//   auto ok  = svc.decide(coordinator, org->id, true, "");
#pragma once

#include "accounts/model.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "media/service.hpp"
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

  // Its logo (one; a new one replaces it) and pictures: members or an admin,
  // also while it is pending, so that its page is ready when approved.
  Result<media::File> add_file(const accounts::Actor& actor, const std::string& id,
                               std::string_view role, std::string_view name,
                               std::string_view bytes);
  Result<void> remove_file(const accounts::Actor& actor, const std::string& id,
                           const std::string& file_id);
  // A file of a provider `actor` may see; shared when the provider is approved.
  Result<media::Served> file(const accounts::Actor* actor, const std::string& id,
                             const std::string& file_id);

 private:
  Result<std::optional<Organisation>> find(db::Connection& c, const std::string& id);
  bool may_see(const accounts::Actor* actor, const Organisation& o) const;
  // The provider `actor` may change: ErrorKind::not_found or members_only otherwise.
  Result<Organisation> changeable(const accounts::Actor& actor, const std::string& id);
  db::Pool& pool_;
  media::Service media_;
  const notify::Outbox& outbox_;
};

// Checks a provider's input; Error::invalid naming the field.
Result<void> validate(const ProviderInput& in);

}  // namespace stemnet::organisations
