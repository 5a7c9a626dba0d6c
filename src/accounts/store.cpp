#include "accounts/store.hpp"

#include "accounts/errors.hpp"

#include <algorithm>

namespace stemnet::accounts::store {

Result<void> insert_person(db::Connection& c, const Person& p, const std::string& hash) {
  auto r = c.execute(
      "INSERT INTO person (id, email, name, password_hash, language, created_at)"
      " VALUES ($1, $2, $3, $4, $5, $6)",
      {p.id, p.email, p.name, hash, p.language, p.created_at});
  if (!r && r.error().kind == ErrorKind::conflict) {
    return errors::email_taken();
  }
  if (!r) return std::move(r).error();
  return ok();
}

Result<std::optional<std::pair<Person, std::string>>> person_by_email(db::Connection& c,
                                                                      const std::string& email) {
  STEMNET_TRY(auto rows,
              c.query("SELECT id, email, name, language, created_at, password_hash FROM person"
                      " WHERE email = $1",
                      {email}));
  if (rows.empty()) return std::optional<std::pair<Person, std::string>>();
  const auto& r = rows[0];
  return std::optional<std::pair<Person, std::string>>(
      std::pair{Person{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4)}, r.text(5)});
}

Result<std::optional<Person>> person_by_id(db::Connection& c, const std::string& id) {
  STEMNET_TRY(
      auto rows,
      c.query("SELECT id, email, name, language, created_at FROM person WHERE id = $1", {id}));
  if (rows.empty()) return std::optional<Person>();
  const auto& r = rows[0];
  return std::optional<Person>(Person{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4)});
}

Result<void> set_password(db::Connection& c, const std::string& person_id,
                          const std::string& hash) {
  STEMNET_TRY_VOID(
      c.execute("UPDATE person SET password_hash = $1 WHERE id = $2", {hash, person_id}));
  return ok();
}

Result<std::vector<Role>> roles(db::Connection& c, const std::string& person_id) {
  STEMNET_TRY(
      auto rows,
      c.query("SELECT role, scope FROM person_role WHERE person_id = $1 ORDER BY role, scope",
              {person_id}));
  std::vector<Role> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1)});
  return out;
}

Result<void> grant(db::Connection& c, const std::string& person_id, const Role& role,
                   const std::string& now) {
  STEMNET_TRY_VOID(c.execute(
      "INSERT INTO person_role (person_id, role, scope, created_at) VALUES ($1, $2, $3, $4)"
      " ON CONFLICT (person_id, role, scope) DO NOTHING",
      {person_id, role.role, role.scope, now}));
  return ok();
}

Result<void> insert_session(db::Connection& c, const std::string& token_hash,
                            const std::string& person_id, const std::string& csrf,
                            const std::string& now, const std::string& expires) {
  STEMNET_TRY_VOID(
      c.execute("INSERT INTO session (token_hash, person_id, csrf_token, created_at, expires_at)"
                " VALUES ($1, $2, $3, $4, $5)",
                {token_hash, person_id, csrf, now, expires}));
  return ok();
}

Result<std::optional<std::pair<std::string, std::string>>> session(db::Connection& c,
                                                                   const std::string& token_hash,
                                                                   const std::string& now) {
  STEMNET_TRY(
      auto rows,
      c.query("SELECT person_id, csrf_token FROM session WHERE token_hash = $1 AND expires_at > $2",
              {token_hash, now}));
  if (rows.empty()) return std::optional<std::pair<std::string, std::string>>();
  return std::optional<std::pair<std::string, std::string>>(
      std::pair{rows[0].text(0), rows[0].text(1)});
}

Result<void> delete_session(db::Connection& c, const std::string& token_hash) {
  STEMNET_TRY_VOID(c.execute("DELETE FROM session WHERE token_hash = $1", {token_hash}));
  return ok();
}

Result<void> delete_sessions_of(db::Connection& c, const std::string& person_id) {
  STEMNET_TRY_VOID(c.execute("DELETE FROM session WHERE person_id = $1", {person_id}));
  return ok();
}

