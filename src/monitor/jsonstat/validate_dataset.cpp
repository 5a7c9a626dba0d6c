// The validator's checks of datasets: geometry (id, size, dimension),
// categories, roles, values and statuses. See validate.hpp for the codes.
#include "monitor/jsonstat/checker.hpp"
#include "monitor/jsonstat/column.hpp"
#include "monitor/jsonstat/detail.hpp"
#include "monitor/jsonstat/model.hpp"

#include <algorithm>

#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace stemnet::monitor::jsonstat::detail {
namespace {

namespace json = boost::json;

std::string_view sv(json::string_view s) { return {s.data(), s.size()}; }

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// A key of a sparse value or status object must be a cell index below `n`.
void sparse_key(std::string_view k, const std::string& path, std::optional<std::uint64_t> n,
                Tally& key, Tally& range) {
  const auto cell = cell_key(k);
  if (!cell) {
    key.add("SPARSE_KEY_INVALID", member(path, k), "the key is not a cell index (0, 1, 2, ...)");
  } else if (n && *cell >= *n) {
    range.add("SPARSE_KEY_OUT_OF_RANGE", member(path, k),
              "cell " + std::to_string(*cell) + " is out of range: the dataset has " +
                  std::to_string(*n) + " cells");
  }
}

}  // namespace

void Checker::dataset(const json::object& o, const std::string& path, Where where) {
  if (where == Where::item) {
    only(o, path,
         {"type", "class", "href", "label", "note", "link", "updated", "source", "extension",
          "category", "id", "size", "role", "dimension", "value", "status"});
  } else {
    only(o, path,
         {"class", "version", "href", "label", "note", "link", "updated", "source", "error",
          "extension", "id", "size", "role", "dimension", "value", "status"});
  }
  if (where == Where::root) version(o);
  if (where == Where::bundle) {
    if (const auto* c = o.if_contains("class");
        is_string(c, member(path, "class")) && c->get_string() != "dataset") {
      error("CLASS_UNKNOWN", member(path, "class"), "a bundle member is a dataset");
    }
  }
  common(o, path);

  const std::string dims_path = member(path, "dimension");
  const json::value* dims_v = o.if_contains("dimension");
  const json::object* dims = dims_v ? dims_v->if_object() : nullptr;
  if (!dims_v) error("MEMBER_MISSING", dims_path, "a dataset needs \"dimension\"");
  if (dims_v && !dims)
    error("TYPE_MISMATCH", dims_path, describe(*dims_v) + " where an object belongs");
  // 1.x bundles keep id, size and role inside "dimension".
  const bool legacy = where == Where::bundle && dims && !o.contains("id") && dims->contains("id");
  const json::object& home = legacy ? *dims : o;
  const std::string home_path = legacy ? dims_path : path;

  // id and size
  std::vector<std::string_view> ids;
  bool ids_ok = false;
  if (const auto* v = home.if_contains("id")) {
    ids_ok = strings(*v, member(home_path, "id"), "ID_DUPLICATE");
    if (ids_ok) {
      for (const auto& e : v->get_array()) {
        if (e.is_string()) ids.push_back(sv(e.get_string()));
      }
      ids_ok = ids.size() == v->get_array().size();
    }
  } else {
    error("MEMBER_MISSING", member(home_path, "id"), "a dataset needs \"id\", its dimension ids");
  }
  std::vector<std::optional<std::uint64_t>> sizes;
  bool sizes_ok = false;
  const std::string size_path = member(home_path, "size");
  if (const auto* v = home.if_contains("size")) {
    if (const json::array* a = v->if_array()) {
      sizes_ok = true;
      for (std::size_t i = 0; i < a->size(); ++i) {
        sizes.push_back(whole((*a)[i]));
        if (!sizes.back()) {
          sizes_ok = false;
          error("SIZE_INVALID", element(size_path, i),
                "a size is a whole number ≥ 0, not " + describe((*a)[i]));
        }
      }
    } else {
      error("TYPE_MISMATCH", size_path, describe(*v) + " where an array of sizes belongs");
    }
  } else {
    error("MEMBER_MISSING", size_path, "a dataset needs \"size\", its dimension sizes");
  }
  bool geometry = ids_ok && sizes_ok;
  if (ids_ok && home.if_contains("size") && home.at("size").is_array() &&
      ids.size() != sizes.size()) {
    error("ID_SIZE_LEN_MISMATCH", size_path,
          std::to_string(sizes.size()) + " sizes for " + std::to_string(ids.size()) +
              " dimension ids");
    geometry = false;
  }
  std::optional<std::uint64_t> cells;
  if (geometry) {
    std::vector<std::uint64_t> s;
    for (const auto& x : sizes) s.push_back(*x);
    cells = cell_count(s);
    if (!cells || *cells > kMaxCells) {
      error("CELLS_TOO_MANY", size_path,
            cells ? "declares " + std::to_string(*cells) + " cells; the limit is " +
                        std::to_string(kMaxCells)
                  : "the sizes multiply to more than 2^64 cells");
      cells.reset();
    }
  }

  // role
  std::unordered_set<std::string_view> metric;
  if (const auto* v = home.if_contains("role")) {
    const std::string role_path = member(home_path, "role");
    if (const json::object* roles = v->if_object()) {
      for (const auto& [role, list] : *roles) {
        const std::string p = member(role_path, sv(role));
        if (role != "time" && role != "geo" && role != "metric") {
          error("ROLE_KEY_UNKNOWN", p, "roles are time, geo and metric");
        }
        if (!strings(list, p, "ID_DUPLICATE")) continue;
        const auto& a = list.get_array();
        for (std::size_t i = 0; i < a.size(); ++i) {
          if (!a[i].is_string()) continue;
          const std::string_view id = sv(a[i].get_string());
          if (ids_ok && std::find(ids.begin(), ids.end(), id) == ids.end()) {
            error("ROLE_ID_UNKNOWN", element(p, i), quoted(id) + " is not a dimension id");
          }
          if (role == "metric") metric.insert(id);
        }
      }
    } else {
      error("TYPE_MISMATCH", role_path, describe(*v) + " where an object belongs");
    }
  }

  // dimension
  if (dims) {
    if (ids_ok) {
      for (auto id : ids) {
        if (!dims->contains(id)) {
          error("DIM_KEY_ID_MISMATCH", member(dims_path, id),
                "dimension " + quoted(id) + " is listed in \"id\" but missing");
        }
      }
    }
    for (const auto& [key, dv] : *dims) {
      const std::string_view k = sv(key);
      if (legacy && (k == "id" || k == "size" || k == "role")) continue;
      const std::string p = member(dims_path, k);
      const auto at = std::find(ids.begin(), ids.end(), k);
      if (ids_ok && at == ids.end()) {
        error("DIM_KEY_ID_MISMATCH", p, "dimension " + quoted(k) + " is not listed in \"id\"");
      }
      const json::object* d = dv.if_object();
      if (!d) {
        error("TYPE_MISMATCH", p, describe(dv) + " where a dimension object belongs");
        continue;
      }
      std::optional<std::uint64_t> size;
      if (geometry && at != ids.end()) size = sizes[static_cast<std::size_t>(at - ids.begin())];
      dimension(*d, p, size, metric.contains(k));
    }
  }

  if (const auto* v = o.if_contains("value")) {
    values(*v, member(path, "value"), cells);
  } else {
    error("MEMBER_MISSING", member(path, "value"), "a dataset needs \"value\"");
  }
  if (const auto* v = o.if_contains("status")) statuses(*v, member(path, "status"), cells);
}

