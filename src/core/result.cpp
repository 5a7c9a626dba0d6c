#include "core/result.hpp"

namespace stemnet {

std::string Error::where_and_what() const {
  if (file.empty()) return detail;
  if (line > 0) return file + ":" + std::to_string(line) + ": " + detail;
  return file + ": " + detail;
}

Error Error::invalid(std::string param, std::string detail) {
  return {ErrorKind::invalid_input, "invalid-parameter", "Invalid parameter", std::move(detail),
          std::move(param)};
}

Error Error::not_found(std::string detail) {
  return {ErrorKind::not_found, "not-found", "Not found", std::move(detail)};
}

Error Error::conflict(std::string detail) {
  return {ErrorKind::conflict, "conflict", "Conflict with the current state", std::move(detail)};
}

Error Error::malformed_file(std::string file, long line, std::string detail) {
  Error e{ErrorKind::invalid_input, "malformed-file", "Malformed file", std::move(detail)};
  e.file = std::move(file);
  e.line = line;
  return e;
}

Error Error::unavailable(std::string detail) {
  return {ErrorKind::unavailable, "unavailable", "Service unavailable", std::move(detail)};
}

Error Error::unauthenticated(std::string detail) {
  return {ErrorKind::unauthenticated, "unauthenticated", "Sign-in required", std::move(detail)};
}

Error Error::forbidden(std::string detail) {
  return {ErrorKind::forbidden, "forbidden", "Not allowed", std::move(detail)};
}

Error Error::internal(std::string detail) {
  return {ErrorKind::internal, "internal", "Internal error", std::move(detail)};
}

namespace {

// "/kit/items/0" -> "kit.items.0", the `param` older clients read.
std::string dotted(const std::string& pointer) {
  std::string out = pointer.starts_with('/') ? pointer.substr(1) : pointer;
  for (char& c : out) {
    if (c == '/') c = '.';
  }
  return out;
}

Error one_fault(Fault fault, std::string param) {
  Error e = Error::invalid(std::move(param), fault.detail);
  e.code = "validation.failed";
  e.faults.push_back(std::move(fault));
  return e;
}

}  // namespace

Error Error::field(std::string pointer, std::string code, std::string detail,
                   std::vector<ErrorParam> params) {
  std::string param = dotted(pointer);
  return one_fault(
      Fault{std::move(pointer), "", std::move(code), std::move(detail), std::move(params)},
      std::move(param));
}

Error Error::query(std::string parameter, std::string code, std::string detail,
                   std::vector<ErrorParam> params) {
  std::string param = parameter;
  return one_fault(
      Fault{"", std::move(parameter), std::move(code), std::move(detail), std::move(params), true},
      std::move(param));
}

Error Error::coded(std::string code, std::vector<ErrorParam> params) && {
  this->code = std::move(code);
  this->params = std::move(params);
  return std::move(*this);
}

}  // namespace stemnet
