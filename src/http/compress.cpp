#include "http/compress.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

namespace stemnet::http {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The q-value among a coding's parameters ("q=0.5; x=y"): 1 when absent or
// not a number, clamped to [0, 1].
double quality(std::string_view params) {
  while (!params.empty()) {
    const auto semi = params.find(';');
    std::string_view p = trim_ows(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
    const auto eq = p.find('=');
    if (eq == std::string_view::npos || trim_ows(p.substr(0, eq)) != "q") continue;
    const std::string_view number = trim_ows(p.substr(eq + 1));
    double q = 1;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), q);
    if (ec != std::errc{} || end != number.data() + number.size()) return 1;
    return std::clamp(q, 0.0, 1.0);
  }
  return 1;
}

}  // namespace

bool accepts_gzip(const Request& req) {
  auto header = req.header("Accept-Encoding");
  if (!header) return false;
  const std::string value = lower(*header);
  // gzip named explicitly decides; otherwise "*" does (RFC 9110 12.5.3).
  std::optional<bool> gzip_named, any_named;
  std::string_view rest = value;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    const auto semi = item.find(';');
    const std::string_view coding = trim_ows(item.substr(0, semi));
    if (coding != "gzip" && coding != "*") continue;
    const bool accepted =
        quality(semi == std::string_view::npos ? std::string_view{} : item.substr(semi + 1)) > 0;
    auto& slot = coding == "gzip" ? gzip_named : any_named;
    if (!slot) slot = accepted;
  }
  if (gzip_named) return *gzip_named;
  return any_named.value_or(false);
}

std::optional<std::string> gzip(std::string_view body) {
  if (body.size() < kGzipMinBytes) return std::nullopt;
  z_stream z{};
  // 15 + 16: a gzip header and trailer rather than a zlib one.
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return std::nullopt;
  }
  std::string out(deflateBound(&z, static_cast<uLong>(body.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  z.avail_in = static_cast<uInt>(body.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  const auto written = z.total_out;
  deflateEnd(&z);
  if (rc != Z_STREAM_END || written >= body.size()) return std::nullopt;
  out.resize(written);
  return out;
}

bool compressible(std::string_view content_type) {
  for (std::string_view t : {"json", "javascript", "text/", "svg", "xml", "csv", "calendar"}) {
    if (content_type.find(t) != std::string_view::npos) return true;
  }
  return false;
}

void compress_answer(const Request& req, Response& res) {
  if (res.header("Content-Encoding") || !compressible(res.content_type)) return;
  res.set_header("Vary", "Accept-Encoding");
  if (!accepts_gzip(req)) return;
  if (auto z = gzip(res.body)) {
    res.body = std::move(*z);
    res.set_header("Content-Encoding", "gzip");
    // A strong tag names one representation: the gzip form gets its own.
    if (auto tag = res.header("ETag"); tag && tag->size() >= 2 && tag->back() == '"') {
      std::string t(*tag);
      t.insert(t.size() - 1, "-gz");
      res.set_header("ETag", std::move(t));
    }
  }
}

}  // namespace stemnet::http
