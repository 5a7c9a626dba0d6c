// media/errors.hpp — the media module's named errors (see core/result.hpp).
//
// Example:
//   if (bytes.empty()) return errors::empty();  // 400 media.empty
#pragma once

#include "core/result.hpp"

#include <string_view>

namespace stemnet::media::errors {

// 400 media.empty: a file of no bytes.
Error empty();
// 413 media.too_large {max}: over the limit in bytes.
Error too_large(long long max_bytes);
// 415 media.type_not_allowed {type, allowed}: the content is not one of the
// allowed types (the type found in it, not the name's).
Error type_not_allowed(std::string_view found, std::string_view allowed);
// 400 at ?name, media.name_invalid {max}: a name of 1 to `max` characters
// without control characters or slashes.
Error name_invalid(int max);
// 400 ?role, media.role_invalid {role}.
Error role_invalid(std::string_view role);
// 409 media.too_many {max}: the owner has as many files of the role as it may.
Error too_many(int max);
// 400 media.image_unreadable: the picture does not decode.
Error image_unreadable();
// 413 media.image_too_large {max}: more pixels than kMaxPixels.
Error image_too_large(long long max_pixels);
// 404 media.file_not_found {file}.
Error file_not_found(std::string_view id);

}  // namespace stemnet::media::errors
