// accounts/service.hpp — signing up, in and out, password reset, and who a
// session belongs to.
//
// Sign-in is throttled per e-mail address and per client address: after 5
// failures in a row for an address (20 for a client address, which a school
// network shares) each further attempt waits 2^(failures-free) seconds, at
// most 15 minutes (ErrorKind::rate_limited with retry_after). The check and
// the count are one transaction, taken before the password is checked, so
// parallel guesses get no more checks than serial ones. A wrong e-mail and a
// wrong password get the same answer, and cost the same time.
// Example:
//   Service svc(pool, mail_dir);
//   auto in = svc.login("kari@skole.no", "…", "203.0.113.9");
//   auto actor = svc.authenticate(in->session_token);   // unauthenticated if expired
#pragma once

#include "accounts/model.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "notify/outbox.hpp"

#include <ctime>
#include <filesystem>
#include <functional>
#include <string>

namespace stemnet::accounts {

struct SignupInput {
  std::string email, name, password, language = "nb";
};

struct SignedIn {
  std::string session_token;  // for the HttpOnly cookie; never stored
  Actor actor;
};

class Service {
 public:
  using Clock = std::function<std::time_t()>;
  // Mail (the reset code) goes through `outbox`.
  Service(
      db::Pool& pool, const notify::Outbox& outbox,
      Clock clock = [] { return std::time(nullptr); });

  // How often one key may ask, per hour (serve's --signups-per-hour and
  // --resets-per-hour); a client address may ask for four times as many
  // resets as one e-mail address.
  struct Limits {
    long signups_per_hour = 20;  // per client address
    long resets_per_hour = 5;    // per e-mail address
  };
  void set_limits(Limits limits) { limits_ = limits; }

  // Signs up and in. A client address may sign up limits.signups_per_hour
  // times an hour (ErrorKind::rate_limited with retry_after after that); no
  // client address (the command line, the demo) is not limited.
  Result<SignedIn> signup(const SignupInput& in, const std::string& client = "");
  Result<SignedIn> login(const std::string& email, const std::string& password,
                         const std::string& client);
  Result<void> logout(const std::string& session_token);
  // The actor of a session; ErrorKind::unauthenticated when there is none.
  Result<Actor> authenticate(const std::string& session_token);
  // Queues a reset for the address and says nothing more: whether or not the
  // address has an account, the request takes the same path (one row queued)
  // and the same time; process_reset_requests() mails the code if it has.
  // Rate-limited per address and per client address (ErrorKind::rate_limited).
  Result<void> request_reset(const std::string& email, const std::string& client = "");
  // Handles queued resets: a one-time code is mailed (through the outbox) to
  // each address that has an account; the others are dropped. Answers how
  // many were handled. The server's worker calls it every second.
  Result<int> process_reset_requests();
  // Sets a new password with a reset token (one hour, once) and signs in;
  // every other session of the person ends.
  Result<SignedIn> reset(const std::string& token, const std::string& new_password);
  Result<void> grant(const std::string& person_id, const Role& role);
  // Grants a role to the person with this e-mail, checking the scope fits
  // the role: a county number for coordinator, "NO" for admin,
  // "school:<orgnr>" of a registry school for teacher and school_contact, an
  // organisation id for provider_member.
  Result<void> grant_by_email(const std::string& email, const Role& role);

  // Forgets expired sessions and reset codes, and throttling that ended a
  // day ago; answers how many rows went.
  Result<std::int64_t> housekeeping();

  static constexpr long kSessionSeconds = 14 * 24 * 3600;
  static constexpr long kResetSeconds = 3600;
  static constexpr long kFreeFailures = 5;  // per e-mail address
  static constexpr long kFreeFailuresPerClient =
      20;  // per client address: a school's NAT is shared
  static constexpr long kMaxLockSeconds = 900;

 private:
  Result<SignedIn> open_session(db::Connection& c, const Person& p);
  std::string iso(std::time_t t) const;

  db::Pool& pool_;
  const notify::Outbox& outbox_;
  Clock clock_;
  Limits limits_;
};

// Checks an e-mail address's shape and lower-cases it; Error::invalid("email").
Result<std::string> normalise_email(const std::string& email);

}  // namespace stemnet::accounts
