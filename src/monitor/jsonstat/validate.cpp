#include "monitor/jsonstat/validate.hpp"

#include "monitor/jsonstat/checker.hpp"
#include "monitor/jsonstat/column.hpp"
#include "monitor/jsonstat/detail.hpp"
#include "text/json_file.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

namespace stemnet::monitor::jsonstat {
namespace detail {
namespace {

namespace json = boost::json;

// Link relations JSON-stat accepts (the IANA registry, as in its schema).
constexpr std::string_view kRelations[] = {"about",
                                           "alternate",
                                           "appendix",
                                           "archives",
                                           "author",
                                           "blocked-by",
                                           "bookmark",
                                           "canonical",
                                           "chapter",
                                           "collection",
                                           "contents",
                                           "copyright",
                                           "create-form",
                                           "current",
                                           "derivedfrom",
                                           "describedby",
                                           "describes",
                                           "disclosure",
                                           "dns-prefetch",
                                           "duplicate",
                                           "edit",
                                           "edit-form",
                                           "edit-media",
                                           "enclosure",
                                           "first",
                                           "glossary",
                                           "help",
                                           "hosts",
                                           "hub",
                                           "icon",
                                           "index",
                                           "item",
                                           "last",
                                           "latest-version",
                                           "license",
                                           "lrdd",
                                           "memento",
                                           "monitor",
                                           "monitor-group",
                                           "next",
                                           "next-archive",
                                           "nofollow",
                                           "noreferrer",
                                           "original",
                                           "payment",
                                           "pingback",
                                           "preconnect",
                                           "predecessor-version",
                                           "prefetch",
                                           "preload",
                                           "prerender",
                                           "prev",
                                           "preview",
                                           "previous",
                                           "prev-archive",
                                           "privacy-policy",
                                           "profile",
                                           "related",
                                           "replies",
                                           "search",
                                           "section",
                                           "self",
                                           "service",
                                           "start",
                                           "stylesheet",
                                           "subsection",
                                           "successor-version",
                                           "tag",
                                           "terms-of-service",
                                           "timegate",
                                           "timemap",
                                           "type",
                                           "up",
                                           "version-history",
                                           "via",
                                           "webmention",
                                           "working-copy",
                                           "working-copy-of"};

std::string_view sv(json::string_view s) { return {s.data(), s.size()}; }

bool digits(std::string_view s, std::size_t min, std::size_t max) {
  return s.size() >= min && s.size() <= max &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

// YYYY-M-D (as JSON-stat's schema pattern), optionally followed by
// THH:MM[:SS[.fraction]] and Z or an offset (RFC 3339, leniently).
bool iso_date_or_time(std::string_view s) {
  const auto t = s.find_first_of("Tt");
  const std::string_view date = s.substr(0, t);
  const auto d1 = date.find('-');
  const auto d2 = date.find('-', d1 == std::string_view::npos ? d1 : d1 + 1);
  if (d1 == std::string_view::npos || d2 == std::string_view::npos) return false;
  const auto y = date.substr(0, d1), m = date.substr(d1 + 1, d2 - d1 - 1), d = date.substr(d2 + 1);
  if (!digits(y, 4, 4) || !digits(m, 1, 2) || !digits(d, 1, 2)) return false;
  if (number(y) < 1900 || number(y) > 2099 || number(m) < 1 || number(m) > 12 || number(d) < 1 ||
      number(d) > 31) {
    return false;
  }
  if (t == std::string_view::npos) return true;
  std::string_view time = s.substr(t + 1);
  if (time.ends_with('Z') || time.ends_with('z')) {
    time.remove_suffix(1);
  } else if (const auto sign = time.find_last_of("+-"); sign != std::string_view::npos) {
    const auto off = time.substr(sign + 1);
    const bool hhmm = (off.size() == 5 && off[2] == ':' && digits(off.substr(0, 2), 2, 2) &&
                       digits(off.substr(3), 2, 2)) ||
                      digits(off, 4, 4);
    if (!hhmm) return false;
    time = time.substr(0, sign);
  }
  if (const auto dot = time.find('.'); dot != std::string_view::npos) {
    if (!digits(time.substr(dot + 1), 1, 9)) return false;
    time = time.substr(0, dot);
  }
  const bool hm = time.size() >= 5 && time[2] == ':' && digits(time.substr(0, 2), 2, 2) &&
                  digits(time.substr(3, 2), 2, 2) && number(time.substr(0, 2)) < 24 &&
                  number(time.substr(3, 2)) < 60;
  if (!hm) return false;
  if (time.size() == 5) return true;
  return time.size() == 8 && time[5] == ':' && digits(time.substr(6), 2, 2) &&
         number(time.substr(6)) <= 60;
}

}  // namespace

void Checker::error(std::string_view code, std::string path, std::string message) {
  out_.push_back(Issue{std::string(code), Severity::error, std::move(path), std::move(message)});
}

void Checker::warning(std::string_view code, std::string path, std::string message) {
  out_.push_back(Issue{std::string(code), Severity::warning, std::move(path), std::move(message)});
}

void Checker::flush(const Tally& t) {
  if (t.count == 0) return;
  std::string message = t.message;
  if (t.count > 1) message += " (and " + std::to_string(t.count - 1) + " more like it)";
  error(t.code, t.path, std::move(message));
}

void Checker::only(const json::object& o, const std::string& path,
                   std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, v] : o) {
    if (std::find(allowed.begin(), allowed.end(), sv(key)) == allowed.end()) {
      error("MEMBER_UNKNOWN", member(path, sv(key)),
            "\"" + std::string(sv(key)) +
                "\" is not a JSON-stat member here (custom content goes in \"extension\")");
    }
  }
}

bool Checker::is_string(const json::value* v, const std::string& path) {
  if (!v) return false;
  if (v->is_string()) return true;
  error("TYPE_MISMATCH", path, describe(*v) + " where a string belongs");
  return false;
}

bool Checker::strings(const json::value& v, const std::string& path, std::string_view dup_code) {
  const json::array* a = v.if_array();
  if (!a) {
    error("TYPE_MISMATCH", path, describe(v) + " where an array of strings belongs");
    return false;
  }
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i < a->size(); ++i) {
    const json::string* s = (*a)[i].if_string();
    if (!s) {
      error("TYPE_MISMATCH", element(path, i), describe((*a)[i]) + " where a string belongs");
    } else if (!dup_code.empty() && !seen.insert(sv(*s)).second) {
      error(dup_code, element(path, i), "'" + std::string(sv(*s)) + "' appears more than once");
    }
  }
  return true;
}

