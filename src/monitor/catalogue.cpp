#include "monitor/catalogue.hpp"

#include "monitor/store.hpp"
#include "text/json_file.hpp"
#include "text/json_write.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <set>

namespace stemnet::monitor {
namespace json = boost::json;

namespace {

class Reader {
 public:
  Reader(const std::string& file, std::string path) : file_(file), path_(std::move(path)) {}

  Error fault(const std::string& where, const std::string& what) const {
    return Error::malformed_file(file_, 0, path_ + where + ": " + what);
  }
  Result<std::string> str(const json::object& o, std::string_view key, bool required = true) const {
    const auto* v = o.if_contains(key);
    if (!v || v->is_null()) {
      if (required) return fault("." + std::string(key), "missing");
      return std::string();
    }
    if (!v->is_string()) return fault("." + std::string(key), "expected a string");
    return std::string(v->as_string());
  }
  Result<Localized> localized(const json::object& o, std::string_view key, bool need_nn) const {
    const auto* v = o.if_contains(key);
    if (!v || !v->is_object())
      return fault("." + std::string(key), "expected an object {nb, nn, en}");
    Reader sub(file_, path_ + "." + std::string(key));
    Localized l;
    STEMNET_TRY(l.nb, sub.str(v->as_object(), "nb"));
    STEMNET_TRY(l.nn, sub.str(v->as_object(), "nn", need_nn));
    STEMNET_TRY(l.en, sub.str(v->as_object(), "en"));
    if (l.nn.empty()) l.nn = l.nb;
    return l;
  }
  Result<std::vector<std::string>> strings(const json::object& o, std::string_view key) const {
    const auto* v = o.if_contains(key);
    if (!v || !v->is_array()) return fault("." + std::string(key), "expected an array of strings");
    std::vector<std::string> out;
    for (const auto& item : v->as_array()) {
      if (!item.is_string()) return fault("." + std::string(key), "expected an array of strings");
      out.emplace_back(item.as_string());
    }
    return out;
  }

