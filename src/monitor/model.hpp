// monitor/model.hpp — indicators and the cells of the cube, as plain data.
//
// A cell is one figure: an indicator's value for an area, a period and a
// breakdown (e.g. sex=2;subject=numeracy), with a status when there is no
// number. A cell with a status never carries a number: a suppressed figure
// stays suppressed all the way to the API and the exports.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace stemnet::monitor {

// Status symbols, as JSON-stat and the statistics offices write them.
namespace status {
inline constexpr const char* kNone = "";             // a number
inline constexpr const char* kMissing = "..";        // not available
inline constexpr const char* kSuppressed = ":";      // withheld to protect individuals
inline constexpr const char* kNotApplicable = ".";   // cannot exist
inline constexpr const char* kUdirSuppressed = "*";  // Udir's mark for withheld
bool is_known(const std::string& s);
}  // namespace status

struct Localized {
  std::string nb, nn, en;
};

struct Category {
  std::string id;
  Localized label;
  std::optional<std::string> unit;
  std::optional<int> decimals;
};

struct Indicator {
  std::string id;
  Localized name;
  Localized definition;  // nn falls back to nb
  std::string unit;
  int decimals = 0;
  std::string direction;  // higher_is_better | lower_is_better | neutral
  std::string stage;      // primary ... engagement, context
  std::string origin;     // imported | computed
  std::string source_name, source_table, source_url, licence, attribution;
  std::vector<std::string> levels;      // country, county, municipality, school
  std::vector<std::string> breakdowns;  // e.g. {"measure"} or {"sex"}
  // The breakdown whose cells are "the" value on maps and profiles; empty
  // for the total. E.g. "measure=score".
  std::string headline;
  // Known categories of each breakdown, with labels (may be partial).
  std::map<std::string, std::vector<Category>> categories;
  std::string spec;  // the catalogue entry, JSON
  // How its figures come: pxweb (`monitor refresh`), file (an importer:
  // udir, gsi, csv) or computed (a computer of the platform), and the
  // catalogue's words on it (English).
  std::string fetch_kind, fetch_tool, fetch_how;
};

// How a figure on one of today's areas was made from published ones.
struct Derivation {
  std::string kind;                   // renumbered | summed | estimated | not_comparable
  std::vector<std::string> from, on;  // the published codes; the days of SSB's changes
  std::string how;  // the whole story, in English ("summed from 1001, 1017, 1018 by ...")
  bool estimate = false;
};

struct Cell {
  std::string indicator_id;
  std::string area_level;  // country | county | municipality | school
  std::string area_code;   // "NO", "03", "0301", orgnr
  std::string period;
  std::string breakdown;  // "" or "dim=cat;dim=cat", dimensions sorted
  std::optional<double> value;
  std::string status;  // "" when value holds a number
  // Read, not written: the last day its import's area codes were all valid
  // (the code version; nullopt when open or unknown), and, on today's areas,
  // how the figure was made from the published ones.
  std::optional<std::string> codes_to;
  std::optional<Derivation> derivation;
};

// "dim=cat;dim=cat" with dimensions in order, from pairs in any order.
std::string breakdown_key(std::map<std::string, std::string> parts);
// The pairs of a breakdown key; empty for "".
std::map<std::string, std::string> breakdown_parts(const std::string& key);

inline constexpr const char* kCountryCode = "NO";

// A target: what an area (or all areas) should reach on an indicator by a
// year, who set it and why, and, once ended, who ended it, when, why and how
// (monitor/targets.hpp).
struct Target {
  std::string id, indicator_id, area_level, area_code;  // level "all": code ""
  double value = 0;
  int year = 0;
  std::string set_by, reason, created_at;
  std::optional<std::string> set_by_person;  // the account, when set in the browser
  std::optional<std::string> replaces;       // the target this one changed
  std::optional<std::string> replaced_by;    // read: the target that changed this one
  std::optional<std::string> ended_at, ended_by, ended_by_person, ended_reason;
  std::optional<std::string> ended_how;  // changed | retired
  bool active() const { return !ended_at; }
  std::string state() const { return ended_how.value_or("active"); }
};

}  // namespace stemnet::monitor