void Checker::common(const json::object& o, const std::string& path, bool with_link) {
  for (std::string_view key : {"label", "href", "source"})
    is_string(o.if_contains(key), member(path, key));
  if (const auto* u = o.if_contains("updated"); is_string(u, member(path, "updated"))) {
    if (!iso_date_or_time(sv(u->get_string()))) {
      error("UPDATED_INVALID", member(path, "updated"),
            "'" + std::string(sv(u->get_string())) +
                "' is not an ISO 8601 date (2012-09-27) or date-time (2012-12-27T12:25:09Z)");
    }
  }
  if (const auto* n = o.if_contains("note")) strings(*n, member(path, "note"), "");
  if (const auto* e = o.if_contains("extension"); e && !e->is_object()) {
    error("TYPE_MISMATCH", member(path, "extension"), describe(*e) + " where an object belongs");
  }
  if (const auto* e = o.if_contains("error"); e && !e->is_array()) {
    error("TYPE_MISMATCH", member(path, "error"), describe(*e) + " where an array belongs");
  }
  if (const auto* l = o.if_contains("link"); l && with_link) link(*l, member(path, "link"));
}

void Checker::version(const json::object& o) {
  const json::value* v = o.if_contains("version");
  if (!v) {
    error("MEMBER_MISSING", "$.version", "a JSON-stat 2.0 response needs \"version\": \"2.0\"");
  } else if (is_string(v, "$.version") && v->get_string() != "2.0") {
    error("VERSION_INVALID", "$.version",
          "version '" + std::string(sv(v->get_string())) + "'; this validator knows \"2.0\"");
  }
}

void Checker::link(const json::value& v, const std::string& path) {
  const json::object* o = v.if_object();
  if (!o) {
    error("TYPE_MISMATCH", path, describe(v) + " where an object of link relations belongs");
    return;
  }
  for (const auto& [rel, items] : *o) {
    const std::string p = member(path, sv(rel));
    if (std::find(std::begin(kRelations), std::end(kRelations), sv(rel)) == std::end(kRelations)) {
      error("LINK_RELATION_UNKNOWN", p,
            "'" + std::string(sv(rel)) + "' is not an IANA link relation");
      continue;
    }
    const json::array* a = items.if_array();
    if (!a) {
      error("TYPE_MISMATCH", p, describe(items) + " where an array of links belongs");
      continue;
    }
    for (std::size_t i = 0; i < a->size(); ++i) {
      if (const json::object* item = (*a)[i].if_object()) {
        link_item(*item, element(p, i));
      } else {
        error("TYPE_MISMATCH", element(p, i), describe((*a)[i]) + " where a link object belongs");
      }
    }
  }
}

