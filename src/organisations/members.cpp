#include "organisations/members.hpp"

#include "accounts/audit.hpp"
#include "accounts/errors.hpp"
#include "accounts/service.hpp"
#include "core/clock.hpp"
#include "core/encoding.hpp"
#include "organisations/errors.hpp"

#include <algorithm>

namespace stemnet::organisations {
namespace {

constexpr const char* kJoinColumns =
    "SELECT j.id, j.person_id, p.name, p.email, j.role, j.scope, j.message, j.state, j.reason,"
    " j.created_at, j.decided_at FROM join_request j JOIN person p ON p.id = j.person_id";

JoinRequest join_from(const db::Row& r) {
  return {r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5),
          "",        r.text(6), r.text(7), r.text(8), r.text(9), r.opt_text(10)};
}

}  // namespace

Result<Members::Scope> Members::scope_of(db::Connection& c, const std::string& scope) {
  if (scope.starts_with("school:")) {
    STEMNET_TRY(auto rows, c.query("SELECT name, county_number FROM school WHERE orgnr = $1",
                                   {scope.substr(7)}));
    if (rows.empty()) return errors::school_not_found(scope);
    return Scope{scope, "school", rows[0].text(0), rows[0].opt_text(1), true};
  }
  STEMNET_TRY(auto rows, c.query("SELECT o.name, m.county_number, o.status FROM organisation o"
                                 " LEFT JOIN municipality m ON m.number = o.municipality_number"
                                 " WHERE o.id = $1 AND o.kind <> 'school'",
                                 {scope}));
  if (rows.empty()) return errors::not_found(scope);
  return Scope{scope, "provider", rows[0].text(0), rows[0].opt_text(1),
               rows[0].text(2) == "approved"};
}

bool Members::manages(const accounts::Actor& a, const Scope& s) {
  if (a.is_admin() || (s.county && a.has("coordinator", *s.county))) return true;
  return s.kind == "school" ? a.has("school_contact", s.id) : a.has("provider_member", s.id);
}

Result<void> Members::check_role(const Scope& s, const std::string& role) {
  if (s.kind == "school" && (role == "teacher" || role == "school_contact")) return ok();
  if (s.kind == "provider" && role == "provider_member") return ok();
  return errors::role_invalid(s.kind == "school");
}

Result<std::vector<Member>> Members::members(db::Connection& c, const std::string& scope) {
  STEMNET_TRY(auto rows, c.query("SELECT p.id, p.name, p.email, r.role, r.created_at"
                                 " FROM person_role r JOIN person p ON p.id = r.person_id"
                                 " WHERE r.scope = $1 ORDER BY p.name, p.id, r.role",
                                 {scope}));
  std::vector<Member> out;
  for (const auto& r : rows) {
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4)});
  }
  return out;
}

Result<void> Members::tell(db::Connection& c, const std::string& person_id, const Scope& s,
                           const std::string& event, const std::string& role,
                           const std::string& person_name, const std::string& reason) const {
  return outbox_.send(c, person_id, "membership",
                      {{"event", event},
                       {"role", role},
                       {"organisation", s.name},
                       {"person", person_name},
                       {"reason", reason},
                       {"link", "/min-side"}});
}

Result<std::vector<Member>> Members::list(const accounts::Actor& actor, const std::string& scope) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(Scope s, scope_of(*conn, scope));
  const bool own = std::any_of(actor.roles.begin(), actor.roles.end(),
                               [&](const accounts::Role& r) { return r.scope == scope; });
  if (!own && !manages(actor, s)) return errors::people_hidden();
  return members(*conn, scope);
}

