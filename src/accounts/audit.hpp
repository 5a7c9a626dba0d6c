// accounts/audit.hpp — the audit log: who did what to what, and when.
//
// Every change a person makes is one row, written in the transaction of the
// change (booking, open requests, memberships, matching rounds).
// Example:
//   STEMNET_TRY_VOID(accounts::audit(c, actor, "request.accept", id, "requested -> accepted"));
#pragma once

#include "accounts/model.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

#include <string>

namespace stemnet::accounts {

Result<void> audit(db::Connection& c, const Actor& actor, const std::string& action,
                   const std::string& subject, const std::string& detail);

}  // namespace stemnet::accounts
