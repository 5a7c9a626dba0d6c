#include "http/body.hpp"

namespace stemnet::http {

namespace body_detail {

Error wrong_type(const std::string& pointer, std::string_view expected) {
  return Error::field(pointer, "validation.wrong_type",
                      "expected " + std::string(expected == "array" ? "a list" : expected),
                      {{"expected", std::string(expected)}});
}

}  // namespace body_detail

std::string escape_pointer_token(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace stemnet::http
