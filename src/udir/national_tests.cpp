#include "udir/national_tests.hpp"

#include "core/time.hpp"
#include "geo/area_code.hpp"
#include "text/delimited.hpp"
#include "text/encoding.hpp"
#include "text/normalize.hpp"

#include <regex>

namespace stemnet::udir {

Result<NationalTests> read_national_tests(std::string_view bytes, const std::string& file) {
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
      R"(^(\d{4}-\d{2})\.([^.]+)\.(\d{1,2})\. årstrinn\.([^.]+)\.([^.]+)\.([^.]+)$)");
  NationalTests out;
  out.header_line = t.header_line;
  std::vector<std::size_t> measure_cols;
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    std::smatch m;
    // std::regex recurses once per character: a header cell thousands of
    // characters long would overflow the stack (found by fuzz_udir_read).
    // No measure column is anywhere near 300 bytes.
    if (t.header[i].size() <= 300 && std::regex_match(t.header[i], m, measure_re)) {
      if (!valid_period(m[1].str())) {
        return Error::malformed_file(file, t.header_line,
                                     "column '" + t.header[i] + "': '" + m[1].str() +
                                         "' is not a school year such as 2025-26");
      }
      out.measures.push_back(
          {m[1].str(), m[2].str(), std::stoi(m[3].str()), m[4].str(), m[5].str(), m[6].str()});
      measure_cols.push_back(i);
    }
  }
  if (out.measures.empty()) {
    return Error::malformed_file(
        file, t.header_line,
        "no measure column '<year>.<subject>.<grade>. årstrinn.….<measure>': "
        "is this a national-test export from Udir's statistics portal?");
  }

  out.rows.reserve(t.records.size());
  for (const auto& rec : t.records) {
    const auto& f = rec.fields;
    Row row;
    row.line = rec.line;
    const std::string level = text::trim(f[level_col]);
    if (level.size() != 1 || level[0] < '1' || level[0] > '4') {
      return t.field_error(rec, level_col, "EnhetNivaa must be 1, 2, 3 or 4, got '" + level + "'");
    }
    row.level = static_cast<Level>(level[0] - '0');
    row.county = text::trim(f[county_col]);
    row.municipality = text::trim(f[municipality_col]);
    row.name = text::trim(f[name_col]);
    if (!geo::is_county_number(row.county)) {
      return t.field_error(rec, county_col, "not a 2-digit county number: '" + row.county + "'");
    }
    if (!geo::is_municipality_number(row.municipality)) {
      return t.field_error(rec, municipality_col,
                           "not a 4-digit municipality number: '" + row.municipality + "'");
    }
    if (row.level == Level::school) {
      row.orgnr = text::trim(f[orgnr_col]);
      if (!geo::is_organisation_number(row.orgnr)) {
        return t.field_error(
            rec, orgnr_col,
            "not a valid organisation number (9 digits, mod 11): '" + row.orgnr + "'");
      }
      if (row.name.empty()) return t.field_error(rec, name_col, "a school needs a name");
    }
    row.cells.reserve(measure_cols.size());
    for (std::size_t m = 0; m < measure_cols.size(); ++m) {
      auto cell = text::parse_cell(f[measure_cols[m]]);
      if (!cell) return t.field_error(rec, measure_cols[m], cell.error().detail);
      row.cells.push_back(std::move(*cell));
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace stemnet::udir
