#include "accounts/service.hpp"

#include "accounts/errors.hpp"
#include "accounts/secrets.hpp"
#include "accounts/store.hpp"
#include "core/clock.hpp"
#include "core/encoding.hpp"
#include "core/strings.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>

namespace stemnet::accounts {

Result<std::string> normalise_email(const std::string& email) {
  std::string e = email;
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  const auto at = e.find('@');
  const bool ok = !e.empty() && e.size() <= 254 && at != std::string::npos && at > 0 &&
                  at == e.rfind('@') && e.find('.', at) != std::string::npos && e.back() != '.' &&
                  e.find_first_of(" \t\r\n<>,;\"") == std::string::npos;
  if (!ok) return errors::email_invalid(email);
  return e;
}

namespace {

Result<void> check_password(const std::string& password) {
  const auto characters = std::count_if(password.begin(), password.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
  if (characters < 10) return errors::weak_password(10);
  if (password.size() > 1024) return errors::password_too_long(1024);
  return ok();
}

}  // namespace

Service::Service(db::Pool& pool, const notify::Outbox& outbox, Clock clock)
    : pool_(pool), outbox_(outbox), clock_(std::move(clock)) {}

std::string Service::iso(std::time_t t) const { return format_utc(t, "%Y-%m-%dT%H:%M:%SZ"); }

Result<SignedIn> Service::open_session(db::Connection& c, const Person& p) {
  SignedIn out;
  out.session_token = random_token();
  out.actor.person = p;
  out.actor.csrf_token = random_token();
  const std::time_t now = clock_();
  STEMNET_TRY_VOID(store::insert_session(c, sha256_hex(out.session_token), p.id,
                                         out.actor.csrf_token, iso(now),
                                         iso(now + kSessionSeconds)));
  STEMNET_TRY(out.actor.roles, store::roles(c, p.id));
  return out;
}

Result<SignedIn> Service::signup(const SignupInput& in, const std::string& client) {
  STEMNET_TRY(std::string email, normalise_email(in.email));
  if (in.name.empty() || characters(in.name) > 200) return errors::name_invalid(200);
  if (in.language != "nb" && in.language != "nn" && in.language != "en") {
    return errors::language_invalid();
  }
  STEMNET_TRY_VOID(check_password(in.password));
  if (!client.empty()) {
    // Counted before the costly hash, so that a flood costs us little. (The
    // command line and the demo sign people up with no client address.)
    STEMNET_TRY(auto conn, pool_.acquire());
    STEMNET_TRY(long wait, db::transaction(*conn, [&](db::Connection& c) {
                  return store::take_rate(c, "signup:ip:" + client, limits_.signups_per_hour, 3600,
                                          clock_());
                }));
    if (wait > 0) return errors::too_many_signups(wait);
  }
  STEMNET_TRY(std::string hash, hash_password(in.password));
  Person p{random_token().substr(0, 22), email, in.name, in.language, iso(clock_())};
  STEMNET_TRY(auto conn, pool_.acquire());
  return db::transaction(*conn, [&](db::Connection& c) -> Result<SignedIn> {
    STEMNET_TRY_VOID(store::insert_person(c, p, hash));
    return open_session(c, p);
  });
}

Result<SignedIn> Service::login(const std::string& email_in, const std::string& password,
                                const std::string& client) {
  auto email = normalise_email(email_in);
  if (!email) return errors::wrong_password();
  STEMNET_TRY(auto conn, pool_.acquire());
  const std::time_t now = clock_();
  const std::string keys[] = {"email:" + *email, "ip:" + client};
  auto lock_for = [&](const std::string& key, long failures) {
    const long over = failures - (key.starts_with("ip:") ? kFreeFailuresPerClient : kFreeFailures);
    const long wait =
        over < 0 ? 0 : std::min<long>(kMaxLockSeconds, 1L << std::min<long>(over, 20));
    return wait > 0 ? iso(now + wait) : std::string();
  };
  // The check and the count in one transaction, before the password is
  // checked: the attempt counts as a failure until it proves right, so that
  // parallel guesses cannot all pass the check before any is counted.
  auto admitted = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    store::Throttle seen[2];
    for (int i = 0; i < 2; ++i) {
      STEMNET_TRY(seen[i], store::throttle(c, keys[i]));
      if (!seen[i].locked_until.empty() && seen[i].locked_until > iso(now)) {
        std::tm tm{};
        strptime(seen[i].locked_until.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
        return errors::too_many_attempts(std::max<long>(1, static_cast<long>(timegm(&tm) - now)));
      }
    }
    for (int i = 0; i < 2; ++i) {
      ++seen[i].failures;
      seen[i].locked_until = lock_for(keys[i], seen[i].failures);
      STEMNET_TRY_VOID(store::put_throttle(c, keys[i], seen[i]));
    }
    return ok();
  });
  if (!admitted) return std::move(admitted).error();
  STEMNET_TRY(auto found, store::person_by_email(*conn, *email));
  // Verify against a real hash even for an unknown address, so both take as long.
  static const std::string dummy = *hash_password("stemnet: no such account");
  const bool good = verify_password(found ? found->second : dummy, password) && found.has_value();
  if (!good) return errors::wrong_password();  // counted already
  return db::transaction(*conn, [&](db::Connection& c) -> Result<SignedIn> {
    // Right after all: the address starts afresh, and the client address's
    // count is taken back to what it was before this attempt.
    STEMNET_TRY_VOID(store::clear_throttle(c, keys[0]));
    STEMNET_TRY(store::Throttle t, store::throttle(c, keys[1]));
    t.failures = std::max<long>(0, t.failures - 1);
    t.locked_until = lock_for(keys[1], t.failures);
    STEMNET_TRY_VOID(store::put_throttle(c, keys[1], t));
    return open_session(c, found->first);
  });
}

Result<void> Service::logout(const std::string& token) {
  STEMNET_TRY(auto conn, pool_.acquire());
  return store::delete_session(*conn, sha256_hex(token));
}

Result<Actor> Service::authenticate(const std::string& token) {
  if (token.empty()) return errors::sign_in_first();
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto s, store::session(*conn, sha256_hex(token), iso(clock_())));
  if (!s) return errors::session_expired();
  STEMNET_TRY(auto p, store::person_by_id(*conn, s->first));
  if (!p) return errors::account_gone();
  Actor a;
  a.person = std::move(*p);
  a.csrf_token = s->second;
  STEMNET_TRY(a.roles, store::roles(*conn, a.person.id));
  return a;
}

