// media/image.hpp — what an uploaded file is, by its content, and pictures
// made fit to store: libmagic names the type (never the file's name or the
// request's Content-Type), libvips turns the orientation upright, shrinks a
// picture to fit kMaxEdge, and writes it again without its metadata (a
// phone's photo carries where it was taken).
//
// Example:
//   STEMNET_TRY(auto kind, media::sniff(bytes));          // "image/jpeg"
//   STEMNET_TRY(auto pic, media::fit_image(bytes, kind));  // at most 1600 px
#pragma once

#include "core/result.hpp"

#include <string>
#include <string_view>

namespace stemnet::media {

inline constexpr int kMaxEdge = 1600;                // px, the longer side once stored
inline constexpr long long kMaxPixels = 60'000'000;  // a larger picture is refused unread

// The media type libmagic finds in the bytes ("application/pdf", "image/png",
// "text/plain", ...). Fails only when libmagic cannot run.
Result<std::string> sniff(std::string_view bytes);

struct Image {
  std::string bytes, media_type;
  int width = 0, height = 0;
};

// A picture (JPEG, PNG or WebP) upright, at most kMaxEdge px on its longer
// side, in the same format, without metadata. A picture that does not decode
// is media.image_unreadable; over kMaxPixels, media.image_too_large.
Result<Image> fit_image(std::string_view bytes, const std::string& media_type);

}  // namespace stemnet::media