 private:
  const std::string& file_;
  std::string path_;
};

bool valid_id(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

template <class Range>
bool one_of(const std::string& s, const Range& allowed) {
  return std::find(std::begin(allowed), std::end(allowed), s) != std::end(allowed);
}

}  // namespace

Result<std::vector<Indicator>> read_catalogue(std::string_view bytes, const std::string& file) {
  STEMNET_TRY(json::value doc, text::parse_json(bytes, file));
  const auto* root = doc.if_object();
  const json::value* list = root ? root->if_contains("indicators") : nullptr;
  if (!list || !list->is_array())
    return Error::malformed_file(file, 1, "indicators: expected an array");
  std::vector<Indicator> out;
  std::set<std::string> ids;
  const auto& arr = list->as_array();
  for (std::size_t i = 0; i < arr.size(); ++i) {
    Reader r(file, "indicators[" + std::to_string(i) + "]");
    if (!arr[i].is_object()) return r.fault("", "expected an object");
    const auto& o = arr[i].as_object();
    Indicator ind;
    STEMNET_TRY(ind.id, r.str(o, "id"));
    if (!valid_id(ind.id))
      return r.fault(".id", "an id is 1-64 of a-z, 0-9 and _: '" + ind.id + "'");
    if (!ids.insert(ind.id).second) return r.fault(".id", "'" + ind.id + "' is already used");
    STEMNET_TRY(ind.name, r.localized(o, "names", true));
    STEMNET_TRY(ind.definition, r.localized(o, "definition", false));
    STEMNET_TRY(ind.unit, r.str(o, "unit"));
    const auto* decimals = o.if_contains("decimals");
    if (!decimals || !decimals->is_int64() || decimals->as_int64() < 0 ||
        decimals->as_int64() > 6) {
      return r.fault(".decimals", "expected a whole number from 0 to 6");
    }
    ind.decimals = static_cast<int>(decimals->as_int64());
    STEMNET_TRY(ind.direction, r.str(o, "direction"));
    if (!one_of(ind.direction,
                std::vector<std::string>{"higher_is_better", "lower_is_better", "neutral"})) {
      return r.fault(".direction",
                     "higher_is_better, lower_is_better or neutral, not '" + ind.direction + "'");
    }
    STEMNET_TRY(ind.stage, r.str(o, "stage"));
    if (!one_of(ind.stage, kStages))
      return r.fault(".stage", "unknown chain stage '" + ind.stage + "'");
    STEMNET_TRY(ind.levels, r.strings(o, "levels"));
    for (const auto& l : ind.levels) {
      if (!one_of(l, kLevels)) return r.fault(".levels", "unknown area level '" + l + "'");
    }
    STEMNET_TRY(ind.breakdowns, r.strings(o, "breakdowns"));
    for (const auto& b : ind.breakdowns) {
      if (!valid_id(b))
        return r.fault(".breakdowns", "a breakdown is named with a-z, 0-9 and _: '" + b + "'");
    }
    if (const auto* h = o.if_contains("headline"); h && h->is_object()) {
      std::map<std::string, std::string> parts;
      for (const auto& [dim, cat] : h->as_object()) {
        if (!one_of(std::string(dim), ind.breakdowns) || !cat.is_string()) {
          return r.fault(".headline", "names a breakdown the indicator does not have: '" +
                                          std::string(dim) + "'");
        }
        parts[std::string(dim)] = std::string(cat.as_string());
      }
      ind.headline = breakdown_key(parts);
    }
    if (const auto* cats = o.if_contains("categories"); cats && cats->is_object()) {
      for (const auto& [dim, members] : cats->as_object()) {
        if (!members.is_object())
          return r.fault(".categories." + std::string(dim), "expected an object");
        for (const auto& [cid, c] : members.as_object()) {
          Category cat;
          cat.id = std::string(cid);
          if (const auto* co = c.if_object()) {
            Reader cr(file, "indicators[" + std::to_string(i) + "].categories." + std::string(dim) +
                                "." + cat.id);
            STEMNET_TRY(cat.label.nb, cr.str(*co, "nb"));
            STEMNET_TRY(cat.label.en, cr.str(*co, "en"));
            STEMNET_TRY(cat.label.nn, cr.str(*co, "nn", false));
            if (cat.label.nn.empty()) cat.label.nn = cat.label.nb;
            auto unit = cr.str(*co, "unit", false);
            if (unit && !unit->empty()) cat.unit = *unit;
            if (const auto* d = co->if_contains("decimals"); d && d->is_int64()) {
              cat.decimals = static_cast<int>(d->as_int64());
            }
          }
          ind.categories[std::string(dim)].push_back(std::move(cat));
        }
      }
    }
    const auto* source = o.if_contains("source");
    if (!source || !source->is_object()) return r.fault(".source", "expected an object");
    Reader sr(file, "indicators[" + std::to_string(i) + "].source");
    STEMNET_TRY(ind.source_name, sr.str(source->as_object(), "name"));
    STEMNET_TRY(ind.source_table, sr.str(source->as_object(), "table", false));
    STEMNET_TRY(ind.source_url, sr.str(source->as_object(), "url", false));
    STEMNET_TRY(ind.licence, sr.str(source->as_object(), "licence"));
    STEMNET_TRY(ind.attribution, sr.str(source->as_object(), "attribution"));
    const auto* fetch = o.if_contains("fetch");
    if (!fetch || !fetch->is_object())
      return r.fault(".fetch", "expected an object saying how to get the figures");
    Reader fr(file, "indicators[" + std::to_string(i) + "].fetch");
    STEMNET_TRY(std::string kind, fr.str(fetch->as_object(), "kind"));
    if (kind != "pxweb" && kind != "file" && kind != "computed") {
      return fr.fault(".kind", "pxweb, file or computed, not '" + kind + "'");
    }
    ind.origin = kind == "computed" ? "computed" : "imported";
    ind.fetch_kind = kind;
    STEMNET_TRY(ind.fetch_tool,
                fr.str(fetch->as_object(), kind == "computed" ? "computer" : "importer", false));
    STEMNET_TRY(ind.fetch_how, fr.str(fetch->as_object(), "how", false));
    ind.spec = text::json_text(arr[i]);
    out.push_back(std::move(ind));
  }
  return out;
}

Result<int> load_catalogue(db::Pool& pool, const std::vector<Indicator>& indicators) {
  STEMNET_TRY(auto conn, pool.acquire());
  int changed = 0;
  auto r = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    for (const auto& ind : indicators) {
      STEMNET_TRY(std::int64_t n, Store::put(c, ind));
      changed += static_cast<int>(n);
    }
    return ok();
  });
  if (!r) return std::move(r).error();
  return changed;
}

}  // namespace stemnet::monitor