Result<void> Service::request_reset(const std::string& email_in, const std::string& client) {
  auto email = normalise_email(email_in);
  if (!email) return std::move(email).error();
  STEMNET_TRY(auto conn, pool_.acquire());
  const std::time_t now = clock_();
  // The same statements whether or not the address has an account.
  STEMNET_TRY(
      long wait, db::transaction(*conn, [&](db::Connection& c) -> Result<long> {
        STEMNET_TRY(long by_address, store::take_rate(c, "reset:email:" + *email,
                                                      limits_.resets_per_hour, 3600, now));
        if (by_address > 0) return by_address;
        if (!client.empty()) {
          STEMNET_TRY(long by_client, store::take_rate(c, "reset:ip:" + client,
                                                       4 * limits_.resets_per_hour, 3600, now));
          if (by_client > 0) return by_client;
        }
        STEMNET_TRY_VOID(
            store::insert_reset_request(c, {random_token().substr(0, 22), *email, iso(now)}));
        return 0L;
      }));
  if (wait > 0) return errors::too_many_resets(wait);
  return ok();
}

Result<int> Service::process_reset_requests() {
  STEMNET_TRY(auto conn, pool_.acquire());
  return db::transaction(*conn, [&](db::Connection& c) -> Result<int> {
    STEMNET_TRY(auto queued, store::take_reset_requests(c, 50));
    for (const auto& r : queued) {
      STEMNET_TRY(auto found, store::person_by_email(c, r.email));
      if (!found) continue;
      const std::string token = random_token();
      STEMNET_TRY_VOID(store::insert_reset(c, sha256_hex(token), found->first.id,
                                           iso(clock_() + kResetSeconds)));
      // The code travels only in the mail, never in a link: links end up in logs.
      STEMNET_TRY_VOID(outbox_.send(c, found->first.id, "password_reset",
                                    {{"code", token}, {"link", "/nytt-passord"}}));
    }
    return static_cast<int>(queued.size());
  });
}

