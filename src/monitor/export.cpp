#include "monitor/export.hpp"

#include "text/json_write.hpp"

#include <boost/json.hpp>

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

// A category id for a cell with no category in `dim` (the total over it).
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

}  // namespace

std::string to_jsonstat(const DataResult& d, const std::string& lang) {
  const Indicator& ind = d.indicator;
  const auto dims = breakdown_dims(d);
  // Categories in first-seen order of the (sorted) cells.
  std::vector<std::string> areas, periods;
  std::map<std::string, std::size_t> area_pos, period_pos;
  std::vector<std::vector<std::string>> cats(dims.size());
  std::vector<std::map<std::string, std::size_t>> cat_pos(dims.size());
  auto note = [](std::vector<std::string>& list, std::map<std::string, std::size_t>& pos,
                 const std::string& id) {
    if (pos.emplace(id, list.size()).second) list.push_back(id);
  };
  std::set<std::string> sorted_periods;
  for (const auto& c : d.cells) sorted_periods.insert(c.period);
  for (const auto& p : sorted_periods) note(periods, period_pos, p);
  for (const auto& c : d.cells) {
    note(areas, area_pos, c.area_code);
    auto parts = breakdown_parts(c.breakdown);
    for (std::size_t i = 0; i < dims.size(); ++i) {
      auto it = parts.find(dims[i]);
      note(cats[i], cat_pos[i], it == parts.end() ? kTotal : it->second);
    }
  }
  std::vector<std::size_t> sizes = {1, areas.size(), periods.size()};
  for (const auto& c : cats) sizes.push_back(c.size());
  std::size_t total = 1;
  for (auto s : sizes) total *= s;
  if (d.cells.empty()) total = 0;

  json::array values(total, nullptr);
  json::object status;
  std::map<std::string, std::string> level_of;
  for (const auto& c : d.cells) {
    level_of[c.area_code] = c.area_level;
    std::size_t index = area_pos[c.area_code];
    index = index * periods.size() + period_pos[c.period];
    auto parts = breakdown_parts(c.breakdown);
    for (std::size_t i = 0; i < dims.size(); ++i) {
      auto it = parts.find(dims[i]);
      index = index * cats[i].size() + cat_pos[i][it == parts.end() ? kTotal : it->second];
    }
    if (c.value) values[index] = *c.value;
    if (!c.status.empty()) status[std::to_string(index)] = c.status;
  }

  json::object dimension;
  json::object unit{{"decimals", ind.decimals}, {"label", ind.unit}};
  dimension["indicator"] = {{"label", lang == "en" ? "Indicator" : "Indikator"},
                            {"category",
                             {{"index", json::array{json::value(ind.id)}},
                              {"label", {{ind.id, pick(ind.name, lang)}}},
                              {"unit", {{ind.id, unit}}}}}};
  json::object area_labels;
  for (const auto& a : areas) {
    auto it = d.area_names.find(level_of[a] + ":" + a);
    area_labels[a] = it != d.area_names.end() ? it->second : a;
  }
  json::array area_index(areas.begin(), areas.end());
  dimension["area"] = {{"label", lang == "en" ? "Area" : "Område"},
                       {"category", {{"index", area_index}, {"label", area_labels}}}};
  json::array period_index(periods.begin(), periods.end());
  dimension["period"] = {{"label", lang == "en" ? "Period" : "Periode"},
                         {"category", {{"index", period_index}}}};
  json::array ids = {"indicator", "area", "period"};
  for (std::size_t i = 0; i < dims.size(); ++i) {
    json::object labels;
    auto known = ind.categories.find(dims[i]);
    for (const auto& cat : cats[i]) {
      std::string label = cat == kTotal ? (lang == "en" ? "Total" : "I alt") : cat;
      if (known != ind.categories.end()) {
        for (const auto& k : known->second) {
          if (k.id == cat) label = pick(k.label, lang);
        }
      }
      labels[cat] = label;
    }
    json::array index(cats[i].begin(), cats[i].end());
    dimension[dims[i]] = {{"label", dims[i]}, {"category", {{"index", index}, {"label", labels}}}};
    ids.emplace_back(dims[i]);
  }
  json::array size_array(sizes.begin(), sizes.end());
  json::array provenance;
  std::string updated;
  for (const auto& p : d.provenance) {
    updated = std::max(updated, p.imported_at);
    provenance.push_back({{"import", p.import_id},
                          {"file", p.file_name},
                          {"sha256", p.sha256},
                          {"imported_at", p.imported_at},
                          {"period", p.period},
                          {"source", p.source},
                          {"licence", p.licence},
                          {"superseded_by", p.superseded_by ? json::value(*p.superseded_by)
                                                            : json::value(nullptr)}});
  }
  json::object levels;
  for (const auto& [code, level] : level_of) levels[code] = level;
  json::object doc{{"version", "2.0"},
                   {"class", "dataset"},
                   {"label", pick(ind.name, lang)},
                   {"source", ind.attribution},
                   {"id", ids},
                   {"size", size_array},
                   {"role", {{"metric", {"indicator"}}, {"geo", {"area"}}, {"time", {"period"}}}},
                   {"dimension", dimension},
                   {"value", values},
                   {"extension",
                    {{"stemnet",
                      {{"indicator", ind.id},
                       {"stage", ind.stage},
                       {"direction", ind.direction},
                       {"licence", ind.licence},
                       {"area_level", levels},
                       {"provenance", provenance}}}}}};
  if (!updated.empty()) doc["updated"] = updated;
  if (!status.empty()) doc["status"] = status;
  return text::json_text(doc);
}

std::string to_csv(const DataResult& d) {
  const auto dims = breakdown_dims(d);
  std::string out = "indicator,area_level,area,area_name,period";
  for (const auto& dim : dims) out += "," + csv_field(dim);
  out += ",value,status\r\n";
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
    out += "," + c.status + "\r\n";
  }
  return out;
}

}  // namespace stemnet::monitor
