// accounts/store.hpp — the SQL of people, sessions, resets, throttling and roles.
#pragma once

#include "accounts/model.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

#include <optional>
#include <string>

namespace stemnet::accounts::store {

Result<void> insert_person(db::Connection& c, const Person& p, const std::string& password_hash);
// The person and their password hash, by e-mail (lower-cased).
Result<std::optional<std::pair<Person, std::string>>> person_by_email(db::Connection& c,
                                                                      const std::string& email);
Result<std::optional<Person>> person_by_id(db::Connection& c, const std::string& id);
Result<void> set_password(db::Connection& c, const std::string& person_id, const std::string& hash);
Result<std::vector<Role>> roles(db::Connection& c, const std::string& person_id);
Result<void> grant(db::Connection& c, const std::string& person_id, const Role& role,
                   const std::string& now);

Result<void> insert_session(db::Connection& c, const std::string& token_hash,
                            const std::string& person_id, const std::string& csrf,
                            const std::string& now, const std::string& expires);
// (person id, csrf token) of a session that has not expired at `now`.
Result<std::optional<std::pair<std::string, std::string>>> session(db::Connection& c,
                                                                   const std::string& token_hash,
                                                                   const std::string& now);
Result<void> delete_session(db::Connection& c, const std::string& token_hash);
Result<void> delete_sessions_of(db::Connection& c, const std::string& person_id);

Result<void> insert_reset(db::Connection& c, const std::string& token_hash,
                          const std::string& person_id, const std::string& expires);
// The person of an unused, unexpired reset token; marks it used.
Result<std::optional<std::string>> use_reset(db::Connection& c, const std::string& token_hash,
                                             const std::string& now);

struct Throttle {
  long failures = 0;
  std::string locked_until;
};
Result<Throttle> throttle(db::Connection& c, const std::string& key);
Result<void> put_throttle(db::Connection& c, const std::string& key, const Throttle& t);
Result<void> clear_throttle(db::Connection& c, const std::string& key);

}  // namespace stemnet::accounts::store