void Checker::dimension(const json::object& o, const std::string& path,
                        std::optional<std::uint64_t> size, bool metric) {
  only(o, path, {"href", "label", "note", "link", "extension", "category"});
  for (std::string_view key : {"label", "href"}) is_string(o.if_contains(key), member(path, key));
  if (const auto* n = o.if_contains("note")) strings(*n, member(path, "note"), "");
  if (const auto* e = o.if_contains("extension"); e && !e->is_object()) {
    error("TYPE_MISMATCH", member(path, "extension"), describe(*e) + " where an object belongs");
  }
  if (const auto* l = o.if_contains("link")) link(*l, member(path, "link"));
  category_member(o, path, size, metric);
}

void Checker::category_member(const json::object& o, const std::string& path,
                              std::optional<std::uint64_t> size, bool metric) {
  const std::string p = member(path, "category");
  const json::value* c = o.if_contains("category");
  if (!c) {
    error("MEMBER_MISSING", p, "a dimension needs \"category\"");
  } else if (!c->is_object()) {
    error("TYPE_MISMATCH", p, describe(*c) + " where an object belongs");
  } else {
    category(c->get_object(), p, size, metric);
  }
}

void Checker::category(const json::object& cat, const std::string& path,
                       std::optional<std::uint64_t> size, bool metric) {
  only(cat, path, {"index", "label", "note", "unit", "coordinates", "child"});
  std::vector<std::string_view> ids;
  bool counted = true;  // ids are the categories (no index fault that hides their number)
  const std::string index_path = member(path, "index");
  const json::value* index = cat.if_contains("index");
  const json::value* label = cat.if_contains("label");
  if (!index) {
    if (label && label->is_object() && label->get_object().size() == 1) {
      ids.push_back(sv(label->get_object().begin()->key()));
    } else {
      error("INDEX_MISSING", index_path,
            "\"index\" may only be left out for a single category with a label");
      counted = false;
      if (label && label->is_object()) {
        for (const auto& [k, v] : label->get_object()) ids.push_back(sv(k));
      }
    }
  } else if (index->is_array()) {
    strings(*index, index_path, "INDEX_DUPLICATE");
    for (const auto& e : index->get_array()) {
      if (e.is_string()) ids.push_back(sv(e.get_string()));
    }
  } else if (const json::object* positions = index->if_object()) {
    const std::size_t n = positions->size();
    std::vector<bool> taken(n, false);
    Tally bad;
    for (const auto& [id, pos] : *positions) {
      ids.push_back(sv(id));
      const auto w = pos.is_number() ? whole(pos) : std::nullopt;
      if (!pos.is_number()) {
        error("TYPE_MISMATCH", member(index_path, sv(id)),
              describe(pos) + " where a position belongs");
      } else if (!w || *w >= n || taken[*w]) {
        bad.add("INDEX_POSITIONS_INVALID", index_path,
                "positions must be 0 to " + std::to_string(n - 1) + ", each once; " +
                    quoted(sv(id)) + " has " + (w ? std::to_string(*w) : describe(pos)));
      } else {
        taken[*w] = true;
      }
    }
    flush(bad);
  } else {
    error("TYPE_MISMATCH", index_path, describe(*index) + " where an array or object belongs");
    counted = false;
  }
  if (size && counted && ids.size() != *size) {
    error("INDEX_COUNT_MISMATCH", index ? index_path : path,
          std::to_string(ids.size()) + " categories, size says " + std::to_string(*size));
  }

  const std::unordered_set<std::string_view> known(ids.begin(), ids.end());
  // Checks the members of category.<what>: keys that are categories, values by `check`.
  const auto keyed = [&](std::string_view what, std::string_view code, auto check) {
    const json::value* v = cat.if_contains(what);
    if (!v) return;
    const std::string p = member(path, what);
    const json::object* o = v->if_object();
    if (!o) {
      error("TYPE_MISMATCH", p, describe(*v) + " where an object belongs");
      return;
    }
    if (what == "label" && o->empty()) error("LABEL_EMPTY", p, "an empty label object");
    for (const auto& [k, item] : *o) {
      if (!known.contains(sv(k))) {
        error(code, member(p, sv(k)), quoted(sv(k)) + " is not a category of this dimension");
      }
      check(item, member(p, sv(k)));
    }
  };
  keyed("label", "LABEL_KEY_UNKNOWN", [&](const json::value& v, const std::string& p) {
    if (!v.is_string()) error("TYPE_MISMATCH", p, describe(v) + " where a label belongs");
  });
  keyed("note", "NOTE_KEY_UNKNOWN",
        [&](const json::value& v, const std::string& p) { strings(v, p, ""); });
  keyed("unit", "UNIT_KEY_UNKNOWN", [&](const json::value& v, const std::string& p) {
    const json::object* u = v.if_object();
    if (!u) {
      error("TYPE_MISMATCH", p, describe(v) + " where a unit object belongs");
      return;
    }
    if (const auto* d = u->if_contains("decimals"); d && !(d->is_number() && whole(*d))) {
      error("UNIT_INVALID", member(p, "decimals"), "decimals is a whole number ≥ 0");
    }
    if (const auto* pos = u->if_contains("position"); is_string(pos, member(p, "position")) &&
                                                      pos->get_string() != "start" &&
                                                      pos->get_string() != "end") {
      error("UNIT_INVALID", member(p, "position"), "position is \"start\" or \"end\"");
    }
    for (std::string_view key : {"label", "symbol"}) is_string(u->if_contains(key), member(p, key));
  });
  keyed("coordinates", "COORD_KEY_UNKNOWN", [&](const json::value& v, const std::string& p) {
    const json::array* a = v.if_array();
    if (!a || a->size() != 2 || !(*a)[0].is_number() || !(*a)[1].is_number()) {
      error("COORD_INVALID", p, "coordinates are [longitude, latitude]");
    }
  });
  if (const auto* c = cat.if_contains("child")) children(*c, member(path, "child"), ids);

  if (metric && !ids.empty()) {
    const json::value* u = cat.if_contains("unit");
    if (!u || !u->is_object()) {
      warning("METRIC_UNIT_MISSING", path, "a metric dimension's categories should have a unit");
    } else {
      std::string without;
      for (auto id : ids) {
        if (!u->get_object().contains(id)) without += (without.empty() ? "" : ", ") + quoted(id);
      }
      if (!without.empty()) {
        warning("METRIC_UNIT_MISSING", member(path, "unit"), "no unit for " + without);
      }
    }
  }
}

