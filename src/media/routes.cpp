#include "media/routes.hpp"

#include "http/json.hpp"

#include <boost/json.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace stemnet::media {
namespace {

// Content-Disposition: a PDF saved under its name, a picture shown; the name
// in ASCII for old clients and, percent-encoded (RFC 8187; unreserved
// characters are attr-chars), in UTF-8.
std::string disposition(const File& f) {
  std::string ascii;
  for (unsigned char c : f.name)
    ascii += c < 0x80 && c >= 0x20 && c != '"' && c != '\\' ? static_cast<char>(c) : '_';
  const char* how = f.media_type == "application/pdf" ? "attachment" : "inline";
  return std::string(how) + "; filename=\"" + ascii + "\"; filename*=UTF-8''" +
         boost::urls::encode(f.name, boost::urls::unreserved_chars);
}

}  // namespace

boost::json::value file_json(const std::string& base, const File& f) {
  return boost::json::object{{"id", f.id},
                             {"role", f.role},
                             {"name", f.name},
                             {"media_type", f.media_type},
                             {"size", f.size},
                             {"width", http::or_null(f.width)},
                             {"height", http::or_null(f.height)},
                             {"url", base + "/files/" + f.id}};
}

http::Response file_response(Content content, bool shared) {
  const File& f = content.file;
  http::Response res;
  res.status = 200;
  res.content_type = f.media_type;
  res.set_header("ETag", "\"" + f.sha256.substr(0, 32) + "\"");
  res.set_header("Content-Disposition", disposition(f));
  res.set_header("Cache-Control", shared ? "public, max-age=86400" : "private, no-cache");
  res.body = std::move(content.bytes);
  return res;
}

}  // namespace stemnet::media