Result<void> insert_reset(db::Connection& c, const std::string& token_hash,
                          const std::string& person_id, const std::string& expires) {
  STEMNET_TRY_VOID(c.execute(
      "INSERT INTO password_reset (token_hash, person_id, expires_at) VALUES ($1, $2, $3)",
      {token_hash, person_id, expires}));
  return ok();
}

Result<std::optional<std::string>> use_reset(db::Connection& c, const std::string& token_hash,
                                             const std::string& now) {
  STEMNET_TRY(
      auto rows,
      c.query("SELECT person_id FROM password_reset WHERE token_hash = $1 AND used_at IS NULL"
              " AND expires_at > $2",
              {token_hash, now}));
  if (rows.empty()) return std::optional<std::string>();
  STEMNET_TRY_VOID(
      c.execute("UPDATE password_reset SET used_at = $1 WHERE token_hash = $2", {now, token_hash}));
  return std::optional<std::string>(rows[0].text(0));
}

Result<Throttle> throttle(db::Connection& c, const std::string& key) {
  STEMNET_TRY(auto rows,
              c.query("SELECT failures, locked_until FROM login_throttle WHERE key = $1", {key}));
  if (rows.empty()) return Throttle{};
  return Throttle{static_cast<long>(rows[0].integer(0)), rows[0].text(1)};
}

Result<void> put_throttle(db::Connection& c, const std::string& key, const Throttle& t) {
  STEMNET_TRY_VOID(
      c.execute("INSERT INTO login_throttle (key, failures, locked_until) VALUES ($1, $2, $3)"
                " ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,"
                " locked_until = excluded.locked_until",
                {key, t.failures, t.locked_until}));
  return ok();
}

Result<void> clear_throttle(db::Connection& c, const std::string& key) {
  STEMNET_TRY_VOID(c.execute("DELETE FROM login_throttle WHERE key = $1", {key}));
  return ok();
}

Result<long> take_rate(db::Connection& c, const std::string& key, long limit, long window_seconds,
                       std::time_t now) {
  STEMNET_TRY(auto rows,
              c.query("SELECT window_start, count FROM rate_limit WHERE key = $1", {key}));
  const std::int64_t t = now;
  if (rows.empty() || rows[0].integer(0) + window_seconds <= t) {
    STEMNET_TRY_VOID(c.execute(
        "INSERT INTO rate_limit (key, window_start, count) VALUES ($1, $2, 1)"
        " ON CONFLICT (key) DO UPDATE SET window_start = excluded.window_start, count = 1",
        {key, t}));
    return 0L;
  }
  if (rows[0].integer(1) >= limit) {
    return std::max<long>(1, static_cast<long>(rows[0].integer(0) + window_seconds - t));
  }
  STEMNET_TRY_VOID(c.execute("UPDATE rate_limit SET count = count + 1 WHERE key = $1", {key}));
  return 0L;
}

Result<std::int64_t> forget_rates(db::Connection& c, std::time_t before) {
  return c.execute("DELETE FROM rate_limit WHERE window_start < $1",
                   {static_cast<std::int64_t>(before)});
}

Result<void> insert_reset_request(db::Connection& c, const ResetRequest& r) {
  STEMNET_TRY_VOID(
      c.execute("INSERT INTO reset_request (id, email, requested_at) VALUES ($1, $2, $3)",
                {r.id, r.email, r.requested_at}));
  return ok();
}

Result<std::vector<ResetRequest>> take_reset_requests(db::Connection& c, int limit) {
  STEMNET_TRY(auto rows, c.query("SELECT id, email, requested_at FROM reset_request"
                                 " ORDER BY requested_at, id LIMIT $1",
                                 {static_cast<std::int64_t>(limit)}));
  std::vector<ResetRequest> out;
  for (const auto& r : rows) {
    out.push_back({r.text(0), r.text(1), r.text(2)});
    STEMNET_TRY_VOID(c.execute("DELETE FROM reset_request WHERE id = $1", {r.text(0)}));
  }
  return out;
}

}  // namespace stemnet::accounts::store
