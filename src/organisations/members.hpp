// organisations/members.hpp — who belongs to a school or a provider, and
// how people join and leave.
//
// A scope is a school ("school:<orgnr>", roles teacher and school_contact)
// or a provider (its id, role provider_member). Those who manage a scope's
// people: its school contacts (a school) or members (a provider), the
// coordinators of its county, and admins. They add people by e-mail (the
// person must have an account), take roles away, and decide on requests to
// join; anyone may leave. A provider keeps at least one member. Every change
// is one transaction, written to the audit log and told to the person.
// Example:
//   Members members(pool, outbox);
//   auto asked = members.ask_to_join(teacher, "school:975280640", "teacher", "Jeg underviser 9B");
//   members.decide(contact, asked->id, true, "");       // now a teacher there
//   members.withdraw(contact, "school:975280640", person_id, "teacher");
#pragma once

#include "accounts/model.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "notify/outbox.hpp"

#include <optional>
#include <string>
#include <vector>

namespace stemnet::organisations {

struct Member {
  std::string person_id, name, email, role, since;
};

struct JoinRequest {
  std::string id, person_id, person_name, person_email, role, scope, scope_name, message, state,
      reason, created_at;
  std::optional<std::string> decided_at;
};

class Members {
 public:
  Members(db::Pool& pool, const notify::Outbox& outbox) : pool_(pool), outbox_(outbox) {}

  // The scope's people: for those who manage it and for its own people.
  Result<std::vector<Member>> list(const accounts::Actor& actor, const std::string& scope);
  Result<std::vector<Member>> add(const accounts::Actor& actor, const std::string& scope,
                                  const std::string& email, const std::string& role);
  Result<std::vector<Member>> withdraw(const accounts::Actor& actor, const std::string& scope,
                                       const std::string& person_id, const std::string& role);

  Result<JoinRequest> ask_to_join(const accounts::Actor& actor, const std::string& scope,
                                  const std::string& role, const std::string& message);
  // Pending requests to join a scope, for those who manage it.
  Result<std::vector<JoinRequest>> pending(const accounts::Actor& actor, const std::string& scope);
  // Every pending request the caller may decide (their schools' or providers'
  // people, their counties' as coordinator, all as admin), oldest first.
  Result<std::vector<JoinRequest>> to_decide(const accounts::Actor& actor);
  // The caller's own requests to join, newest first.
  Result<std::vector<JoinRequest>> mine(const accounts::Actor& actor);
  Result<JoinRequest> decide(const accounts::Actor& actor, const std::string& id, bool approve,
                             const std::string& reason);

 private:
  struct Scope {
    std::string id, kind, name;  // kind: school | provider
    std::optional<std::string> county;
    bool public_ = true;  // a school, or an approved provider
  };
  static Result<Scope> scope_of(db::Connection& c, const std::string& scope);
  static bool manages(const accounts::Actor& a, const Scope& s);
  static Result<void> check_role(const Scope& s, const std::string& role);
  static Result<std::vector<Member>> members(db::Connection& c, const std::string& scope);
  static Result<JoinRequest> load(db::Connection& c, const std::string& id);
  Result<void> tell(db::Connection& c, const std::string& person_id, const Scope& s,
                    const std::string& event, const std::string& role,
                    const std::string& person_name, const std::string& reason = "") const;

  db::Pool& pool_;
  const notify::Outbox& outbox_;
};

}  // namespace stemnet::organisations
