// The Udir and tidy-CSV importers.
#include "monitor/import.hpp"

#include "monitor/import_common.hpp"
#include "monitor/progress.hpp"
#include "text/delimited.hpp"
#include "text/encoding.hpp"
#include "text/normalize.hpp"
#include "udir/national_tests.hpp"

#include <map>
#include <set>

namespace stemnet::monitor {
namespace fs = std::filesystem;
using detail::AreaCheck;
using detail::load;
using detail::Loaded;
using detail::need_indicator;
using detail::status_of;
using detail::write;

namespace {

// Udir's names of subjects and measures, in the catalogue's words.
const std::map<std::string, std::string> kSubjects = {
    {"Regning", "numeracy"}, {"Lesing", "reading"}, {"Engelsk", "english"}};
// "" for the total over a dimension; sexes as SSB codes them (1 boys, 2 girls).
const std::map<std::string, std::string> kSexes = {
    {"Alle kjønn", ""}, {"Gutter", "1"}, {"Jenter", "2"}};
const std::map<std::string, std::string> kOwners = {
    {"Alle eierformer", ""}, {"Offentlig", "public"}, {"Privat", "private"}};
const std::map<std::string, std::string> kMeasures = {{"Skalapoeng", "score"},
                                                      {"Usikkerhet", "uncertainty"},
                                                      {"Antall elever deltatt", "participants"}};

Result<ImportBatch> udir_batch(db::Connection& c, const Loaded& f) {
  STEMNET_TRY(auto t, udir::read_national_tests(f.bytes, f.path));
  ImportBatch b;
  b.id = "udir:" + f.sha256;
  b.kind = "udir";
  b.file_name = fs::path(f.path).filename().string();
  b.sha256 = f.sha256;
  b.rows = static_cast<std::int64_t>(t.rows.size());
  // Each measure column maps to an indicator and a breakdown, once.
  struct Target {
    std::string indicator, breakdown, period;
  };
  std::vector<Target> targets;
  std::set<std::string> sources, licences;
  for (const auto& m : t.measures) {
    auto subject = kSubjects.find(m.subject);
    auto measure = kMeasures.find(m.name);
    auto sex = kSexes.find(m.sex);
    auto owner = kOwners.find(m.owner);
    if (subject == kSubjects.end() || measure == kMeasures.end() || sex == kSexes.end() ||
        owner == kOwners.end()) {
      return Error::malformed_file(f.path, t.header_line,
                                   "column for '" + m.subject + "' / '" + m.owner + "' / '" +
                                       m.sex + "' / '" + m.name +
                                       "' is not one stemnet imports (subjects: Engelsk, Lesing, "
                                       "Regning; owners: Alle eierformer, Offentlig, "
                                       "Privat; sexes: Alle kjønn, Gutter, Jenter; measures: "
                                       "Skalapoeng, Usikkerhet, Antall elever deltatt)");
    }
    const std::string id = "national_test_" + subject->second + "_" + std::to_string(m.grade);
    STEMNET_TRY(Indicator ind, need_indicator(c, id, f.path, t.header_line));
    sources.insert(ind.attribution);
    licences.insert(ind.licence);
    std::map<std::string, std::string> parts{{"measure", measure->second}};
    if (!sex->second.empty()) parts["sex"] = sex->second;
    if (!owner->second.empty()) parts["owner"] = owner->second;
    targets.push_back({id, breakdown_key(parts), m.school_year});
  }
  for (const auto& s : sources) b.source += (b.source.empty() ? "" : "; ") + s;
  for (const auto& l : licences) b.licence += (b.licence.empty() ? "" : "; ") + l;

  AreaCheck areas(c);
  for (const auto& row : t.rows) {
    AreaRef area;
    switch (row.level) {
      case udir::Level::national:
        area = {"country", kCountryCode};
        break;
      case udir::Level::county:
        area = {"county", row.county};
        break;
      case udir::Level::municipality:
        area = {"municipality", row.municipality};
        break;
      case udir::Level::school:
        area = {"school", row.orgnr};
        break;
    }
    STEMNET_TRY(bool known, areas.known(area));
    if (!known) {
      return Error::malformed_file(
          f.path, row.line,
          area.level + " " + area.code +
              " is not in the registry (import the reference data, "
              "or the schools of this file with `stemnet import schools`)");
    }
    for (std::size_t m = 0; m < targets.size(); ++m) {
      const auto& cell = row.cells[m];
      b.cells.push_back({targets[m].indicator, area.level, area.code, targets[m].period,
                         targets[m].breakdown, cell.value, status_of(cell)});
    }
  }
  return b;
}

}  // namespace

Result<std::vector<FileOutcome>> import_udir(db::Pool& pool, const std::vector<fs::path>& files) {
  if (files.empty()) return Error::invalid("FILE", "name at least one file");
  std::vector<Loaded> loaded;
  for (const auto& p : files) {
    STEMNET_TRY(Loaded f, load(p));
    loaded.push_back(std::move(f));
  }
  STEMNET_TRY(auto conn, pool.acquire());
  std::vector<FileOutcome> out;
  auto r = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    for (const auto& f : loaded) {
      STEMNET_TRY(ImportBatch b, udir_batch(c, f));
      STEMNET_TRY(FileOutcome o, write(c, b));
      out.push_back(std::move(o));
    }
    return ok();
  });
  if (!r) return std::move(r).error();
  return out;
}

