// core/result.hpp — expected failures as values.
//
// Every fallible function in stemnet returns Result<T>: either a T or an
// Error. An Error names its kind (which decides the HTTP status in
// http/problem.cpp and nothing else), a stable machine-readable `type`, a
// human title and detail, and where it applies the offending parameter or
// file:line.
//
// Example:
//   Result<int> parse_limit(std::string_view s);
//   auto limit = parse_limit("50");
//   if (!limit) return limit.error();          // propagate
//   use(*limit);
#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace stemnet {

enum class ErrorKind {
  invalid_input,      // the caller sent something malformed (HTTP 400, CLI exit 2)
  not_found,          // the thing named does not exist (404)
  conflict,           // the request collides with the current state (409)
  unprocessable,      // well-formed but violates a rule (422)
  too_large,          // body or file over a limit (413)
  unsupported_media,  // a body in a format the resource does not take (415)
  unauthenticated,    // no valid session (401)
  forbidden,          // signed in, but not allowed (403)
  rate_limited,       // too many attempts; retry_after says when (429)
  unavailable,        // a dependency is down, e.g. the database (503)
  internal,           // a bug or an unexpected failure (500)
};

// A named value of an error, for the client's text: {"field": "/pupils", "max": 1000}.
struct ErrorParam {
  std::string name;
  std::variant<std::string, long long, double> value;
};

// One fault of a request that breaks several rules at once (validation at the
// edge reports every fault, not only the first). `pointer` is the RFC 6901
// JSON pointer into the body ("/kit/items/0"); `parameter` names a query
// parameter instead.
struct Fault {
  std::string pointer;
  std::string parameter;
  std::string code;  // "validation.too_long"
  std::string detail;
  std::vector<ErrorParam> params;
  bool in_query = false;  // a query fault, even one whose parameter has no name ("?=x")
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string type;      // stable slug, e.g. "invalid-parameter", "malformed-file"
  std::string title;     // short, human, stable for a type
  std::string detail;    // this occurrence, human
  std::string param;     // offending query/body parameter, if any
  std::string file;      // offending file, if any
  long line = 0;         // 1-based line in `file`, 0 when unknown
  long retry_after = 0;  // seconds, for rate_limited
  // Stable and machine-readable, "<area>.<what>" ("booking.slot_full"); the
  // front-end chooses its text by it. Listed in api/openapi.yaml.
  std::string code;
  std::vector<ErrorParam> params;
  std::vector<Fault> faults;  // validation: every fault, in document order

  // "file:line: detail" when a file is known, else the detail.
  std::string where_and_what() const;

  static Error invalid(std::string param, std::string detail);
  static Error not_found(std::string detail);
  static Error conflict(std::string detail);
  static Error malformed_file(std::string file, long line, std::string detail);
  static Error unavailable(std::string detail);
  static Error unauthenticated(std::string detail);
  static Error forbidden(std::string detail);
  static Error internal(std::string detail);

  // The modules' named factories (booking/errors.hpp, ...) build on these two;
  // handlers and services call the named factories, never set a code in place.
  //
  // One member of the request breaks a rule of the product: a 400
  // `validation.failed` problem with one fault, like the edge's own faults,
  // so the front-end shows it at its field. `pointer` is the body member's
  // JSON pointer ("/pupils", "/weeks/2"); `code` the rule
  // ("booking.week_passed").
  static Error field(std::string pointer, std::string code, std::string detail,
                     std::vector<ErrorParam> params = {});
  // The same for a query parameter ("grade").
  static Error query(std::string parameter, std::string code, std::string detail,
                     std::vector<ErrorParam> params = {});
  // This error with its stable code and the values its text needs.
  Error coded(std::string code, std::vector<ErrorParam> params = {}) &&;
};

// Result<T> holds a T or an Error. Result<void> holds nothing or an Error.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT

  bool has_value() const { return !error_; }
  explicit operator bool() const { return has_value(); }
  const Error& error() const& { return *error_; }
  Error&& error() && { return std::move(*error_); }

 private:
  std::optional<Error> error_;
};

inline Result<void> ok() { return {}; }

}  // namespace stemnet

// Propagate an error: STEMNET_TRY(auto x, f()); or STEMNET_TRY_VOID(g());
#define STEMNET_CONCAT_INNER(a, b) a##b
#define STEMNET_CONCAT(a, b) STEMNET_CONCAT_INNER(a, b)
#define STEMNET_TRY_IMPL(tmp, decl, expr)  \
  auto tmp = (expr);                       \
  if (!tmp) return std::move(tmp).error(); \
  decl = std::move(*tmp)
#define STEMNET_TRY(decl, expr) STEMNET_TRY_IMPL(STEMNET_CONCAT(stemnet_try_, __LINE__), decl, expr)
#define STEMNET_TRY_VOID(expr)                                                                \
  do {                                                                                        \
    if (auto stemnet_try_v = (expr); !stemnet_try_v) return std::move(stemnet_try_v).error(); \
  } while (0)
