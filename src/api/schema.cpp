#include "api/schema.hpp"

#include "api/fault.hpp"
#include "core/strings.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace stemnet::api {
namespace json = boost::json;

// Follows local references ("#/components/schemas/Offer") to what they name.
const json::value* resolve(const json::value& root, const json::value* v) {
  for (int hops = 0; v && v->is_object() && hops < 32; ++hops) {
    const auto* ref = v->as_object().if_contains("$ref");
    if (!ref || !ref->is_string()) return v;
    const std::string_view target = ref->as_string();
    if (!target.starts_with("#")) return nullptr;
    boost::system::error_code ec;
    v = root.find_pointer(target.substr(1), ec);
  }
  return v;
}

// The JSON types a schema allows ("integer", "string", ...), from `type`.
std::vector<std::string> types_of(const json::value* schema) {
  std::vector<std::string> out;
  if (!schema || !schema->is_object()) return out;
  const auto* type = schema->as_object().if_contains("type");
  if (type && type->is_string()) out.emplace_back(type->as_string());
  if (type && type->is_array()) {
    for (const auto& t : type->as_array()) {
      if (t.is_string()) out.emplace_back(t.as_string());
    }
  }
  return out;
}

bool allows(const std::vector<std::string>& types, std::string_view t) {
  return std::find(types.begin(), types.end(), t) != types.end();
}

// The schema that applies at `pointer` below `schema`, following properties,
// additionalProperties and items; nullptr where that is not one schema.
const json::value* schema_at(const json::value& root, const json::value* schema,
                             std::string_view pointer) {
  schema = resolve(root, schema);
  std::size_t i = 1;
  while (schema && !pointer.empty() && i <= pointer.size()) {
    std::size_t j = pointer.find('/', i);
    if (j == std::string_view::npos) j = pointer.size();
    const std::string token = unescape_pointer_token(pointer.substr(i, j - i));
    if (!schema->is_object()) return nullptr;
    const auto& s = schema->as_object();
    const json::value* next = nullptr;
    if (const auto* props = s.if_contains("properties"); props && props->is_object()) {
      next = props->as_object().if_contains(token);
    }
    if (!next) {
      if (const auto* items = s.if_contains("items"); items && items->is_object()) next = items;
    }
    if (!next) {
      if (const auto* extra = s.if_contains("additionalProperties"); extra && extra->is_object()) {
        next = extra;
      }
    }
    schema = resolve(root, next);
    i = j + 1;
  }
  return schema;
}

// valijson 1.0 applies `format` to values that are not strings (null fails
// `date-time`) and builds its regular expression on every check. The three
// formats it knows become the patterns they mean, which apply to strings only
// and are compiled once per thread. (Calendar ranges are the handlers' to
// check, with core/time.hpp.)
void formats_as_patterns(json::value& v) {
  if (v.is_array()) {
    for (auto& item : v.as_array()) formats_as_patterns(item);
    return;
  }
  if (!v.is_object()) return;
  auto& o = v.as_object();
  if (const auto* f = o.if_contains("format"); f && f->is_string()) {
    static constexpr std::string_view kDate = R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))";
    static constexpr std::string_view kTime =
        R"(([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d))";
    std::string pattern;
    if (f->as_string() == "date") pattern = "^" + std::string(kDate) + "$";
    if (f->as_string() == "time") pattern = "^" + std::string(kTime) + "$";
    if (f->as_string() == "date-time") {
      pattern = "^" + std::string(kDate) + "[Tt]" + std::string(kTime) + "$";
    }
    if (!pattern.empty()) {
      o.erase("format");
      if (!o.contains("pattern")) o["pattern"] = pattern;
    }
  }
  // valijson knows draft 7, where 2020-12's dependentRequired is written
  // `dependencies` (slot_id needs offer_id): the same rule, its older name.
  if (auto* dr = o.if_contains("dependentRequired"); dr && !o.contains("dependencies")) {
    json::value rule = *dr;
    o.erase("dependentRequired");
    o["dependencies"] = std::move(rule);
  }
  for (auto& [key, child] : o) {
    // Values, not schemas: leave them as written.
    if (key == "example" || key == "examples" || key == "enum" || key == "const" ||
        key == "default") {
      continue;
    }
    formats_as_patterns(child);
  }
}

// Whether any string under `v` is long enough that a pattern could choke on it
// (a cheap scan, so that the common small body is not copied).
bool has_long_string(const json::value& v) {
  if (const auto* s = v.if_string()) return s->size() > 64;
  if (const auto* a = v.if_array()) return std::any_of(a->begin(), a->end(), has_long_string);
  if (const auto* o = v.if_object()) {
    return std::any_of(o->begin(), o->end(),
                       [](const auto& kv) { return has_long_string(kv.value()); });
  }
  return false;
}

// valijson matches `pattern` with std::regex, whose matcher recurses once per
// character: an address of 40 000 characters overflows the stack. So a string
// over its schema's maxLength is reported here (validation.too_long) and cut
// to that length before valijson sees it; every pattern in the document comes
// with a maxLength or is bounded (Contract::load checks). Returns whether
// anything was cut.
bool clip_long_strings(const json::value& root, const json::value& schema, json::value& v,
                       const std::string& pointer, bool query, std::vector<Fault>& out) {
  bool cut = false;
  if (auto* s = v.if_string()) {
    const json::value* at = schema_at(root, &schema, pointer);
    const auto* o = at && at->is_object() ? &at->as_object() : nullptr;
    const auto* max = o ? o->if_contains("maxLength") : nullptr;
    const auto* format = o ? o->if_contains("format") : nullptr;
    if (max && max->is_int64() && max->as_int64() >= 0 &&
        characters(*s) > static_cast<std::size_t>(max->as_int64())) {
      out.push_back(make_fault(pointer, query, "validation.too_long",
                               {{"max", static_cast<long long>(max->as_int64())}}));
      *s = first_characters(*s, static_cast<std::size_t>(max->as_int64()));
      cut = true;
    } else if (format && format->is_string() && s->size() > 64 &&
               (format->as_string() == "date" || format->as_string() == "time" ||
                format->as_string() == "date-time")) {
      // No date or time is this long; its pattern (formats_as_patterns) is not run on it.
      out.push_back(make_fault(pointer, query, "validation.bad_format",
                               {{"format", std::string(format->as_string())}}));
      *s = "";
      cut = true;
    }
  } else if (auto* a = v.if_array()) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      cut |=
          clip_long_strings(root, schema, (*a)[i], pointer + "/" + std::to_string(i), query, out);
    }
  } else if (auto* o = v.if_object()) {
    for (auto& [name, child] : *o) {
      cut |= clip_long_strings(root, schema, child, pointer + "/" + escape_pointer_token(name),
                               query, out);
    }
  }
  return cut;
}

}  // namespace stemnet::api
