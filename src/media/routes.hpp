// media/routes.hpp — how a file is told and served over HTTP. The media
// module has no routes of its own: an owner's module (catalogue for offers,
// organisations for providers) decides who may, then answers with these, so
// that every file is described and served the same way.
//
// Example:
//   json::array files;
//   for (const auto& f : offer.files) files.push_back(media::file_json("/api/v1/offers/" + id, f));
//   return media::file_response(std::move(content), /*shared=*/published);
#pragma once

#include "http/message.hpp"
#include "media/model.hpp"

#include <boost/json/value.hpp>

#include <string>

namespace stemnet::media {

// A file's public description; its `url` is `base` + "/files/" + its id.
boost::json::value file_json(const std::string& base, const File& f);

// The file itself: its type, an ETag of its content, a download name (a PDF
// is saved, a picture shown). `shared`: the same for everyone and cached a
// day; otherwise private and revalidated.
http::Response file_response(Content content, bool shared);

}  // namespace stemnet::media
