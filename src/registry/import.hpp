// registry/import.hpp — loading the registry from publishers' files.
//
// Files are read as published (see data/reference/README.md). Each import is
// one transaction: a malformed file stops it with `file:line: what is wrong`
// and leaves the database exactly as it was. Importing the same files again
// changes nothing (rows are upserted only where a value differs, and each
// file is recorded once by its SHA-256).
//
// Example:
//   auto report = import_reference(pool, "data/reference");
//   if (!report) { std::cerr << report.error().where_and_what(); return 1; }
//   for (auto& f : report->files) std::cout << f.file << ": " << f.changed << " changed\n";
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"
#include "registry/model.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace stemnet::registry {

struct FileReport {
  std::string file;
  std::string sha256;
  std::string what;               // "counties", "schools", ...
  std::int64_t rows = 0;          // records read
  std::int64_t changed = 0;       // rows inserted or updated
  bool already_recorded = false;  // the same bytes were imported before
};

struct ImportReport {
  std::vector<FileReport> files;
};

// Everything the product ships, from a folder laid out like data/reference:
// admin/, places/, institutions/, areas-history/ and schools/. One
// transaction for all.
Result<ImportReport> import_reference(db::Pool& pool, const std::filesystem::path& dir);

// Udir national-test files (UTF-16LE, sep=\t, decimal comma, `*`): the
// schools they name, with the grade levels seen. The municipalities must be
// in the registry already. One transaction for all the files.
Result<ImportReport> import_schools(db::Pool& pool,
                                    const std::vector<std::filesystem::path>& files);

// --- the parsers, pure functions of a file's bytes (unit-tested alone) ---

struct UdirSchools {
  std::vector<School> schools;  // school rows (EnhetNivaa 4); grades filled
  std::int64_t rows = 0;        // data records in the file, aggregates included
};
// Parses one Udir national-test file; `file` names it in errors.
Result<UdirSchools> parse_udir_schools(std::string_view bytes, const std::string& file);

// Kartverket's county boundaries (GeoJSON FeatureCollection, `fylkesnummer`
// on each feature) and municipality boundaries (TopoJSON, object `Kommuner`,
// `kommunenummer` on each geometry). Errors name the JSON path.
Result<Boundary> parse_county_boundaries(std::string_view bytes, const std::string& file);
Result<Boundary> parse_municipality_boundaries(std::string_view bytes, const std::string& file);

// "Troms - Romsa - Tromssa" style CSV of counties with label points.
Result<std::vector<County>> parse_county_places(std::string_view bytes, const std::string& file);
Result<std::vector<Municipality>> parse_municipality_places(std::string_view bytes,
                                                            const std::string& file);
// Our own list of the areas with municipality numbers that are not municipalities.
Result<std::vector<Municipality>> parse_territories(std::string_view bytes,
                                                    const std::string& file);
Result<std::vector<Postcode>> parse_postcodes(std::string_view bytes, const std::string& file);
Result<std::vector<Institution>> parse_science_centres(std::string_view bytes,
                                                       const std::string& file);
Result<std::vector<Institution>> parse_higher_education(std::string_view bytes,
                                                        const std::string& file);

// A stable id from a name or abbreviation: search_key, then any run of
// characters other than a-z and 0-9 becomes one '-'. "Jærmuseet" -> "jaermuseet".
std::string slug(std::string_view text);

}  // namespace stemnet::registry