Result<std::int64_t> Service::housekeeping() {
  STEMNET_TRY(auto conn, pool_.acquire());
  const std::string now = iso(clock_());
  std::int64_t gone = 0;
  STEMNET_TRY(auto sessions, conn->execute("DELETE FROM session WHERE expires_at <= $1", {now}));
  STEMNET_TRY(auto resets,
              conn->execute("DELETE FROM password_reset WHERE expires_at <= $1", {now}));
  // Only locks that ended a day ago: counts that never reached a lock ('')
  // stay until a sign-in succeeds, or a slow guesser would never be locked.
  STEMNET_TRY(auto throttles, conn->execute("DELETE FROM login_throttle WHERE locked_until <> ''"
                                            " AND locked_until <= $1",
                                            {iso(clock_() - 24 * 3600)}));
  STEMNET_TRY(auto rates, store::forget_rates(*conn, clock_() - 2 * 3600));
  gone = sessions + resets + throttles + rates;
  return gone;
}

Result<SignedIn> Service::reset(const std::string& token, const std::string& new_password) {
  STEMNET_TRY_VOID(check_password(new_password));
  STEMNET_TRY(auto conn, pool_.acquire());
  // A wrong code costs no password hash.
  STEMNET_TRY(auto live,
              conn->query("SELECT 1 FROM password_reset WHERE token_hash = $1 AND used_at IS NULL"
                          " AND expires_at > $2",
                          {sha256_hex(token), iso(clock_())}));
  if (live.empty()) return errors::reset_code_invalid();
  STEMNET_TRY(std::string hash, hash_password(new_password));
  return db::transaction(*conn, [&](db::Connection& c) -> Result<SignedIn> {
    STEMNET_TRY(auto person_id, store::use_reset(c, sha256_hex(token), iso(clock_())));
    if (!person_id) return errors::reset_code_invalid();
    STEMNET_TRY(auto p, store::person_by_id(c, *person_id));
    if (!p) return errors::reset_code_invalid();  // the account went meanwhile
    STEMNET_TRY_VOID(store::set_password(c, p->id, hash));
    STEMNET_TRY_VOID(store::delete_sessions_of(c, p->id));
    STEMNET_TRY_VOID(store::clear_throttle(c, "email:" + p->email));
    return open_session(c, *p);
  });
}

Result<void> Service::grant_by_email(const std::string& email_in, const Role& role) {
  STEMNET_TRY(std::string email, normalise_email(email_in));
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto found, store::person_by_email(*conn, email));
  if (!found) return errors::not_found(email);
  const std::string& s = role.scope;
  if (role.role == "admin") {
    if (s != "NO") return errors::scope_invalid("an admin's scope is NO (the whole country)");
  } else if (role.role == "coordinator") {
    STEMNET_TRY(auto rows, conn->query("SELECT 1 FROM county WHERE number = $1", {s}));
    if (rows.empty())
      return errors::scope_invalid("a coordinator's scope is a county number, e.g. 46");
  } else if (role.role == "teacher" || role.role == "school_contact") {
    STEMNET_TRY(auto rows, conn->query("SELECT 1 FROM school WHERE 'school:' || orgnr = $1", {s}));
    if (rows.empty())
      return errors::scope_invalid("the scope is school:<orgnr> of a school in the registry");
  } else if (role.role == "provider_member") {
    STEMNET_TRY(auto rows, conn->query("SELECT 1 FROM organisation WHERE id = $1", {s}));
    if (rows.empty()) return errors::scope_invalid("no organisation has id " + s);
  } else {
    return errors::role_invalid();
  }
  return store::grant(*conn, found->first.id, role, iso(clock_()));
}

Result<void> Service::grant(const std::string& person_id, const Role& role) {
  STEMNET_TRY(auto conn, pool_.acquire());
  return store::grant(*conn, person_id, role, iso(clock_()));
}

}  // namespace stemnet::accounts
