// Reads SSB's code lists and change table, our county names and FHI's
// weights, and checks that they tell one story before anything is written.
#include "registry/history.hpp"

#include "core/time.hpp"
#include "geo/area_code.hpp"
#include "text/delimited.hpp"
#include "text/encoding.hpp"
#include "text/json_file.hpp"
#include "text/normalize.hpp"
#include "text/number.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace stemnet::registry {
namespace json = boost::json;

namespace {

// The day `days` after an ISO date (checked by the parsers).
std::string shift_day(const std::string& iso, int days) {
  return format(add_days(*parse_date(iso), days));
}

std::string jan1(int year) { return std::to_string(year) + "-01-01"; }

Result<text::Table> read_csv(const NamedBytes& f) {
  STEMNET_TRY(std::string utf8, text::to_utf8(f.bytes, f.name));
  return text::read_delimited(utf8, f.name);
}

struct Listed {
  std::string name;
  long line = 0;
};
using CodeList = std::map<std::string, Listed>;  // code -> name, in one year's list

Result<CodeList> parse_list(const NamedBytes& f) {
  STEMNET_TRY(auto t, read_csv(f));
  STEMNET_TRY(auto col, t.columns({"code", "level", "name"}));
  CodeList out;
  for (const auto& r : t.records) {
    const std::string code = text::trim(r.fields[col[0]]);
    if (text::trim(r.fields[col[1]]) != "1") {
      return t.field_error(r, col[1], "expected level 1 (municipalities) in a KLASS 131 list");
    }
    if (pseudo_area(code)) continue;  // 9999 Uoppgitt: SSB lists it, it is no area
    if (!geo::is_municipality_number(code)) {
      return t.field_error(r, col[0], "not a 4-digit municipality number: '" + code + "'");
    }
    if (!out.emplace(code, Listed{text::trim(r.fields[col[2]]), r.line}).second) {
      return t.field_error(r, col[0], "municipality " + code + " is listed twice");
    }
  }
  if (out.empty()) return Error::malformed_file(f.name, 0, "no municipality in the list");
  return out;
}

// One change as the file numbers it (1-based, for messages).
struct Numbered {
  AreaChange c;
  std::size_t n = 0;
};

std::string describe(const Numbered& x, const std::string& file) {
  return file + ": codeChanges[" + std::to_string(x.n - 1) + "] (" + x.c.old_code + " " +
         x.c.old_name + " → " + x.c.new_code + " " + x.c.new_name + " on " + x.c.changed_on + ")";
}

Result<std::vector<Numbered>> parse_changes(const NamedBytes& f) {
  STEMNET_TRY(auto doc, text::parse_json(f.bytes, f.name));
  const auto* root = doc.if_object();
  const json::value* list = root ? root->if_contains("codeChanges") : nullptr;
  if (!list || !list->is_array()) {
    return Error::malformed_file(f.name, 1, "expected {\"codeChanges\": [...]} as SSB answers");
  }
  std::vector<Numbered> out;
  for (const auto& v : list->as_array()) {
    const std::string at = "codeChanges[" + std::to_string(out.size()) + "]";
    const auto* o = v.if_object();
    if (!o) return Error::malformed_file(f.name, 0, at + ": expected an object");
    auto str = [&](std::string_view key) -> Result<std::string> {
      const auto* s = o->if_contains(key);
      if (!s || !s->is_string()) {
        return Error::malformed_file(f.name, 0,
                                     at + "." + std::string(key) + ": expected a string");
      }
      return text::trim(std::string(s->as_string()));
    };
    Numbered x;
    x.n = out.size() + 1;
    x.c.level = "municipality";
    STEMNET_TRY(x.c.old_code, str("oldCode"));
    STEMNET_TRY(x.c.old_name, str("oldName"));
    STEMNET_TRY(x.c.new_code, str("newCode"));
    STEMNET_TRY(x.c.new_name, str("newName"));
    STEMNET_TRY(x.c.changed_on, str("changeOccurred"));
    for (const auto* code : {&x.c.old_code, &x.c.new_code}) {
      if (!geo::is_municipality_number(*code)) {
        return Error::malformed_file(f.name, 0,
                                     at + ": not a 4-digit municipality number: '" + *code + "'");
      }
    }
    if (!parse_date(x.c.changed_on)) {
      return Error::malformed_file(f.name, 0,
                                   at + ".changeOccurred: not a date: '" + x.c.changed_on + "'");
    }
    out.push_back(std::move(x));
  }
  return out;
}

// Changes of one day may not come back to where they started: A → B → A.
Result<void> no_cycles(const std::vector<Numbered>& changes, const std::string& file) {
  std::map<std::string, std::map<std::string, std::vector<const Numbered*>>> by_day;
  for (const auto& x : changes) {
    if (x.c.old_code != x.c.new_code) by_day[x.c.changed_on][x.c.old_code].push_back(&x);
  }
  for (const auto& [day, edges] : by_day) {
    std::map<std::string, int> state;  // 1 on the path, 2 done
    std::vector<const Numbered*> path;
    std::function<Result<void>(const std::string&)> visit =
        [&](const std::string& code) -> Result<void> {
      state[code] = 1;
      auto it = edges.find(code);
      if (it != edges.end()) {
        for (const auto* e : it->second) {
          path.push_back(e);
          if (state[e->c.new_code] == 1) {
            std::string rows;
            for (const auto* p : path) rows += "\n  " + describe(*p, file);
            return Error::malformed_file(file, 0,
                                         "a cycle of changes on " + day + ": " + e->c.new_code +
                                             " becomes itself again through" + rows);
          }
          if (state[e->c.new_code] == 0) STEMNET_TRY_VOID(visit(e->c.new_code));
          path.pop_back();
        }
      }
      state[code] = 2;
      return ok();
    };
    for (const auto& [code, _] : edges) {
      if (state[code] == 0) STEMNET_TRY_VOID(visit(code));
    }
  }
  return ok();
}

// Between two consecutive lists, every code that vanished or appeared has a
// change, and every change of the window joins a code of the first list to
// one of the second.
Result<void> lists_agree_with_changes(const std::vector<std::pair<int, CodeList>>& lists,
                                      const std::vector<std::string>& list_files,
                                      const std::vector<Numbered>& changes,
                                      const std::string& file) {
  for (std::size_t i = 0; i + 1 < lists.size(); ++i) {
    const auto& [a, before] = lists[i];
    const auto& [b, after] = lists[i + 1];
    std::set<std::string> olds, news;
    for (const auto& x : changes) {
      if (!(x.c.changed_on > jan1(a) && x.c.changed_on <= jan1(b))) continue;
      if (!before.contains(x.c.old_code)) {
        return Error::malformed_file(file, 0,
                                     describe(x, file) + ": " + x.c.old_code + " is not in the " +
                                         std::to_string(a) + " list (" + list_files[i] + ")");
      }
      if (!after.contains(x.c.new_code)) {
        return Error::malformed_file(file, 0,
                                     describe(x, file) + ": maps to nothing: " + x.c.new_code +
                                         " is not in the " + std::to_string(b) + " list (" +
                                         list_files[i + 1] + ")");
      }
      olds.insert(x.c.old_code);
      news.insert(x.c.new_code);
    }
    for (const auto& [code, listed] : before) {
      if (!after.contains(code) && !olds.contains(code)) {
        return Error::malformed_file(list_files[i], listed.line,
                                     code + " " + listed.name + " is not in the " +
                                         std::to_string(b) +
                                         " list, and no change says what it became");
      }
    }
    for (const auto& [code, listed] : after) {
      if (!before.contains(code) && !news.contains(code)) {
        return Error::malformed_file(list_files[i + 1], listed.line,
                                     code + " " + listed.name + " is new in the " +
                                         std::to_string(b) +
                                         " list, and no change says where it came from");
      }
    }
  }
  return ok();
}

// The names of each code over the lists, as versions.
std::vector<AreaVersion> municipality_versions(const std::vector<std::pair<int, CodeList>>& lists,
                                               const std::vector<Numbered>& changes) {
  // The change that made `code` (a new code, or a new name) in the window
  // ending on `year`'s list.
  auto made_on = [&](const std::string& code, int from_year,
                     int year) -> std::optional<std::string> {
    for (const auto& x : changes) {
      const bool in_window = from_year == 0
                                 ? x.c.changed_on == jan1(year)
                                 : x.c.changed_on > jan1(from_year) && x.c.changed_on <= jan1(year);
      if (in_window && x.c.new_code == code) return x.c.changed_on;
    }
    return std::nullopt;
  };
  auto ended_on = [&](const std::string& code, int from_year, int year) {
    for (const auto& x : changes) {
      if (x.c.changed_on > jan1(from_year) && x.c.changed_on <= jan1(year) && x.c.old_code == code)
        return x.c.changed_on;
    }
    return jan1(year);
  };
  std::vector<AreaVersion> out;
  std::map<std::string, std::size_t> open;  // code -> its version in `out` still running
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const auto& [year, list] = lists[i];
    const int prev = i == 0 ? 0 : lists[i - 1].first;
    for (const auto& [code, listed] : list) {
      auto it = open.find(code);
      if (it != open.end() && out[it->second].name == listed.name) continue;
      std::optional<std::string> from = made_on(code, prev, year);
      if (!from && i > 0) from = jan1(year);  // renamed without a change row
      if (it != open.end()) out[it->second].valid_to = shift_day(from.value_or(jan1(year)), -1);
      open[code] = out.size();
      out.push_back({"municipality", code, listed.name, from, std::nullopt});
    }
    if (i + 1 < lists.size()) {
      const auto& next = lists[i + 1];
      for (auto it = open.begin(); it != open.end();) {
        if (!next.second.contains(it->first)) {
          out[it->second].valid_to = shift_day(ended_on(it->first, year, next.first), -1);
          it = open.erase(it);
        } else {
          ++it;
        }
      }
    }
  }
  return out;
}

