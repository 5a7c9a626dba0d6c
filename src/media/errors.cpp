#include "media/errors.hpp"

#include <string>

namespace stemnet::media::errors {
namespace {

std::string s(std::string_view v) { return std::string(v); }

}  // namespace

Error empty() { return Error::invalid("body", "the file is empty").coded("media.empty"); }

Error too_large(long long max_bytes) {
  return Error{ErrorKind::too_large, "payload-too-large", "File too large",
               "the file is over " + std::to_string(max_bytes) + " bytes"}
      .coded("media.too_large", {{"max", max_bytes}});
}

Error type_not_allowed(std::string_view found, std::string_view allowed) {
  return Error{ErrorKind::unsupported_media, "unsupported-media-type", "File type not allowed",
               "the file is " + s(found) + "; allowed: " + s(allowed)}
      .coded("media.type_not_allowed", {{"type", s(found)}, {"allowed", s(allowed)}});
}

Error name_invalid(int max) {
  return Error::query("name", "media.name_invalid",
                      "a file name has 1 to " + std::to_string(max) +
                          " characters, without control characters or slashes",
                      {{"max", static_cast<long long>(max)}});
}

Error role_invalid(std::string_view role) {
  return Error::query("role", "media.role_invalid", "no file role '" + s(role) + "'",
                      {{"role", s(role)}});
}

Error too_many(int max) {
  return Error::conflict("there are already " + std::to_string(max) + " files of this kind")
      .coded("media.too_many", {{"max", static_cast<long long>(max)}});
}

Error image_unreadable() {
  return Error::invalid("body", "the picture cannot be read").coded("media.image_unreadable");
}

Error image_too_large(long long max_pixels) {
  return Error{ErrorKind::too_large, "payload-too-large", "Picture too large",
               "the picture has more than " + std::to_string(max_pixels) + " pixels"}
      .coded("media.image_too_large", {{"max", max_pixels}});
}

Error file_not_found(std::string_view id) {
  return Error::not_found("no file '" + s(id) + "'")
      .coded("media.file_not_found", {{"file", s(id)}});
}

}  // namespace stemnet::media::errors
