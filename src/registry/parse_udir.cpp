// The schools a Udir national-test export names (its school rows), with the
// grade levels seen and how many pupils took part.
#include "registry/import.hpp"
#include "udir/national_tests.hpp"

#include <algorithm>
#include <map>

namespace stemnet::registry {

Result<UdirSchools> parse_udir_schools(std::string_view bytes, const std::string& file) {
  STEMNET_TRY(auto t, udir::read_national_tests(bytes, file));
  const bool has_participants =
      std::any_of(t.measures.begin(), t.measures.end(),
                  [](const udir::Measure& m) { return m.name == "Antall elever deltatt"; });
  if (!has_participants) {
    return Error::malformed_file(
        file, t.header_line,
        "no 'Antall elever deltatt' column: the schools' grades cannot be told");
  }
  UdirSchools out;
  out.rows = static_cast<std::int64_t>(t.rows.size());
  std::map<std::string, std::size_t> seen;  // orgnr -> index in out.schools
  for (const auto& row : t.rows) {
    if (row.level != udir::Level::school) continue;
    // Pupils who took part: the largest count over the subjects of a grade.
    std::map<std::pair<std::string, int>, std::optional<std::int64_t>> tested;
    for (std::size_t m = 0; m < t.measures.size(); ++m) {
      const auto& measure = t.measures[m];
      if (measure.name != "Antall elever deltatt") continue;
      auto& best = tested[{measure.school_year, measure.grade}];
      if (const auto& v = row.cells[m].value) {
        if (*v < 0 || *v != static_cast<double>(static_cast<std::int64_t>(*v))) {
          return Error::malformed_file(file, row.line, "a number of pupils must be a whole number");
        }
        best = std::max<std::int64_t>(best.value_or(0), static_cast<std::int64_t>(*v));
      }
    }
    School s;
    s.orgnr = row.orgnr;
    s.name = row.name;
    s.municipality_number = row.municipality;
    s.county_number = row.county;
    for (const auto& [key, pupils] : tested) s.grades.push_back({key.second, key.first, pupils});
    if (auto it = seen.find(s.orgnr); it != seen.end()) {
      auto& prev = out.schools[it->second];  // the same school twice in one file: merge its grades
      for (auto& g : s.grades) prev.grades.push_back(std::move(g));
      continue;
    }
    seen.emplace(s.orgnr, out.schools.size());
    out.schools.push_back(std::move(s));
  }
  return out;
}

}  // namespace stemnet::registry