Result<std::vector<Member>> Members::add(const accounts::Actor& actor, const std::string& scope,
                                         const std::string& email_in, const std::string& role) {
  STEMNET_TRY(auto conn, pool_.acquire());
  std::vector<Member> out;
  auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY(Scope s, scope_of(c, scope));
    if (!manages(actor, s))
      return errors::managers_only("only those who manage its people add people");
    STEMNET_TRY_VOID(check_role(s, role));
    STEMNET_TRY(const std::string email, accounts::normalise_email(email_in));
    STEMNET_TRY(auto person, c.query("SELECT id, name FROM person WHERE email = $1", {email}));
    if (person.empty()) return accounts::errors::not_found(email);
    STEMNET_TRY(std::int64_t added,
                c.execute("INSERT INTO person_role (person_id, role, scope, created_at)"
                          " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                          {person[0].text(0), role, scope, utc_now_iso()}));
    if (added == 0) return errors::already_member(email, role);
    // A pending request to join for the same role is answered by this.
    STEMNET_TRY_VOID(
        c.execute("UPDATE join_request SET state = 'approved', decided_by = $4, decided_at = $5"
                  " WHERE person_id = $1 AND role = $2 AND scope = $3 AND state = 'pending'",
                  {person[0].text(0), role, scope, actor.person.id, utc_now_iso()}));
    STEMNET_TRY_VOID(
        accounts::audit(c, actor, "member.add", scope, person[0].text(0) + " " + role));
    STEMNET_TRY_VOID(tell(c, person[0].text(0), s, "granted", role, person[0].text(1)));
    STEMNET_TRY(out, members(c, scope));
    return ok();
  });
  if (!done) return std::move(done).error();
  return out;
}

Result<std::vector<Member>> Members::withdraw(const accounts::Actor& actor,
                                              const std::string& scope,
                                              const std::string& person_id,
                                              const std::string& role) {
  STEMNET_TRY(auto conn, pool_.acquire());
  std::vector<Member> out;
  auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY(Scope s, scope_of(c, scope));
    const bool self = person_id == actor.person.id;
    if (!self && !manages(actor, s)) {
      return errors::managers_only("only those who manage its people take roles away");
    }
    STEMNET_TRY_VOID(check_role(s, role));
    STEMNET_TRY(auto person, c.query("SELECT p.name FROM person_role r JOIN person p ON p.id ="
                                     " r.person_id WHERE r.person_id = $1 AND r.role = $2 AND"
                                     " r.scope = $3",
                                     {person_id, role, scope}));
    if (person.empty()) return errors::member_not_found(role);
    if (s.kind == "provider") {
      STEMNET_TRY(auto left, c.query("SELECT COUNT(*) FROM person_role WHERE scope = $1 AND"
                                     " role = 'provider_member'",
                                     {scope}));
      if (left[0].integer(0) <= 1) return errors::last_member();
    }
    STEMNET_TRY_VOID(
        c.execute("DELETE FROM person_role WHERE person_id = $1 AND role = $2 AND scope = $3",
                  {person_id, role, scope}));
    STEMNET_TRY_VOID(accounts::audit(c, actor, "member.withdraw", scope, person_id + " " + role));
    if (!self) STEMNET_TRY_VOID(tell(c, person_id, s, "withdrawn", role, person[0].text(0)));
    // Someone who just left sees the list only if they still may.
    accounts::Actor after = actor;
    std::erase(after.roles, accounts::Role{role, scope});
    const bool still_own = std::any_of(after.roles.begin(), after.roles.end(),
                                       [&](const accounts::Role& r) { return r.scope == scope; });
    if (!self || still_own || manages(after, s)) {
      STEMNET_TRY(out, members(c, scope));
    }
    return ok();
  });
  if (!done) return std::move(done).error();
  return out;
}

Result<JoinRequest> Members::load(db::Connection& c, const std::string& id) {
  STEMNET_TRY(auto rows, c.query(std::string(kJoinColumns) + " WHERE j.id = $1", {id}));
  if (rows.empty()) return errors::join_request_not_found(id);
  JoinRequest j = join_from(rows[0]);
  STEMNET_TRY(Scope s, scope_of(c, j.scope));
  j.scope_name = s.name;
  return j;
}

