// accounts/secrets.hpp — passwords and tokens, all through libsodium.
//
// Example:
//   auto hash = hash_password("correct horse battery");   // argon2id, $argon2id$...
//   bool ok = verify_password(hash, attempt);               // constant time
//   std::string token = random_token();                     // 256 bits, base64url
#pragma once

#include "core/encoding.hpp"

#include "core/result.hpp"

#include <string>
#include <string_view>

namespace stemnet::accounts {

// An argon2id hash string (libsodium crypto_pwhash_str, interactive limits).
// Fails with ErrorKind::internal only when memory for hashing is refused.
Result<std::string> hash_password(std::string_view password);
// True when `password` matches the stored hash; false for anything else.
bool verify_password(const std::string& hash, std::string_view password);
// 32 random bytes, base64url-encoded: for session, CSRF and reset tokens.
using ::stemnet::random_token;
// Constant-time comparison of two strings.
bool same_secret(std::string_view a, std::string_view b);

}  // namespace stemnet::accounts
