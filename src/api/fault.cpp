#include "api/fault.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <variant>

namespace stemnet::api {
namespace json = boost::json;

namespace {

std::string text_of(const ErrorParam& p) {
  if (const auto* s = std::get_if<std::string>(&p.value)) return *s;
  if (const auto* n = std::get_if<long long>(&p.value)) return std::to_string(*n);
  std::string s = json::serialize(json::value(std::get<double>(p.value)));
  return s;
}

const ErrorParam* find_param(const Fault& f, std::string_view name) {
  for (const auto& p : f.params) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

}  // namespace

std::string unescape_pointer_token(std::string_view token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

// "kit.items[2]" (http::nul_path) as a JSON pointer, "/kit/items/2".
std::string pointer_of_dotted(std::string_view path) {
  std::string out = "/";
  for (char c : path) {
    if (c == '.' || c == '[') {
      out += '/';
    } else if (c != ']') {
      out += c;
    }
  }
  return out;
}

// "/kit/items/0" as the member path older problems named, "kit.items[0]".
std::string dotted_of_pointer(std::string_view pointer) {
  std::string out;
  std::size_t i = 1;
  while (i <= pointer.size() && !pointer.empty()) {
    std::size_t j = pointer.find('/', i);
    if (j == std::string_view::npos) j = pointer.size();
    const std::string token = unescape_pointer_token(pointer.substr(i, j - i));
    const bool index = !token.empty() && std::all_of(token.begin(), token.end(),
                                                     [](char c) { return c >= '0' && c <= '9'; });
    if (index && !out.empty()) {
      out += "[" + token + "]";
    } else {
      out += (out.empty() ? "" : ".") + token;
    }
    i = j + 1;
  }
  return out;
}

ErrorParam number_param(std::string name, const json::value& v) {
  if (v.is_int64()) return {std::move(name), static_cast<long long>(v.as_int64())};
  if (v.is_uint64()) return {std::move(name), static_cast<double>(v.as_uint64())};
  return {std::move(name), v.is_double() ? v.as_double() : 0.0};
}

std::string expected_text(const std::vector<std::string>& types) {
  std::string out;
  for (const auto& t : types) {
    std::string word = t == "integer"   ? "a whole number"
                       : t == "number"  ? "a number"
                       : t == "string"  ? "text"
                       : t == "boolean" ? "true or false"
                       : t == "array"   ? "a list"
                       : t == "object"  ? "an object"
                       : t == "null"    ? "null"
                                        : "another kind of value";
    out += (out.empty() ? "" : " or ") + word;
  }
  return out.empty() ? "another type" : out;
}

// The English detail of one fault; the front-end writes its own by code.
std::string fault_detail(const Fault& f) {
  const std::string where = !f.in_query ? (f.pointer.empty() ? "the body" : f.pointer)
                                        : "query parameter '" + f.parameter + "'";
  const auto param = [&](std::string_view name) {
    const auto* p = find_param(f, name);
    return p ? text_of(*p) : std::string();
  };
  const std::string& c = f.code;
  if (c == "validation.wrong_type") return where + " must be " + expected_text({param("expected")});
  if (c == "validation.missing") return where + " is required";
  if (c == "validation.unknown_member") return where + " is not a member this request takes";
  if (c == "validation.unknown_parameter") {
    const std::string allowed = param("allowed");
    return where + " is not one this resource takes" +
           (allowed.empty() ? "; it takes none" : "; it takes: " + allowed);
  }
  if (c == "validation.repeated_parameter") return where + " is given twice";
  if (c == "validation.unnamed_parameter") return "a query parameter has no name";
  if (c == "validation.too_long") return where + " has at most " + param("max") + " characters";
  if (c == "validation.too_short") return where + " has at least " + param("min") + " characters";
  if (c == "validation.too_many_items") return where + " has at most " + param("max") + " items";
  if (c == "validation.too_few_items") return where + " has at least " + param("min") + " items";
  if (c == "validation.out_of_range") {
    const std::string lo = param("min");
    const std::string hi = param("max");
    if (!lo.empty() && !hi.empty()) return where + " must be from " + lo + " to " + hi;
    if (!lo.empty()) return where + " must be at least " + lo;
    return where + " must be at most " + hi;
  }
  if (c == "validation.not_allowed") return where + " must be one of: " + param("allowed");
  if (c == "validation.bad_format") return where + " is not in the expected form";
  if (c == "validation.nul_character") return where + " contains U+0000 (NUL)";
  if (c == "validation.malformed_json") {
    return "the body is not well-formed JSON (line " + param("line") + ", column " +
           param("column") + ")";
  }
  return where + " does not match what this request takes";
}

// Where a value has the wrong type, that is its one fault: "must be one of"
// or "is not in the expected form" says nothing more about a number sent for text.
// And a rule about a value as a whole (`validation.invalid`: if/then, not,
// maxProperties) says nothing more where a fault names a member inside it.
void drop_implied(std::vector<Fault>& faults) {
  const auto place = [](const Fault& f) { return f.in_query ? "?" + f.parameter : f.pointer; };
  std::vector<std::string> typed_wrong;  // "/pointer" or "?parameter"
  std::vector<std::string> named;        // places of the faults that are not whole-value ones
  for (const auto& f : faults) {
    // A value too long for its member is checked no further (api/contract.cpp cuts it).
    if (f.code == "validation.wrong_type" || f.code == "validation.too_long") {
      typed_wrong.push_back(place(f));
    }
    if (f.code != "validation.invalid" && !f.in_query) named.push_back(f.pointer);
  }
  std::sort(typed_wrong.begin(), typed_wrong.end());
  const auto inside = [&](const std::string& pointer) {
    return std::any_of(named.begin(), named.end(), [&](const std::string& n) {
      return n.size() > pointer.size() && n.starts_with(pointer) && n[pointer.size()] == '/';
    });
  };
  std::erase_if(faults, [&](const Fault& f) {
    if (f.code == "validation.invalid" && !f.in_query) return inside(f.pointer);
    return (f.code == "validation.not_allowed" || f.code == "validation.bad_format") &&
           std::binary_search(typed_wrong.begin(), typed_wrong.end(), place(f));
  });
}

Fault make_fault(std::string pointer, bool query, std::string code,
                 std::vector<ErrorParam> params) {
  Fault f;
  if (query) {
    f.in_query = true;
    f.parameter = unescape_pointer_token(pointer.empty() ? pointer : pointer.substr(1));
  } else {
    f.pointer = std::move(pointer);
  }
  f.code = std::move(code);
  f.params = std::move(params);
  return f;
}

}  // namespace stemnet::api
