// core/encoding.hpp — digests and opaque tokens (libsodium underneath).
//
// Example:
//   std::string h = sha256_hex(file_bytes);          // 64 lowercase hex digits
//   std::string c = base64url_encode("k\x1f" "v");    // for pagination cursors
//   auto back = base64url_decode(c);                  // nullopt if not base64url
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace stemnet {

std::string sha256_hex(std::string_view bytes);
std::string base64url_encode(std::string_view bytes);
// Standard base64 with padding (RFC 4648 section 4), as MIME wants it.
std::string base64_encode(std::string_view bytes);
// 32 random bytes from libsodium, base64url-encoded (43 characters): for
// session, CSRF, reset, feed and unsubscribe tokens, and random ids.
std::string random_token();
// Unpadded URL-safe base64; nullopt for anything else.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace stemnet
