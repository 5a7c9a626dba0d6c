#include "accounts/errors.hpp"

namespace stemnet::accounts::errors {
namespace {

Error too_often(std::string code, std::string detail, long retry_after) {
  Error e{ErrorKind::rate_limited, "too-many-requests", "Too many requests",
          std::move(detail) + "; wait before trying again"};
  e.retry_after = retry_after;
  return std::move(e).coded(std::move(code),
                            {{"retry_after", static_cast<long long>(retry_after)}});
}

}  // namespace

Error sign_in_first() { return Error::unauthenticated("sign in first").coded("auth.required"); }

Error session_expired() {
  return Error::unauthenticated("the session has ended; sign in again")
      .coded("auth.session_expired");
}

Error account_gone() {
  return Error::unauthenticated("the account no longer exists").coded("auth.account_gone");
}

Error csrf() {
  Error e = Error::forbidden(
      "a change needs the X-CSRF-Token header with the token of the stemnet_csrf cookie");
  e.type = "csrf";
  e.param = "X-CSRF-Token";
  return std::move(e).coded("auth.csrf");
}

Error wrong_password() {
  Error e = Error::unauthenticated("the e-mail address or the password is wrong");
  e.type = "wrong-credentials";
  return std::move(e).coded("auth.wrong_password");
}

Error too_many_attempts(long retry_after) {
  Error e = too_often("auth.too_many_attempts", "too many failed sign-ins", retry_after);
  e.type = "too-many-attempts";
  e.title = "Too many sign-in attempts";
  return e;
}

Error too_many_signups(long retry_after) {
  return too_often("auth.too_many_signups", "too many sign-ups from your address", retry_after);
}

Error too_many_resets(long retry_after) {
  return too_often("auth.too_many_resets", "too many password resets asked for", retry_after);
}

Error reset_code_invalid() {
  return Error::field("/token", "auth.reset_code_invalid",
                      "the reset code is wrong, used or more than an hour old");
}

Error email_invalid(std::string_view email) {
  return Error::field("/email", "accounts.email_invalid",
                      "not an e-mail address: '" + std::string(email) + "'");
}

Error email_taken() {
  Error e = Error::conflict(
      "an account with this e-mail address exists already; sign in or reset the password");
  e.param = "email";
  return std::move(e).coded("accounts.email_taken");
}

Error weak_password(long long min) {
  return Error::field("/password", "accounts.weak_password",
                      "a password has at least " + std::to_string(min) + " characters",
                      {{"min", min}});
}

Error password_too_long(long long max) {
  return Error::field("/password", "accounts.password_too_long",
                      "a password has at most " + std::to_string(max) + " bytes", {{"max", max}});
}

Error name_invalid(long long max) {
  return Error::field("/name", "accounts.name_invalid",
                      "a name has 1 to " + std::to_string(max) + " characters", {{"max", max}});
}

Error language_invalid() {
  return Error::field("/language", "accounts.language_invalid", "language is nb, nn or en");
}

Error not_found(std::string_view email) {
  return Error::not_found("no account has the e-mail address " + std::string(email))
      .coded("accounts.not_found", {{"email", std::string(email)}});
}

Error role_invalid() {
  return Error::invalid("role",
                        "role is teacher, school_contact, provider_member, coordinator or admin");
}

Error scope_invalid(std::string detail) { return Error::invalid("scope", std::move(detail)); }

}  // namespace stemnet::accounts::errors
