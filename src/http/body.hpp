// http/body.hpp — a request's JSON body as a typed struct, by Boost.Describe.
//
// The API document (api/openapi.yaml) has already checked the body's shape
// before the handler runs (api/contract.hpp); this turns the checked JSON into
// the struct the handler works with, so that no route reads members by hand.
// A struct names its members with BOOST_DESCRIBE_STRUCT; each member is read
// from the JSON member of the same name:
//
//   T                      present: must convert; absent: keeps its default
//   std::optional<T>       absent or null: nullopt (a POST's optional member)
//   Patch<T>               a merge patch's member: absent (nothing to change),
//                          null (clear it) or a value
//   std::vector<T>         an array, each item read as T
//   a described struct     an object, read the same way
//
// A member of the wrong type is a 400 fault at its JSON pointer
// (`validation.wrong_type`), the same as the edge's own; it is reached only
// when the edge's check is off (`serve --no-request-validation`).
//
// Example:
//   struct NewSlot { std::string starts_at, ends_at; int capacity = 1; };
//   BOOST_DESCRIBE_STRUCT(NewSlot, (), (starts_at, ends_at, capacity))
//   ...
//   STEMNET_TRY(NewSlot in, http::body<NewSlot>(req));
#pragma once

#include "core/result.hpp"
#include "http/json.hpp"
#include "http/message.hpp"

#include <boost/describe/members.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace stemnet::http {

// One member of a merge patch (RFC 7396): left out, null, or a value.
template <class T>
class Patch {
 public:
  bool present() const { return present_; }
  bool null() const { return present_ && !value_; }
  // The value when present and not null.
  const std::optional<T>& value() const { return value_; }
  // Sets `target` when the patch names a value, clears it (to `cleared`) on null.
  template <class U>
  void apply(U& target, U cleared = U{}) const {
    if (!present_) return;
    target = value_ ? U(*value_) : std::move(cleared);
  }

  void set_null() { present_ = true, value_.reset(); }
  void set(T v) { present_ = true, value_ = std::move(v); }

 private:
  bool present_ = false;
  std::optional<T> value_;
};

// A member name as one token of a JSON pointer (RFC 6901): "a/b" -> "a~1b".
std::string escape_pointer_token(std::string_view name);

namespace body_detail {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_patch : std::false_type {};
template <class T>
struct is_patch<Patch<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};

Error wrong_type(const std::string& pointer, std::string_view expected);

template <class T>
Result<void> read(const boost::json::value& v, const std::string& pointer, T& out);

template <class T>
Result<void> read_object(const boost::json::value& v, const std::string& pointer, T& out) {
  const auto* obj = v.if_object();
  if (!obj) return wrong_type(pointer, "object");
  Result<void> result;
  boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
      [&](auto member) {
        if (!result) return;
        const auto* found = obj->if_contains(member.name);
        if (!found) return;  // absent: the default (or nothing to change)
        const std::string at = pointer + "/" + escape_pointer_token(member.name);
        result = read(*found, at, out.*member.pointer);
      });
  return result;
}

template <class T>
Result<void> read(const boost::json::value& v, const std::string& pointer, T& out) {
  if constexpr (is_patch<T>::value) {
    if (v.is_null()) {
      out.set_null();
      return ok();
    }
    typename std::remove_cvref_t<decltype(*out.value())> inner{};
    STEMNET_TRY_VOID(read(v, pointer, inner));
    out.set(std::move(inner));
    return ok();
  } else if constexpr (is_optional<T>::value) {
    if (v.is_null()) {
      out.reset();
      return ok();
    }
    typename T::value_type inner{};
    STEMNET_TRY_VOID(read(v, pointer, inner));
    out = std::move(inner);
    return ok();
  } else if constexpr (is_vector<T>::value) {
    const auto* arr = v.if_array();
    if (!arr) return wrong_type(pointer, "array");
    T items;
    items.reserve(arr->size());
    for (std::size_t i = 0; i < arr->size(); ++i) {
      typename T::value_type item{};
      STEMNET_TRY_VOID(read((*arr)[i], pointer + "/" + std::to_string(i), item));
      items.push_back(std::move(item));
    }
    out = std::move(items);
    return ok();
  } else if constexpr (std::is_same_v<T, std::string>) {
    const auto* s = v.if_string();
    if (!s) return wrong_type(pointer, "string");
    out.assign(s->data(), s->size());
    return ok();
  } else if constexpr (std::is_same_v<T, bool>) {
    const auto* b = v.if_bool();
    if (!b) return wrong_type(pointer, "boolean");
    out = *b;
    return ok();
  } else if constexpr (std::is_integral_v<T>) {
    // A whole number that fits T; never narrowed (4294967306 is not 10).
    using L = long long;
    constexpr L lo = std::is_signed_v<T> ? L(std::numeric_limits<T>::min()) : 0;
    constexpr unsigned long long hi = std::numeric_limits<T>::max();
    std::optional<L> n;
    if (const auto* i = v.if_int64()) n = *i;
    if (const auto* u = v.if_uint64(); u && *u <= std::uint64_t(std::numeric_limits<L>::max())) {
      n = static_cast<L>(*u);
    }
    if (const auto* d = v.if_double(); d && *d > -9.0e18 && *d < 9.0e18 && *d == L(*d)) {
      n = L(*d);
    }
    if (!n || *n < lo || (*n > 0 && static_cast<unsigned long long>(*n) > hi)) {
      return wrong_type(pointer, "integer");
    }
    out = static_cast<T>(*n);
    return ok();
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!v.is_number()) return wrong_type(pointer, "number");
    out = static_cast<T>(v.to_number<double>());
    return ok();
  } else if constexpr (std::is_same_v<T, boost::json::value>) {
    out = v;
    return ok();
  } else {
    static_assert(boost::describe::has_describe_members<T>::value,
                  "a body member's type: string, bool, a number, optional, Patch, vector, "
                  "or a struct described with BOOST_DESCRIBE_STRUCT");
    return read_object(v, pointer, out);
  }
}

}  // namespace body_detail

// The JSON value as T (see above); `pointer` is where the value sits in the body.
template <class T>
Result<T> read_json(const boost::json::value& v, const std::string& pointer = "") {
  T out{};
  STEMNET_TRY_VOID(body_detail::read(v, pointer, out));
  return out;
}

// The request's body as T: json_body's checks (415, a JSON object, no
// U+0000, free-text limits), then read_json.
template <class T>
Result<T> body(const Request& req) {
  STEMNET_TRY(boost::json::object obj, json_body(req));
  return read_json<T>(boost::json::value(std::move(obj)));
}

}  // namespace stemnet::http
