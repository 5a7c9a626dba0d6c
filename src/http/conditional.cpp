#include "http/conditional.hpp"

#include <cstdint>
#include <cstdio>

namespace stemnet::http {

std::string entity_tag(std::string_view body) {
  // FNV-1a, 64 bits: a tag only has to change when the body changes; it is
  // not a security boundary.
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : body) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

bool none_match(std::string_view header, std::string_view tag) {
  auto strip_weak = [](std::string_view t) {
    if (t.size() > 2 && t[0] == 'W' && t[1] == '/') t.remove_prefix(2);
    return t;
  };
  tag = strip_weak(tag);
  std::size_t i = 0;
  while (i < header.size()) {
    std::size_t j = header.find(',', i);
    if (j == std::string_view::npos) j = header.size();
    std::string_view item = header.substr(i, j - i);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (item == "*" || strip_weak(item) == tag) return true;
    i = j + 1;
  }
  return false;
}

void apply_conditional(const Request& req, Response& res) {
  if (res.status != 200 || (req.method != Method::get && req.method != Method::head)) return;
  // A cached answer carries its tag already.
  std::string tag = res.header("ETag") ? std::string(*res.header("ETag")) : entity_tag(res.body);
  if (auto inm = req.header("If-None-Match"); inm && none_match(*inm, tag)) {
    res.status = 304;
    res.body.clear();
  }
  res.set_header("ETag", std::move(tag));
}

}  // namespace stemnet::http
