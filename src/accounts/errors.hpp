// accounts/errors.hpp — every error a person can meet signing up, signing in
// and keeping an account: named factories with stable codes ("auth.*" for the
// session, "accounts.*" for the account itself), listed in api/openapi.yaml
// and given texts in ui/src/i18n/*/codes/{auth,accounts}.ts.
//
// Example:
//   if (!good) return errors::wrong_password();   // 401, code auth.wrong_password
//   if (wait > 0) return errors::too_many_attempts(wait);   // 429, {retry_after}
#pragma once

#include "core/result.hpp"

#include <string>
#include <string_view>

namespace stemnet::accounts::errors {

// --- auth: who is asking --------------------------------------------------
// No session cookie: 401 auth.required.
Error sign_in_first();
// A session cookie that names no live session: 401 auth.session_expired.
Error session_expired();
// The session's person was deleted: 401 auth.account_gone.
Error account_gone();
// A change without the session's X-CSRF-Token: 403, type "csrf", auth.csrf.
Error csrf();
// The e-mail address or the password is wrong (which one is not told): 401,
// type "wrong-credentials", auth.wrong_password.
Error wrong_password();
// Locked after failed sign-ins: 429 auth.too_many_attempts {retry_after}.
Error too_many_attempts(long retry_after);
// Sign-ups from one client address over the hourly limit: 429
// auth.too_many_signups {retry_after}.
Error too_many_signups(long retry_after);
// Password resets asked for over the hourly limit: 429
// auth.too_many_resets {retry_after}.
Error too_many_resets(long retry_after);
// The reset code is wrong, used or old: fault at /token, auth.reset_code_invalid.
Error reset_code_invalid();

// --- accounts: the account's own data --------------------------------------
// Not the shape of an e-mail address: fault at /email, accounts.email_invalid.
Error email_invalid(std::string_view email);
// 409 accounts.email_taken (param "email").
Error email_taken();
// Fewer characters than `min`: fault at /password, accounts.weak_password {min}.
Error weak_password(long long min);
// Over `max` bytes: fault at /password, accounts.password_too_long {max}.
Error password_too_long(long long max);
// Fault at /name, accounts.name_invalid {max}.
Error name_invalid(long long max);
// Fault at /language, accounts.language_invalid.
Error language_invalid();
// No account has this address (adding a person by e-mail):
// 404 accounts.not_found {email}.
Error not_found(std::string_view email);
// Granting a role (command line): a role or scope that does not fit.
Error role_invalid();
Error scope_invalid(std::string detail);

}  // namespace stemnet::accounts::errors
