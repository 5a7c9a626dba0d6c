// accounts/store.hpp — the SQL of people, sessions, resets, throttling and roles.
#pragma once

#include "accounts/model.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

#include <ctime>
#include <optional>
#include <string>
#include <vector>

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

// Counts one request against `key`'s window of `window_seconds` (a new window
// begins when the last one is over) and answers 0 when it is within `limit`,
// or the seconds until the window ends when it is not (then it is not
// counted). Call it inside a transaction: the check and the count are one.
Result<long> take_rate(db::Connection& c, const std::string& key, long limit, long window_seconds,
                       std::time_t now);
// Rate windows that ended before `before` (housekeeping).
Result<std::int64_t> forget_rates(db::Connection& c, std::time_t before);

struct ResetRequest {
  std::string id, email, requested_at;
};
Result<void> insert_reset_request(db::Connection& c, const ResetRequest& r);
// Up to `limit` reset requests, oldest first, taken off the queue.
Result<std::vector<ResetRequest>> take_reset_requests(db::Connection& c, int limit);

}  // namespace stemnet::accounts::store
