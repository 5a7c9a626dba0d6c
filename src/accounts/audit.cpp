#include "accounts/audit.hpp"

#include "core/clock.hpp"
#include "core/encoding.hpp"

namespace stemnet::accounts {

Result<void> audit(db::Connection& c, const Actor& actor, const std::string& action,
                   const std::string& subject, const std::string& detail) {
  STEMNET_TRY_VOID(c.execute(
      "INSERT INTO audit_log (id, at, actor_id, action, subject, detail)"
      " VALUES ($1, $2, $3, $4, $5, $6)",
      {random_token().substr(0, 22), utc_now_iso_ms(), actor.person.id, action, subject, detail}));
  return ok();
}

}  // namespace stemnet::accounts
