// http/static_files.hpp — the built front-end (ui/dist), served from memory.
//
// Every file under the folder is read once at start-up with its content
// type, ETag and gzip form. Vite's hashed files under assets/ are cached by
// browsers for a year; everything else must be revalidated. A path that names
// no file and has no extension is a client-side route: it gets index.html.
// Example:
//   auto files = StaticFiles::load("ui/dist");
//   router.fallback([&](const Request& r, const PathParams&) { return files->answer(r); });
#pragma once

#include "core/result.hpp"
#include "http/message.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace stemnet::http {

class StaticFiles {
 public:
  // Reads the folder; fails when it is missing or has no index.html, or
  // holds more than `max_bytes` in all.
  static Result<StaticFiles> load(const std::filesystem::path& root,
                                  std::size_t max_bytes = 256u << 20);

  // The file the request's path names, index.html for client routes, or a
  // 404 problem.
  Response answer(const Request& req) const;
  // The file at `path` ("/api-docs.html") whatever the request's path, with
  // the request's conditional and encoding headers honoured; none when the
  // folder has no such file.
  std::optional<Response> file(std::string_view path, const Request& req) const;
  std::size_t size() const { return files_.size(); }

  // The content type for a file name, by extension.
  static std::string content_type(const std::string& name);

 private:
  struct File {
    std::string content_type, body, etag;
    std::optional<std::string> gzipped;
    bool immutable = false;
  };
  Response serve(const File& f, const Request& req) const;
  std::map<std::string, File, std::less<>> files_;  // by URL path, "/assets/x.js"
};

}  // namespace stemnet::http
