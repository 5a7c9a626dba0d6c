// fuzz_problem_write — http::problem() on any bytes: the answer is always
// valid UTF-8 (checked here byte by byte, independently of the writer) and
// JSON that parses back into a problem document whose texts are the input's
// where the input was valid UTF-8. The first byte picks the error kind and
// whether the rest is a request target (as the router echoes one: "no
// resource at " + the decoded path, a query parameter's name and value) or
// NUL-separated fields (type, title, detail, param, file).
#include "http/message.hpp"
#include "http/problem.hpp"
#include "text/json_write.hpp"

#include <boost/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

[[noreturn]] void fail(const char* what, std::string_view text) {
  std::fprintf(stderr, "fuzz_problem_write: %s: %.*s\n", what, static_cast<int>(text.size()),
               text.data());
  std::abort();
}

// Well-formed UTF-8 per Unicode 15 table 3-7, written without the writer's code.
bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      lo = c == 0xE0 ? 0xA0 : 0x80;
      hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      lo = c == 0xF0 ? 0x90 : 0x80;
      hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;  // cut short
    for (std::size_t k = 1; k <= n; ++k) {
      const unsigned char b = static_cast<unsigned char>(s[i + k]);
      if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return false;
    }
    i += n + 1;
  }
  return true;
}

stemnet::ErrorKind kind_of(std::uint8_t b) {
  // Every kind but internal (which answers a fixed text and logs the rest).
  constexpr stemnet::ErrorKind kinds[] = {
      stemnet::ErrorKind::invalid_input,   stemnet::ErrorKind::not_found,
      stemnet::ErrorKind::conflict,        stemnet::ErrorKind::unprocessable,
      stemnet::ErrorKind::too_large,       stemnet::ErrorKind::unsupported_media,
      stemnet::ErrorKind::unauthenticated, stemnet::ErrorKind::forbidden,
      stemnet::ErrorKind::rate_limited,    stemnet::ErrorKind::unavailable};
  return kinds[b % std::size(kinds)];
}

void check(const stemnet::Error& error, int status) {
  const stemnet::http::Response res = stemnet::http::problem(error, status);
  if (!valid_utf8(res.body)) fail("not UTF-8", res.body);
  boost::system::error_code ec;
  const boost::json::value v = boost::json::parse(res.body, ec);
  if (ec || !v.is_object()) fail("not a JSON object", res.body);
  const auto& o = v.get_object();
  const auto* detail = o.if_contains("detail");
  if (!detail || !detail->is_string() || !o.contains("status") || !o.contains("type"))
    fail("not a problem document", res.body);
  const std::string expected = error.where_and_what();
  if (valid_utf8(expected) && detail->get_string() != expected) fail("detail changed", res.body);
  if (!error.param.empty() && valid_utf8(error.param)) {
    const auto* param = o.if_contains("param");
    if (!param || !param->is_string() || param->get_string() != error.param)
      fail("param changed", res.body);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t mode = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const stemnet::ErrorKind kind = kind_of(mode >> 1);
  if (mode & 1) {
    // A request target, as the server and router meet it.
    auto req = stemnet::http::Request::from_target(stemnet::http::Method::get, rest);
    if (!req) {
      check(stemnet::Error{stemnet::ErrorKind::invalid_input, "bad-request", "Bad request",
                           "the request target is not a valid URL: " + std::string(rest)},
            0);
      return 0;
    }
    check(stemnet::Error::not_found("no resource at " + req->path), 0);
    for (const auto& [name, value] : req->query) {
      check(stemnet::Error::invalid(name, "unknown query parameter '" + name + "' = " + value), 0);
    }
    return 0;
  }
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (fields.size() < 5) {
    const auto end = rest.find('\0', start);
    fields.emplace_back(rest.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  fields.resize(5);
  stemnet::Error e{kind, fields[0], fields[1], fields[2]};
  e.param = fields[3];
  e.file = fields[4];
  e.line = static_cast<long>(mode & 0x7);
  check(e, (mode & 0x80) ? 405 : 0);
  // The writer alone, on the raw bytes as a string and as a member name.
  boost::json::object o;
  o[rest] = boost::json::string(rest);
  const std::string text = stemnet::text::json_text(o);
  if (!valid_utf8(text)) fail("json_text not UTF-8", text);
  boost::system::error_code ec;
  const auto back = boost::json::parse(text, ec);
  if (ec) fail("json_text does not parse", text);
  if (valid_utf8(rest) && back.get_object().at(rest).get_string() != rest)
    fail("json_text changed a valid string", text);
  return 0;
}