void Checker::children(const json::value& v, const std::string& path,
                       const std::vector<std::string_view>& ids) {
  const json::object* o = v.if_object();
  if (!o) {
    error("TYPE_MISMATCH", path, describe(v) + " where an object belongs");
    return;
  }
  std::unordered_map<std::string_view, std::size_t> at;
  for (std::size_t i = 0; i < ids.size(); ++i) at.emplace(ids[i], i);
  std::vector<std::vector<std::size_t>> kids(ids.size());
  for (const auto& [parent, list] : *o) {
    const std::string p = member(path, sv(parent));
    const auto pi = at.find(sv(parent));
    if (pi == at.end()) {
      error("CHILD_ID_UNKNOWN", p, quoted(sv(parent)) + " is not a category of this dimension");
    }
    if (!strings(list, p, "")) continue;
    const auto& a = list.get_array();
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!a[i].is_string()) continue;
      const auto ci = at.find(sv(a[i].get_string()));
      if (ci == at.end()) {
        error("CHILD_ID_UNKNOWN", element(p, i),
              quoted(sv(a[i].get_string())) + " is not a category of this dimension");
      } else if (pi != at.end()) {
        kids[pi->second].push_back(ci->second);
      }
    }
  }
  // Depth-first, without recursion (a hierarchy may be deep): a child that
  // is still on the path from the root closes a cycle.
  enum : char { unseen, open, done };
  std::vector<char> state(ids.size(), unseen);
  for (std::size_t root = 0; root < ids.size(); ++root) {
    if (state[root] != unseen) continue;
    std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};
    state[root] = open;
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      if (next == kids[node].size()) {
        state[node] = done;
        stack.pop_back();
        continue;
      }
      const std::size_t child = kids[node][next++];
      if (state[child] == open) {
        error(
            "CHILD_CYCLE", member(path, ids[node]),
            quoted(ids[child]) + " is a child of " + quoted(ids[node]) + " and also its ancestor");
        return;  // one cycle is enough to say
      }
      if (state[child] == unseen) {
        state[child] = open;
        stack.emplace_back(child, 0);
      }
    }
  }
}

