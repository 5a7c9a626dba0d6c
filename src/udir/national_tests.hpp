// udir/national_tests.hpp — Udir's national-test exports, read as published.
//
// Statistikkportalen exports a table as UTF-16LE text (with or without BOM),
// a first line `sep=\t`, a header whose measure columns are named
// "<year>.<subject>.<grade>. årstrinn.<owner>.<sex>.<measure>", decimal comma,
// space as thousands separator, `*` for a suppressed cell and empty cells
// for none. EnhetNivaa is 1 national, 2 county, 3 municipality, 4 school; in
// aggregate rows Organisasjonsnummer holds the area's code.
//
// Example:
//   STEMNET_TRY(auto t, udir::read_national_tests(bytes, "np_5.tsv"));
//   for (const auto& row : t.rows)
//     for (std::size_t m = 0; m < t.measures.size(); ++m) use(row, t.measures[m], row.cells[m]);
#pragma once

#include "core/result.hpp"
#include "text/number.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace stemnet::udir {

enum class Level { national = 1, county = 2, municipality = 3, school = 4 };

struct Measure {
  std::string school_year;  // "2025-26"
  std::string subject;      // as published: "Engelsk", "Lesing", "Regning"
  int grade = 0;            // 5, 8, 9
  std::string owner;        // "Alle eierformer", "Offentlig", "Privat"
  std::string sex;          // "Alle kjønn", "Gutter", "Jenter"
  std::string name;         // "Skalapoeng", "Usikkerhet", "Antall elever deltatt"
};

struct Row {
  long line = 0;  // 1-based line in the file
  Level level = Level::national;
  std::string county;             // 2 digits, or "00" on the national row
  std::string municipality;       // 4 digits, or "0000" above municipality level
  std::string orgnr;              // 9 digits, mod-11 checked, on school rows; else empty
  std::string name;               // trimmed
  std::vector<text::Cell> cells;  // one per measure, in the order of `measures`
};

struct NationalTests {
  long header_line = 0;  // 2 when the file starts with sep=
  std::vector<Measure> measures;
  std::vector<Row> rows;
};

// Reads one export. Fails with Error::malformed_file(file, line, ...) for a
// wrong encoding, a missing column, a truncated line, a bad number, an
// unknown EnhetNivaa, a bad area code or organisation number.
[[nodiscard]] Result<NationalTests> read_national_tests(std::string_view bytes,
                                                        const std::string& file);

}  // namespace stemnet::udir
