#include "monitor/refresh.hpp"

#include "monitor/import_jsonstat.hpp"
#include "monitor/store.hpp"
#include "text/json_write.hpp"

#include <boost/json.hpp>

#include <fstream>

namespace stemnet::monitor {
namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSsbBase = "https://data.ssb.no";

struct Recipe {
  std::string url, query, table;
  DimensionMap map;
};

Result<Recipe> recipe_of(const Indicator& ind) {
  auto doc = json::parse(ind.spec);
  const auto& fetch = doc.at("fetch").as_object();
  Recipe r;
  const auto* url = fetch.if_contains("url");
  const auto* query = fetch.if_contains("query");
  const auto* map = fetch.if_contains("map");
  if (!url || !url->is_string() || !query || !map || !map->is_object()) {
    return Error::invalid("fetch", "indicator " + ind.id +
                                       ": a pxweb recipe needs fetch.url, fetch.query, fetch.map");
  }
  r.url = std::string(url->as_string());
  r.query = text::json_text(*query);
  for (const auto& [dim, role] : map->as_object()) {
    if (!role.is_string())
      return Error::invalid("fetch", "indicator " + ind.id + ": fetch.map values are roles");
    r.map.emplace(std::string(dim), std::string(role.as_string()));
  }
  r.table = r.url.substr(r.url.find_last_of('/') + 1);
  return r;
}

Result<std::string> keep_raw(const fs::path& dir, const std::string& table, const Fetched& f) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Error::unavailable("cannot create " + dir.string() + ": " + ec.message());
  const fs::path file = dir / (table + "-" + f.sha256.substr(0, 16) + ".json");
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << f.body;
  if (!out) return Error::unavailable("cannot write " + file.string());
  return file.string();
}

}  // namespace

Result<std::vector<RefreshOutcome>> refresh(db::Pool& pool, const RefreshOptions& opt) {
  Store store(pool);
  STEMNET_TRY(auto summaries, store.indicators(std::nullopt, std::nullopt));
  if (opt.only && std::none_of(summaries.begin(), summaries.end(), [&](const IndicatorSummary& s) {
        return s.indicator.id == *opt.only;
      })) {
    return Error::invalid("only", "no indicator '" + *opt.only + "' in the catalogue");
  }
  std::vector<RefreshOutcome> out;
  for (const auto& s : summaries) {
    const Indicator& ind = s.indicator;
    if (opt.only && ind.id != *opt.only) continue;
    if (json::parse(ind.spec).at("fetch").at("kind") != "pxweb") {
      if (opt.only)
        return Error::invalid("only", ind.id + " is not fetched from SSB (see its fetch.how)");
      continue;
    }
    RefreshOutcome o;
    o.indicator = ind.id;
    auto recipe = recipe_of(ind);
    if (!recipe) {
      o.message = recipe.error().detail;
      out.push_back(std::move(o));
      continue;
    }
    o.url = recipe->url;
    if (!opt.base_url.empty() && o.url.starts_with(kSsbBase))
      o.url = opt.base_url + o.url.substr(kSsbBase.size());
    auto fetched = fetch_post(o.url, recipe->query, opt.fetch);
    if (!fetched) {
      o.message = fetched.error().detail;
      out.push_back(std::move(o));
      continue;
    }
    auto raw = keep_raw(opt.raw_dir, recipe->table, *fetched);
    if (!raw) {
      o.message = raw.error().detail;
      out.push_back(std::move(o));
      continue;
    }
    o.raw_file = *raw;
    auto imported =
        import_jsonstat_bytes(pool, fetched->body, {"pxweb", o.url}, ind.id, recipe->map);
    if (!imported) {
      o.message = imported.error().where_and_what();
    } else {
      o.ok = true;
      o.imported = std::move(*imported);
    }
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace stemnet::monitor