void Checker::values(const json::value& v, const std::string& path,
                     std::optional<std::uint64_t> n) {
  Tally type, key, range;
  const auto one = [&](const json::value& e, std::string p) {
    if (!e.is_number() && !e.is_string() && !e.is_null()) {
      type.add("VALUE_TYPE_INVALID", std::move(p),
               describe(e) + " is not a number, a string or null");
    }
  };
  if (const json::array* a = v.if_array()) {
    if (n && a->size() != *n) {
      error("VALUE_LEN_MISMATCH", path,
            std::to_string(a->size()) + " values, size says " + std::to_string(*n));
    }
    for (std::size_t i = 0; i < a->size(); ++i) one((*a)[i], element(path, i));
  } else if (const json::object* o = v.if_object()) {
    for (const auto& [k, e] : *o) {
      sparse_key(sv(k), path, n, key, range);
      one(e, member(path, sv(k)));
    }
  } else {
    error("TYPE_MISMATCH", path, describe(v) + " where an array or object of values belongs");
  }
  flush(key);
  flush(range);
  flush(type);
}

void Checker::statuses(const json::value& v, const std::string& path,
                       std::optional<std::uint64_t> n) {
  Tally type, key, range;
  if (v.is_string()) return;
  if (const json::array* a = v.if_array()) {
    if (n && a->size() != *n && a->size() != 1) {
      error("STATUS_LEN_MISMATCH", path,
            std::to_string(a->size()) + " statuses, size says " + std::to_string(*n) +
                " (or one for all)");
    }
    for (std::size_t i = 0; i < a->size(); ++i) {
      if (!(*a)[i].is_string() && !(*a)[i].is_null()) {
        type.add("STATUS_TYPE_INVALID", element(path, i),
                 describe((*a)[i]) + " is not a status (a string or null)");
      }
    }
  } else if (const json::object* o = v.if_object()) {
    for (const auto& [k, e] : *o) {
      sparse_key(sv(k), path, n, key, range);
      if (!e.is_string()) {
        type.add("STATUS_TYPE_INVALID", member(path, sv(k)),
                 describe(e) + " is not a status (a string)");
      }
    }
  } else {
    error("TYPE_MISMATCH", path, describe(v) + " where a string, an array or an object belongs");
  }
  flush(key);
  flush(range);
  flush(type);
}

}  // namespace stemnet::monitor::jsonstat::detail