Result<std::vector<AreaVersion>> parse_counties(const NamedBytes& f) {
  STEMNET_TRY(auto t, read_csv(f));
  STEMNET_TRY(auto col, t.columns({"code", "name", "valid_from", "valid_to"}));
  std::vector<AreaVersion> out;
  for (const auto& r : t.records) {
    AreaVersion v{"county", text::trim(r.fields[col[0]]), text::trim(r.fields[col[1]]), {}, {}};
    if (!geo::is_county_number(v.code)) {
      return t.field_error(r, col[0], "not a 2-digit county number: '" + v.code + "'");
    }
    if (v.name.empty()) return t.field_error(r, col[1], "a county needs a name");
    for (std::size_t k : {col[2], col[3]}) {
      const std::string d = text::trim(r.fields[k]);
      if (d.empty()) continue;
      if (!parse_date(d)) return t.field_error(r, k, "not a date: '" + d + "'");
      (k == col[2] ? v.valid_from : v.valid_to) = d;
    }
    out.push_back(std::move(v));
  }
  return out;
}

bool valid_on(const AreaVersion& v, const std::string& day) {
  return (!v.valid_from || *v.valid_from <= day) && (!v.valid_to || day <= *v.valid_to);
}

// Each list's counties (the first two digits of its municipalities) are the
// counties valid on its first day, and no more.
Result<void> counties_agree(const std::vector<AreaVersion>& counties,
                            const std::vector<std::pair<int, CodeList>>& lists,
                            const std::vector<std::string>& list_files, const std::string& file) {
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const auto& [year, list] = lists[i];
    std::set<std::string> from_list, from_table;
    for (const auto& [code, _] : list) from_list.insert(code.substr(0, 2));
    for (const auto& c : counties) {
      if (valid_on(c, jan1(year))) from_table.insert(c.code);
    }
    for (const auto& code : from_list) {
      if (!from_table.contains(code)) {
        return Error::malformed_file(file, 0,
                                     "no county " + code + " valid on " + jan1(year) + ", but " +
                                         list_files[i] + " has its municipalities");
      }
    }
    for (const auto& code : from_table) {
      if (!from_list.contains(code)) {
        return Error::malformed_file(file, 0,
                                     "county " + code + " is valid on " + jan1(year) +
                                         " here, but " + list_files[i] +
                                         " has no municipality in it");
      }
    }
  }
  return ok();
}

