#include "monitor/export.hpp"

#include "monitor/jsonstat/write.hpp"
#include "text/json_write.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace stemnet::monitor {
namespace json = boost::json;

namespace {

const std::string& pick(const Localized& l, const std::string& lang) {
  return lang == "en" ? l.en : lang == "nn" ? l.nn : l.nb;
}

// The breakdown dimensions present in the cells, in the indicator's order.
std::vector<std::string> breakdown_dims(const DataResult& d) {
  std::set<std::string> present;
  for (const auto& c : d.cells) {
    for (const auto& [dim, cat] : breakdown_parts(c.breakdown)) present.insert(dim);
  }
  std::vector<std::string> out;
  for (const auto& b : d.indicator.breakdowns) {
    if (present.count(b)) out.push_back(b);
  }
  return out;
}

// The category of a cell with no category in a breakdown dimension.
constexpr const char* kTotal = "total";

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A dimension whose categories are added in first-seen order.
struct Builder {
  jsonstat::Dimension dim;
  std::map<std::string, std::size_t> pos;
  std::size_t at(const std::string& id) {
    auto [it, fresh] = pos.emplace(id, dim.categories.size());
    if (fresh) dim.categories.push_back(jsonstat::Category{id});
    return it->second;
  }
};

}  // namespace

std::string to_jsonstat(const DataResult& d, const std::string& lang) {
  const Indicator& ind = d.indicator;
  const bool en = lang == "en";
  const auto dims = breakdown_dims(d);

  Builder indicator, area, period;
  indicator.dim.id = "indicator";
  indicator.dim.label = en ? "Indicator" : "Indikator";
  jsonstat::Category metric{ind.id, pick(ind.name, lang)};
  metric.unit = jsonstat::Unit{ind.decimals, ind.unit};
  indicator.dim.categories.push_back(metric);
  area.dim.id = "area";
  area.dim.label = en ? "Area" : "Område";
  period.dim.id = "period";
  period.dim.label = en ? "Period" : "Periode";
  std::vector<Builder> breakdowns(dims.size());
  for (std::size_t i = 0; i < dims.size(); ++i) {
    breakdowns[i].dim.id = dims[i];
    breakdowns[i].dim.label = dims[i];
  }
  std::set<std::string> periods;
  for (const auto& c : d.cells) periods.insert(c.period);
  for (const auto& p : periods) period.at(p);
  std::map<std::string, std::string> level_of;
  for (const auto& c : d.cells) {
    area.at(c.area_code);
    level_of[c.area_code] = c.area_level;
    auto parts = breakdown_parts(c.breakdown);
    for (std::size_t i = 0; i < dims.size(); ++i) {
      auto it = parts.find(dims[i]);
      breakdowns[i].at(it == parts.end() ? kTotal : it->second);
    }
  }
  for (auto& cat : area.dim.categories) {
    auto it = d.area_names.find(level_of[cat.id] + ":" + cat.id);
    if (it != d.area_names.end()) cat.label = it->second;
  }
  for (std::size_t i = 0; i < dims.size(); ++i) {
    auto known = ind.categories.find(dims[i]);
    for (auto& cat : breakdowns[i].dim.categories) {
      if (cat.id == kTotal) cat.label = en ? "Total" : "I alt";
      if (known == ind.categories.end()) continue;
      for (const auto& k : known->second) {
        if (k.id != cat.id) continue;
        cat.label = pick(k.label, lang);
        if (k.unit) cat.unit = jsonstat::Unit{k.decimals, *k.unit};
      }
    }
  }

  jsonstat::Dataset ds;
  ds.label = pick(ind.name, lang);
  ds.source = ind.attribution;
  ds.dimensions.push_back(std::move(indicator.dim));
  ds.dimensions.push_back(std::move(area.dim));
  ds.dimensions.push_back(std::move(period.dim));
  for (auto& b : breakdowns) ds.dimensions.push_back(std::move(b.dim));
  for (auto& dim : ds.dimensions) dim.reindex();
  ds.roles = {{"metric", {"indicator"}}, {"geo", {"area"}}, {"time", {"period"}}};

  const std::size_t cells = d.cells.empty() ? 0 : ds.cell_count();
  std::vector<double> values(cells, std::numeric_limits<double>::quiet_NaN());
  ds.statuses = jsonstat::Statuses(cells);
  std::vector<std::size_t> pos(ds.dimensions.size(), 0);
  for (const auto& c : d.cells) {
    pos[1] = *ds.dimensions[1].position_of(c.area_code);
    pos[2] = *ds.dimensions[2].position_of(c.period);
    auto parts = breakdown_parts(c.breakdown);
    for (std::size_t i = 0; i < dims.size(); ++i) {
      auto it = parts.find(dims[i]);
      pos[3 + i] = *ds.dimensions[3 + i].position_of(it == parts.end() ? kTotal : it->second);
    }
    const std::size_t flat = *ds.flat_index(std::span<const std::size_t>(pos));
    if (c.value) values[flat] = *c.value;
    if (!c.status.empty()) (void)ds.statuses.set(flat, c.status);  // at most five distinct symbols
  }
  ds.values = jsonstat::Values(std::move(values));

  json::array provenance;
  std::string updated;
  for (const auto& p : d.provenance) {
    updated = std::max(updated, p.imported_at);
    provenance.push_back(provenance_json(p));
  }
  if (!updated.empty()) ds.updated = updated;
  json::object levels;
  for (const auto& [code, level] : level_of) levels[code] = level;
  json::object stemnet{{"indicator", ind.id},
                       {"stage", ind.stage},
                       {"direction", ind.direction},
                       {"licence", ind.licence},
                       {"area_level", levels},
                       {"provenance", provenance},
                       {"areas", d.current_areas ? "current" : "published"}};
  if (d.current_areas) {
    // How each figure moved to today's areas (only those that moved).
    json::array derivations;
    for (const auto& c : d.cells) {
      if (!c.derivation) continue;
      json::array from, on;
      for (const auto& f : c.derivation->from) from.emplace_back(f);
      for (const auto& o : c.derivation->on) on.emplace_back(o);
      derivations.push_back(json::object{{"area", c.area_code},
                                         {"period", c.period},
                                         {"breakdown", c.breakdown},
                                         {"kind", c.derivation->kind},
                                         {"from", std::move(from)},
                                         {"on", std::move(on)},
                                         {"estimate", c.derivation->estimate},
                                         {"how", c.derivation->how}});
    }
    stemnet["derivations"] = std::move(derivations);
  }
  ds.extension = json::object{{"stemnet", std::move(stemnet)}};
  return jsonstat::write(ds);
}

