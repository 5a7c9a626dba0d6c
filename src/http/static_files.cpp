#include "http/static_files.hpp"

#include "core/file.hpp"
#include "http/compress.hpp"
#include "http/conditional.hpp"
#include "http/problem.hpp"

#include <algorithm>

namespace stemnet::http {
namespace fs = std::filesystem;

std::string StaticFiles::content_type(const std::string& name) {
  static const std::map<std::string, std::string, std::less<>> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"},
  };
  std::string ext = fs::path(name).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

Result<StaticFiles> StaticFiles::load(const fs::path& root, std::size_t max_bytes) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    return Error::invalid("ui", "no front-end folder at " + root.string() +
                                    " (build it with 'make ui', or pass --ui '')");
  }
  StaticFiles out;
  std::size_t total = 0;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const std::string rel = fs::relative(it->path(), root).generic_string();
    STEMNET_TRY(std::string body, read_file(it->path()));
    total += body.size();
    if (total > max_bytes) {
      return Error::invalid(
          "ui", root.string() + " holds more than " + std::to_string(max_bytes >> 20) + " MiB");
    }
    File f;
    f.content_type = content_type(rel);
    f.etag = entity_tag(body);
    if (compressible(f.content_type)) f.gzipped = gzip(body);
    f.immutable = rel.starts_with("assets/");
    f.body = std::move(body);
    out.files_.emplace("/" + rel, std::move(f));
  }
  if (ec) return Error::invalid("ui", "cannot read " + root.string() + ": " + ec.message());
  if (!out.files_.contains("/index.html")) {
    return Error::invalid("ui", root.string() + " has no index.html");
  }
  return out;
}

Response StaticFiles::serve(const File& f, const Request& req) const {
  Response res;
  res.status = 200;
  res.content_type = f.content_type;
  res.set_header("Cache-Control", f.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  res.set_header("X-Content-Type-Options", "nosniff");
  if (f.gzipped) res.set_header("Vary", "Accept-Encoding");
  if (f.gzipped && accepts_gzip(req)) {
    std::string tag = f.etag;
    tag.insert(tag.size() - 1, "-gz");
    res.set_header("ETag", std::move(tag));
    res.set_header("Content-Encoding", "gzip");
    res.body = *f.gzipped;
  } else {
    res.set_header("ETag", f.etag);
    res.body = f.body;
  }
  return res;
}

std::optional<Response> StaticFiles::file(std::string_view path, const Request& req) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return serve(it->second, req);
}

Response StaticFiles::answer(const Request& req) const {
  std::string path = req.path == "/" ? "/index.html" : req.path;
  if (auto it = files_.find(path); it != files_.end()) return serve(it->second, req);
  // No such file: a name with an extension (or under assets/) is a missing
  // file; anything else is a route of the front-end.
  const std::string last = path.substr(path.rfind('/') + 1);
  if (last.find('.') != std::string::npos || path.starts_with("/assets/")) {
    return problem(Error::not_found("no file at " + req.path));
  }
  return serve(files_.at("/index.html"), req);
}

}  // namespace stemnet::http