Result<JoinRequest> Members::ask_to_join(const accounts::Actor& actor, const std::string& scope,
                                         const std::string& role, const std::string& message) {
  if (message.size() > 1000) return errors::message_too_long(1000);
  const std::string id = random_token().substr(0, 16);
  STEMNET_TRY(auto conn, pool_.acquire());
  auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY(Scope s, scope_of(c, scope));
    // A provider not yet approved is known only to its members and deciders.
    if (!s.public_ && !manages(actor, s)) return errors::not_found(scope);
    STEMNET_TRY_VOID(check_role(s, role));
    if (actor.has(role, scope)) return errors::already_joined(role);
    auto inserted = c.execute(
        "INSERT INTO join_request (id, person_id, role, scope, message, state, created_at)"
        " VALUES ($1, $2, $3, $4, $5, 'pending', $6)",
        {id, actor.person.id, role, scope, message, utc_now_iso()});
    if (!inserted && inserted.error().kind == ErrorKind::conflict) {
      return errors::already_asked();
    }
    if (!inserted) return std::move(inserted).error();
    STEMNET_TRY_VOID(accounts::audit(c, actor, "member.ask", scope, role));
    // Those who manage it hear of it: its contacts or members, else the
    // county's coordinators.
    const std::string managers = s.kind == "school" ? "school_contact" : "provider_member";
    STEMNET_TRY(auto any, c.query("SELECT COUNT(*) FROM person_role WHERE scope = $1 AND role = $2",
                                  {scope, managers}));
    notify::Params p = {{"event", "join_request"},
                        {"role", role},
                        {"organisation", s.name},
                        {"person", actor.person.name},
                        {"link", "/min-side"}};
    if (any[0].integer(0) > 0) return outbox_.send_to_role(c, managers, scope, "membership", p);
    if (s.county) return outbox_.send_to_role(c, "coordinator", *s.county, "membership", p);
    return ok();
  });
  if (!done) return std::move(done).error();
  return load(*conn, id);
}

Result<std::vector<JoinRequest>> Members::pending(const accounts::Actor& actor,
                                                  const std::string& scope) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(Scope s, scope_of(*conn, scope));
  if (!manages(actor, s)) return errors::managers_only("only those who manage its people see this");
  STEMNET_TRY(auto rows,
              conn->query(std::string(kJoinColumns) + " WHERE j.scope = $1 AND j.state = 'pending'"
                                                      " ORDER BY j.created_at, j.id",
                          {scope}));
  std::vector<JoinRequest> out;
  for (const auto& r : rows) {
    out.push_back(join_from(r));
    out.back().scope_name = s.name;
  }
  return out;
}

Result<std::vector<JoinRequest>> Members::to_decide(const accounts::Actor& actor) {
  STEMNET_TRY(auto conn, pool_.acquire());
  // Pending requests are few (they are decided within days): each one's
  // scope is looked up and kept when the caller manages it.
  STEMNET_TRY(auto rows, conn->query(std::string(kJoinColumns) +
                                     " WHERE j.state = 'pending' ORDER BY j.created_at, j.id"));
  std::vector<JoinRequest> out;
  for (const auto& r : rows) {
    JoinRequest j = join_from(r);
    auto s = scope_of(*conn, j.scope);
    if (!s || !manages(actor, *s)) continue;
    j.scope_name = s->name;
    out.push_back(std::move(j));
  }
  return out;
}

Result<std::vector<JoinRequest>> Members::mine(const accounts::Actor& actor) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows, conn->query(std::string(kJoinColumns) +
                                         " WHERE j.person_id = $1 ORDER BY j.created_at DESC, j.id",
                                     {actor.person.id}));
  std::vector<JoinRequest> out;
  for (const auto& r : rows) {
    out.push_back(join_from(r));
    if (auto s = scope_of(*conn, out.back().scope)) out.back().scope_name = s->name;
  }
  return out;
}

Result<JoinRequest> Members::decide(const accounts::Actor& actor, const std::string& id,
                                    bool approve, const std::string& reason) {
  if (!approve && reason.empty()) return errors::reason_required();
  STEMNET_TRY(auto conn, pool_.acquire());
  auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY(JoinRequest j, load(c, id));
    STEMNET_TRY(Scope s, scope_of(c, j.scope));
    if (!manages(actor, s)) return errors::join_request_not_found(id);
    if (j.state != "pending") return errors::join_request_decided(j.state);
    STEMNET_TRY_VOID(c.execute(
        "UPDATE join_request SET state = $2, reason = $3, decided_by = $4, decided_at = $5"
        " WHERE id = $1",
        {id, approve ? "approved" : "rejected", reason, actor.person.id, utc_now_iso()}));
    if (approve) {
      STEMNET_TRY_VOID(
          c.execute("INSERT INTO person_role (person_id, role, scope, created_at)"
                    " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                    {j.person_id, j.role, j.scope, utc_now_iso()}));
    }
    STEMNET_TRY_VOID(accounts::audit(c, actor, approve ? "member.approve" : "member.reject",
                                     j.scope, j.person_id + " " + j.role));
    return tell(c, j.person_id, s, approve ? "granted" : "join_rejected", j.role, j.person_name,
                reason);
  });
  if (!done) return std::move(done).error();
  return load(*conn, id);
}

}  // namespace stemnet::organisations
