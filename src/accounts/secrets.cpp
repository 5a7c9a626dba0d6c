#include "accounts/secrets.hpp"

#include "core/encoding.hpp"

#include <sodium.h>

#include <array>

namespace stemnet::accounts {

Result<std::string> hash_password(std::string_view password) {
  if (sodium_init() < 0) return Error::internal("libsodium failed to initialise");
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str(out.data(), password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Error::internal("out of memory while hashing a password");
  }
  return std::string(out.data());
}

bool verify_password(const std::string& hash, std::string_view password) {
  if (sodium_init() < 0) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool same_secret(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         sodium_memcmp(reinterpret_cast<const unsigned char*>(a.data()),
                       reinterpret_cast<const unsigned char*>(b.data()), a.size()) == 0;
}

}  // namespace stemnet::accounts
