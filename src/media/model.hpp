// media/model.hpp — files people attach: a kit's worksheets (PDF), an offer's
// or a provider's pictures and logo. Stored in the database, so that every
// server answers them and a backup holds them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace stemnet::media {

// What a file is for, on its owner.
inline constexpr const char* kRoles[] = {"material", "picture", "logo"};

struct File {
  std::string id;                    // 16 random characters
  std::string owner;                 // "offer:<id>", "organisation:<id>"
  std::string role;                  // material | picture | logo
  std::string name;                  // as the uploader named it, for the download
  std::string media_type;            // as found in the content: application/pdf, image/jpeg, ...
  std::int64_t size = 0;             // bytes as stored (an image after resizing)
  std::optional<int> width, height;  // images
  std::string sha256;                // hex, of the stored bytes; the ETag
  std::string created_at;
};

// A file's stored bytes with what is known of it.
struct Content {
  File file;
  std::string bytes;
};

// A file as its owner's module hands it out: `shared` when anyone may have
// it (a published offer's, an approved provider's), else only who asked.
struct Served {
  Content content;
  bool shared = false;
};

}  // namespace stemnet::media