// A county's changes follow from its municipalities': a municipality that
// moved from county 05 to 34 on a day makes a change 05 → 34 that day.
std::vector<AreaChange> county_changes(const std::vector<Numbered>& changes,
                                       const std::vector<AreaVersion>& counties, int first_year) {
  auto name = [&](const std::string& code, const std::string& day) {
    for (const auto& c : counties) {
      if (c.code == code && valid_on(c, day)) return c.name;
    }
    return std::string();
  };
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::vector<AreaChange> out;
  for (const auto& x : changes) {
    const std::string from = x.c.old_code.substr(0, 2), to = x.c.new_code.substr(0, 2);
    if (from == to || x.c.changed_on <= jan1(first_year)) continue;
    if (!seen.insert({x.c.changed_on, from, to}).second) continue;
    out.push_back({"county", from, name(from, shift_day(x.c.changed_on, -1)), to,
                   name(to, x.c.changed_on), x.c.changed_on});
  }
  return out;
}

Result<std::vector<CountyWeight>> parse_weights(const NamedBytes& f) {
  STEMNET_TRY(auto t, read_csv(f));
  STEMNET_TRY(auto col, t.columns({"location_code_current", "location_code_original", "calyear",
                                   "weighting", "granularity_geo"}));
  std::vector<CountyWeight> out;
  auto county = [&](const text::Record& r, std::size_t k) -> Result<std::string> {
    const std::string s = text::trim(r.fields[k]);
    const std::string code = s.starts_with("county_nor") ? s.substr(10) : "";
    if (!geo::is_county_number(code)) {
      return t.field_error(r, k, "expected county_norNN, found '" + s + "'");
    }
    return code;
  };
  for (const auto& r : t.records) {
    if (text::trim(r.fields[col[4]]) != "county") continue;
    CountyWeight w;
    STEMNET_TRY(w.current_code, county(r, col[0]));
    STEMNET_TRY(w.original_code, county(r, col[1]));
    auto year = text::parse_integer(r.fields[col[2]]);
    if (!year) return t.field_error(r, col[2], year.error().detail);
    w.year = static_cast<int>(*year);
    auto weight = text::parse_decimal(r.fields[col[3]]);
    if (!weight || *weight < 0 || *weight > 1) {
      return t.field_error(r, col[3], "expected a weight from 0 to 1");
    }
    w.weight = *weight;
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace

std::optional<std::string> pseudo_area(std::string_view code) {
  if (code == "9999") return "SSB's code for an unknown municipality (Uoppgitt)";
  if (code == "99") return "SSB's code for an unknown county (Uoppgitt)";
  if (code == "EAK" || code == "EAFK" || code == "EKA" || code.starts_with("EKG"))
    return "a KOSTRA group or sum of areas, not one area";
  if (code.ends_with("-Rest")) return "SSB's remainder of areas not shown apart, not one area";
  // K-21-22, K-23: SSB's ranges of municipality numbers (K-0301 is Oslo).
  if (code.starts_with("K-") && (code.size() < 6 || code.find('-', 2) != std::string_view::npos)) {
    return "SSB's group of municipalities, not one area";
  }
  return std::nullopt;
}

Result<AreaHistory> build_history(const HistoryFiles& files) {
  if (files.lists.empty()) {
    return Error::malformed_file(files.changes.name, 0, "no KLASS 131 code list to read");
  }
  std::vector<std::pair<int, CodeList>> lists;
  std::vector<std::string> list_files;
  auto sorted = files.lists;
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  for (const auto& [year, f] : sorted) {
    if (!lists.empty() && lists.back().first == year) {
      return Error::malformed_file(f.name, 0, "a second list for " + std::to_string(year));
    }
    STEMNET_TRY(auto list, parse_list(f));
    lists.emplace_back(year, std::move(list));
    list_files.push_back(f.name);
  }
  STEMNET_TRY(auto changes, parse_changes(files.changes));
  STEMNET_TRY_VOID(no_cycles(changes, files.changes.name));
  STEMNET_TRY_VOID(lists_agree_with_changes(lists, list_files, changes, files.changes.name));
  STEMNET_TRY(auto counties, parse_counties(files.counties));
  STEMNET_TRY_VOID(counties_agree(counties, lists, list_files, files.counties.name));

  AreaHistory out;
  for (const auto& x : changes) out.changes.push_back(x.c);
  for (auto& c : county_changes(changes, counties, lists.front().first)) {
    out.changes.push_back(std::move(c));
  }
  out.versions = municipality_versions(lists, changes);
  for (auto& c : counties) out.versions.push_back(std::move(c));
  STEMNET_TRY(out.weights, parse_weights(files.weights));
  return out;
}

}  // namespace stemnet::registry