Result<FileOutcome> import_csv(db::Pool& pool, const fs::path& path) {
  STEMNET_TRY(Loaded f, load(path));
  STEMNET_TRY(std::string utf8, text::to_utf8(f.bytes, f.path));
  STEMNET_TRY(auto t, text::read_delimited(utf8, f.path));
  STEMNET_TRY(auto col, t.columns({"indicator", "area", "period", "value"}));
  const std::size_t ind_col = col[0], area_col = col[1], period_col = col[2], value_col = col[3];
  std::optional<std::size_t> status_col;
  if (auto s = t.column("status")) status_col = *s;
  // Every other column is a breakdown dimension, named by its header.
  std::vector<std::pair<std::size_t, std::string>> breakdown_cols;
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    if (i == ind_col || i == area_col || i == period_col || i == value_col ||
        (status_col && i == *status_col))
      continue;
    breakdown_cols.emplace_back(i, text::trim(t.header[i]));
  }

  STEMNET_TRY(auto conn, pool.acquire());
  FileOutcome out;
  auto r = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    ImportBatch b;
    b.id = "csv:" + f.sha256;
    b.kind = "csv";
    b.file_name = path.filename().string();
    b.sha256 = f.sha256;
    b.rows = static_cast<std::int64_t>(t.records.size());
    std::map<std::string, Indicator> indicators;
    std::set<std::string> sources, licences;
    std::set<std::tuple<std::string, std::string, std::string, std::string>> keys;
    AreaCheck areas(c);
    for (const auto& rec : t.records) {
      const std::string id = text::trim(rec.fields[ind_col]);
      auto it = indicators.find(id);
      if (it == indicators.end()) {
        STEMNET_TRY(Indicator ind, need_indicator(c, id, f.path, rec.line));
        sources.insert(ind.attribution);
        licences.insert(ind.licence);
        it = indicators.emplace(id, std::move(ind)).first;
      }
      const Indicator& ind = it->second;
      auto area = normalize_area(rec.fields[area_col]);
      if (!area) return t.field_error(rec, area_col, area.error().detail);
      if (std::find(ind.levels.begin(), ind.levels.end(), area->level) == ind.levels.end()) {
        return t.field_error(rec, area_col,
                             "indicator " + id + " has no figures at " + area->level + " level");
      }
      STEMNET_TRY(bool known, areas.known(*area));
      if (!known)
        return t.field_error(rec, area_col,
                             area->level + " " + area->code + " is not in the registry");
      const std::string period = text::trim(rec.fields[period_col]);
      if (period.empty())
        return t.field_error(rec, period_col, "a period is needed, e.g. 2024 or 2025-26");
      if (!valid_period(period))
        return t.field_error(rec, period_col,
                             "'" + period +
                                 "' is not a period: a year (2024), a school year (2024-25), "
                                 "a month (2024M03), a quarter (2024K1) or a day (2024-03-01)");
      std::map<std::string, std::string> parts;
      for (const auto& [i, dim] : breakdown_cols) {
        const std::string cat = text::trim(rec.fields[i]);
        if (cat.empty()) continue;  // this row is the total over `dim`
        if (std::find(ind.breakdowns.begin(), ind.breakdowns.end(), dim) == ind.breakdowns.end()) {
          return t.field_error(rec, i, "indicator " + id + " has no breakdown '" + dim + "'");
        }
        parts[dim] = cat;
      }
      auto cell = text::parse_cell(rec.fields[value_col]);
      if (!cell) return t.field_error(rec, value_col, cell.error().detail);
      std::string st = status_of(*cell);
      if (status_col) {
        const std::string given = text::trim(rec.fields[*status_col]);
        if (!given.empty()) {
          if (!status::is_known(given)) {
            return t.field_error(rec, *status_col,
                                 "status is one of .. : . * or empty, not '" + given + "'");
          }
          if (cell->value) {
            return t.field_error(rec, *status_col,
                                 "a cell with status '" + given + "' cannot also have a value");
          }
          st = given;
        }
      }
      Cell out_cell{id, area->level, area->code, period, breakdown_key(parts), cell->value, st};
      if (!keys.insert({id, area->level + area->code, period, out_cell.breakdown}).second) {
        return Error::malformed_file(
            f.path, rec.line,
            "the same figure (" + id + ", " + area->code + ", " + period + ") is given twice");
      }
      b.cells.push_back(std::move(out_cell));
    }
    for (const auto& s : sources) b.source += (b.source.empty() ? "" : "; ") + s;
    for (const auto& l : licences) b.licence += (b.licence.empty() ? "" : "; ") + l;
    STEMNET_TRY(out, write(c, b));
    return ok();
  });
  if (!r) return std::move(r).error();
  return out;
}

}  // namespace stemnet::monitor
