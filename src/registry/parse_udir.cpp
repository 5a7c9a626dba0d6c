// The Udir national-test files (Statistikkportalen export), read as
// published: UTF-16LE (with or without BOM), a first line `sep=\t`, a header
// whose measure columns are named "<year>.<subject>.<grade>. årstrinn.<owner>.
// <sex>.<measure>", decimal comma, space as thousands separator, `*` for a
// suppressed cell. EnhetNivaa: 1 national, 2 county, 3 municipality, 4 school.
#include "geo/area_code.hpp"
#include "registry/import.hpp"
#include "text/delimited.hpp"
#include "text/encoding.hpp"
#include "text/normalize.hpp"
#include "text/number.hpp"

#include <algorithm>
#include <map>
#include <regex>

namespace stemnet::registry {
namespace {

struct MeasureColumn {
  std::size_t index;
  std::string school_year;
  int grade;
  std::string measure;  // "Skalapoeng", "Usikkerhet", "Antall elever deltatt"
};

}  // namespace

Result<UdirSchools> parse_udir_schools(std::string_view bytes, const std::string& file) {
  STEMNET_TRY(std::string utf8, text::to_utf8(bytes, file));
  text::DelimitedOptions opt;
  opt.separator = '\t';
  opt.quoting = false;
  STEMNET_TRY(auto t, text::read_delimited(utf8, file, opt));
  STEMNET_TRY(auto col, t.columns({"EnhetNivaa", "Fylkekode", "Kommunekode", "Organisasjonsnummer",
                                   "EnhetNavn"}));
  const std::size_t level_col = col[0], county_col = col[1], municipality_col = col[2],
                    orgnr_col = col[3], name_col = col[4];

  static const std::regex measure_re(
      R"(^(\d{4}-\d{2})\.[^.]+\.(\d{1,2})\. årstrinn\..*\.([^.]+)$)");
  std::vector<MeasureColumn> measures;
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    std::smatch m;
    const std::string& h = t.header[i];
    if (std::regex_match(h, m, measure_re)) {
      measures.push_back({i, m[1].str(), std::stoi(m[2].str()), m[3].str()});
    }
  }
  const bool has_participants =
      std::any_of(measures.begin(), measures.end(),
                  [](const MeasureColumn& m) { return m.measure == "Antall elever deltatt"; });
  if (!has_participants) {
    return Error::malformed_file(
        file, t.header_line,
        "no column '<year>.<subject>.<grade>. årstrinn.….Antall elever deltatt': "
        "is this a national-test file from Udir's statistics portal?");
  }

  UdirSchools out;
  std::map<std::string, std::size_t> seen;  // orgnr -> index in out.schools
  for (const auto& rec : t.records) {
    ++out.rows;
    const auto& f = rec.fields;
    // Every measure cell must be a number or a known marker, on every row.
    std::map<std::pair<std::string, int>, std::optional<std::int64_t>> tested;
    for (const auto& m : measures) {
      auto cell = text::parse_cell(f[m.index]);
      if (!cell) return t.field_error(rec, m.index, cell.error().detail);
      if (m.measure != "Antall elever deltatt") continue;
      auto& best = tested[{m.school_year, m.grade}];
      if (cell->value) {
        if (*cell->value < 0 || *cell->value != static_cast<std::int64_t>(*cell->value)) {
          return t.field_error(
              rec, m.index, "a number of pupils must be a whole number, got '" + f[m.index] + "'");
        }
        best = std::max<std::int64_t>(best.value_or(0), static_cast<std::int64_t>(*cell->value));
      }
    }
    const std::string level = text::trim(f[level_col]);
    if (level != "1" && level != "2" && level != "3" && level != "4") {
      return t.field_error(rec, level_col, "EnhetNivaa must be 1, 2, 3 or 4, got '" + level + "'");
    }
    if (level != "4") continue;

    School s;
    s.orgnr = text::trim(f[orgnr_col]);
    if (!geo::is_organisation_number(s.orgnr)) {
      return t.field_error(rec, orgnr_col,
                           "not a valid organisation number (9 digits, mod 11): '" + s.orgnr + "'");
    }
    s.name = text::trim(f[name_col]);
    if (s.name.empty()) return t.field_error(rec, name_col, "a school needs a name");
    s.municipality_number = text::trim(f[municipality_col]);
    if (!geo::is_municipality_number(s.municipality_number)) {
      return t.field_error(rec, municipality_col,
                           "not a 4-digit municipality number: '" + s.municipality_number + "'");
    }
    const std::string county = text::trim(f[county_col]);
    if (!geo::is_county_number(county)) {
      return t.field_error(rec, county_col, "not a 2-digit county number: '" + county + "'");
    }
    s.county_number = county;
    for (const auto& [key, pupils] : tested) s.grades.push_back({key.second, key.first, pupils});

    if (auto it = seen.find(s.orgnr); it != seen.end()) {
      // The same school twice in one file: keep one, merge its grades.
      auto& prev = out.schools[it->second];
      for (auto& g : s.grades) prev.grades.push_back(std::move(g));
      continue;
    }
    seen.emplace(s.orgnr, out.schools.size());
    out.schools.push_back(std::move(s));
  }
  return out;
}

}  // namespace stemnet::registry