json::value provenance_json(const Provenance& p) {
  return json::object{
      {"import", p.import_id},
      {"kind", p.kind},
      {"file", p.file_name},
      {"sha256", p.sha256},
      {"imported_at", p.imported_at},
      {"period", p.period},
      {"cells", p.cells},
      {"source", p.source},
      {"licence", p.licence},
      {"superseded_by", p.superseded_by ? json::value(*p.superseded_by) : json::value(nullptr)},
      {"area_codes",
       p.codes
           ? json::value(json::object{
                 {"valid_from", p.codes_from ? json::value(*p.codes_from) : json::value(nullptr)},
                 {"valid_to", p.codes_to ? json::value(*p.codes_to) : json::value(nullptr)}})
           : json::value(nullptr)}};
}

std::string to_csv(const DataResult& d) {
  // Every breakdown of the indicator is a column, whatever the filter kept,
  // so that files of one indicator share their columns.
  const auto& dims = d.indicator.breakdowns;
  std::string out = "indicator,area_level,area,area_name,period";
  for (const auto& dim : dims) out += "," + csv_field(dim);
  out += ",value,status";
  // On today's areas: whether a figure is an estimate, and how it was made.
  out += d.current_areas ? ",estimate,derivation\r\n" : "\r\n";
  for (const auto& c : d.cells) {
    auto name = d.area_names.find(c.area_level + ":" + c.area_code);
    out += csv_field(c.indicator_id) + "," + c.area_level + "," + c.area_code + "," +
           csv_field(name != d.area_names.end() ? name->second : "") + "," + csv_field(c.period);
    auto parts = breakdown_parts(c.breakdown);
    for (const auto& dim : dims) {
      auto it = parts.find(dim);
      out += "," + (it == parts.end() ? std::string() : csv_field(it->second));
    }
    out += ",";
    if (c.value) text::append_number(out, *c.value);
    out += "," + c.status;
    if (d.current_areas) {
      const bool estimate = c.derivation && c.derivation->estimate;
      out += std::string(estimate ? ",true," : ",false,") +
             csv_field(c.derivation ? c.derivation->how : "");
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace stemnet::monitor