void Checker::link_item(const json::object& o, const std::string& path) {
  const json::value* cls = o.if_contains("class");
  std::string_view c;
  if (is_string(cls, member(path, "class"))) {
    c = sv(cls->get_string());
    if (c != "dataset" && c != "collection" && c != "dimension") {
      error("CLASS_UNKNOWN", member(path, "class"),
            "unknown class '" + std::string(c) + "' (dataset, collection or dimension)");
    }
  }
  if (c == "dataset" &&
      (o.contains("id") || o.contains("size") || o.contains("dimension") || o.contains("value"))) {
    dataset(o, path, Where::item);  // embedded
    return;
  }
  only(o, path,
       {"type", "class", "href", "label", "note", "link", "updated", "source", "extension",
        "category", "id", "size", "role", "dimension", "value", "status"});
  is_string(o.if_contains("type"), member(path, "type"));
  common(o, path);  // an embedded collection's items are links too
  if (c == "dimension" && o.contains("category")) category_member(o, path, std::nullopt, false);
}

void Checker::collection(const json::object& o, const std::string& path, bool root) {
  only(o, path,
       {"class", "version", "href", "label", "note", "link", "updated", "source", "error",
        "extension"});
  if (root) version(o);
  common(o, path, false);
  const std::string link_path = member(path, "link");
  const json::value* l = o.if_contains("link");
  if (!l) {
    error("MEMBER_MISSING", link_path, "a collection lists its items in link.item");
    return;
  }
  const json::object* rels = l->if_object();
  if (!rels) {
    error("TYPE_MISMATCH", link_path, describe(*l) + " where an object belongs");
    return;
  }
  for (const auto& [rel, items] : *rels) {
    const std::string p = member(link_path, sv(rel));
    if (rel != "item") {
      error("LINK_RELATION_UNKNOWN", p, "a collection links only its items (\"item\")");
      continue;
    }
    const json::array* a = items.if_array();
    if (!a) {
      error("TYPE_MISMATCH", p, describe(items) + " where an array of items belongs");
      continue;
    }
    for (std::size_t i = 0; i < a->size(); ++i) {
      if (const json::object* item = (*a)[i].if_object()) {
        link_item(*item, element(p, i));
      } else {
        error("TYPE_MISMATCH", element(p, i), describe((*a)[i]) + " where an item object belongs");
      }
    }
  }
}

void Checker::bundle(const json::object& o) {
  warning(
      "BUNDLE_DEPRECATED", "$",
      "a JSON-stat 1.x bundle (no \"class\"); 2.0 has one dataset per response, or a collection");
  if (o.contains("version")) {
    error("MEMBER_MISSING", "$.class",
          "\"version\" says 2.0 but there is no \"class\", so this reads as a 1.x bundle");
  }
  std::size_t datasets = 0;
  for (const auto& [key, v] : o) {
    if (key == "version") continue;
    const std::string p = member("$", sv(key));
    if (const json::object* ds = v.if_object()) {
      ++datasets;
      dataset(*ds, p, Where::bundle);
    } else {
      error("TYPE_MISMATCH", p, describe(v) + " where a bundle holds datasets (objects)");
    }
  }
  if (datasets == 0) error("MEMBER_MISSING", "$", "no \"class\" and no datasets");
}

void Checker::response(const json::value& doc) {
  const json::object* o = doc.if_object();
  if (!o) {
    error("NOT_OBJECT", "$", "a JSON-stat response is an object, not " + describe(doc));
    return;
  }
  const json::value* cls = o->if_contains("class");
  if (!cls) {
    bundle(*o);
    return;
  }
  if (!is_string(cls, "$.class")) return;
  const std::string_view c = sv(cls->get_string());
  if (c == "dataset") {
    dataset(*o, "$", Where::root);
  } else if (c == "collection") {
    collection(*o, "$", true);
  } else if (c == "dimension") {
    only(*o, "$",
         {"class", "version", "href", "label", "note", "link", "updated", "source", "error",
          "extension", "category"});
    version(*o);
    common(*o, "$");
    category_member(*o, "$", std::nullopt, false);
  } else {
    error("CLASS_UNKNOWN", "$.class",
          "unknown class '" + std::string(c) + "' (dataset, collection or dimension)");
  }
}

}  // namespace detail

std::vector<Issue> validate(const boost::json::value& document) {
  std::vector<Issue> issues;
  detail::Checker(issues).response(document);
  return issues;
}

std::vector<Issue> validate_text(std::string_view bytes, std::string_view file_name) {
  auto doc = text::parse_json(bytes, file_name);
  if (!doc) return {Issue{"JSON_INVALID", Severity::error, "$", doc.error().where_and_what()}};
  return validate(*doc);
}

bool valid(const std::vector<Issue>& issues) {
  return std::none_of(issues.begin(), issues.end(),
                      [](const Issue& i) { return i.severity == Severity::error; });
}

std::string_view to_string(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

}  // namespace stemnet::monitor::jsonstat
