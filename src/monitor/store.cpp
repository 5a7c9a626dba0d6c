#include "monitor/store.hpp"

#include "core/clock.hpp"
#include "core/strings.hpp"
#include "db/sql.hpp"
#include "monitor/catalogue.hpp"
#include "monitor/errors.hpp"
#include "registry/store.hpp"

#include <map>
#include <set>
#include <tuple>

namespace stemnet::monitor {
namespace {

// Chain order for lists: primary first, context last.
constexpr const char* kStageOrder =
    "CASE i.stage WHEN 'primary' THEN 1 WHEN 'lower_secondary' THEN 2 WHEN 'upper_secondary' THEN 3"
    " WHEN 'higher_education' THEN 4 WHEN 'labour_market' THEN 5 WHEN 'engagement' THEN 6 ELSE 7 "
    "END";

constexpr const char* kSummary =
    "SELECT i.spec, (SELECT MAX(v.period) FROM indicator_value v WHERE v.indicator_id = i.id),"
    " (SELECT COUNT(*) FROM indicator_value v WHERE v.indicator_id = i.id) FROM indicator i";

Result<IndicatorSummary> summary_from(const db::Row& r) {
  STEMNET_TRY(Indicator ind, indicator_from_spec(r.text(0)));
  return IndicatorSummary{std::move(ind), r.opt_text(1), r.integer(2)};
}

}  // namespace

Result<Indicator> indicator_from_spec(const std::string& spec) {
  STEMNET_TRY(auto list, read_catalogue("{\"indicators\":[" + spec + "]}", "indicator.spec"));
  return std::move(list.at(0));
}

Result<std::vector<IndicatorSummary>> Store::indicators(const std::optional<std::string>& stage,
                                                        const std::optional<std::string>& source) {
  STEMNET_TRY(auto conn, pool_.acquire());
  db::Where w;
  if (stage) w.add("i.stage = ?", {*stage});
  if (source) w.add("LOWER(i.source_name) = LOWER(?)", {*source});
  STEMNET_TRY(auto rows,
              conn->query(std::string(kSummary) + w.sql() + " ORDER BY " + kStageOrder + ", i.id",
                          w.params()));
  std::vector<IndicatorSummary> out;
  for (const auto& r : rows) {
    STEMNET_TRY(auto s, summary_from(r));
    out.push_back(std::move(s));
  }
  return out;
}

Result<IndicatorSummary> Store::indicator(const std::string& id) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows, conn->query(std::string(kSummary) + " WHERE i.id = $1", {id}));
  if (rows.empty()) return errors::indicator_not_found(id);
  return summary_from(rows[0]);
}

Result<std::vector<Cell>> Store::cells(const CellFilter& f) {
  STEMNET_TRY(auto conn, pool_.acquire());
  db::Where w;
  w.add("v.indicator_id = ?", {f.indicator});
  if (f.level) w.add("v.area_level = ?", {*f.level});
  if (f.area) w.add("v.area_code = ?", {*f.area});
  if (f.period) w.add("v.period = ?", {*f.period});
  STEMNET_TRY(
      auto rows,
      conn->query("SELECT v.area_level, v.area_code, v.period, v.breakdown, v.value,"
                  " v.status, ic.area_codes_to FROM indicator_value v"
                  " LEFT JOIN import_coverage ic ON ic.import_id = v.import_id"
                  " AND ic.indicator_id = v.indicator_id AND ic.period = v.period" +
                      w.sql() + " ORDER BY v.area_level, v.area_code, v.period, v.breakdown",
                  w.params()));
  std::vector<Cell> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    Cell c{f.indicator, r.text(0), r.text(1), r.text(2), r.text(3), r.opt_real(4), r.text(5)};
    if (auto to = r.opt_text(6); to && !to->empty()) c.codes_to = *to;
    if (!f.breakdown.empty()) {
      auto parts = breakdown_parts(c.breakdown);
      bool keep = true;
      for (const auto& [dim, cat] : f.breakdown) {
        auto it = parts.find(dim);
        keep = keep && it != parts.end() && it->second == cat;
      }
      if (!keep) continue;
    }
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<std::string>> Store::periods(const std::string& indicator_id) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows,
              conn->query("SELECT DISTINCT period FROM indicator_value WHERE indicator_id = $1"
                          " ORDER BY period",
                          {indicator_id}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.text(0));
  return out;
}

Result<std::vector<Provenance>> Store::provenance(const std::string& indicator_id) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(
      auto rows,
      conn->query("SELECT d.id, d.kind, d.file_name, d.sha256, d.imported_at, d.source, d.licence,"
                  " c.period, c.cells, c.superseded_by, c.area_codes_from, c.area_codes_to"
                  " FROM import_coverage c"
                  " JOIN data_import d ON d.id = c.import_id WHERE c.indicator_id = $1"
                  " ORDER BY c.period, d.imported_at, d.id",
                  {indicator_id}));
  std::vector<Provenance> out;
  for (const auto& r : rows) {
    Provenance p{r.text(0), r.text(1), r.text(2), r.text(3),    r.text(4),
                 r.text(5), r.text(6), r.text(7), r.integer(8), r.opt_text(9)};
    // "" is an open end (older than the history, or valid today); NULL: no codes.
    p.codes = !r.is_null(10);
    if (p.codes && !r.text(10).empty()) p.codes_from = r.text(10);
    if (p.codes && !r.text(11).empty()) p.codes_to = r.text(11);
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::int64_t> Store::put(db::Connection& c, const Indicator& v) {
  return c.execute(
      "INSERT INTO indicator (id, name_nb, name_nn, name_en, definition_nb, definition_en, unit, "
      "decimals,"
      " direction, stage, origin, source_name, source_table, source_url, licence, attribution, "
      "levels,"
      " breakdowns, headline, spec)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
      "$19, $20)"
      " ON CONFLICT (id) DO UPDATE SET name_nb = excluded.name_nb, name_nn = excluded.name_nn,"
      " name_en = excluded.name_en, definition_nb = excluded.definition_nb,"
      " definition_en = excluded.definition_en, unit = excluded.unit, decimals = excluded.decimals,"
      " direction = excluded.direction, stage = excluded.stage, origin = excluded.origin,"
      " source_name = excluded.source_name, source_table = excluded.source_table,"
      " source_url = excluded.source_url, licence = excluded.licence, attribution = "
      "excluded.attribution,"
      " levels = excluded.levels, breakdowns = excluded.breakdowns, headline = excluded.headline,"
      " spec = excluded.spec"
      " WHERE indicator.spec IS DISTINCT FROM excluded.spec",
      {v.id,
       v.name.nb,
       v.name.nn,
       v.name.en,
       v.definition.nb,
       v.definition.en,
       v.unit,
       v.decimals,
       v.direction,
       v.stage,
       v.origin,
       v.source_name,
       v.source_table,
       v.source_url,
       v.licence,
       v.attribution,
       join_list(v.levels),
       join_list(v.breakdowns),
       v.headline,
       v.spec});
}

Result<std::optional<Indicator>> Store::find(db::Connection& c, const std::string& id) {
  STEMNET_TRY(auto rows, c.query("SELECT spec FROM indicator WHERE id = $1", {id}));
  if (rows.empty()) return std::optional<Indicator>();
  STEMNET_TRY(Indicator ind, indicator_from_spec(rows[0].text(0)));
  return std::optional<Indicator>(std::move(ind));
}

namespace {

// The code version of each (indicator, period) slice: the days over which all
// its county and municipality codes were valid. A slice whose codes were
// never valid together mixes code versions: refused, naming two of them.
struct SliceCodes {
  bool any = false;
  registry::CodeSpan span;
  std::string from_code, to_code;  // the codes that set each end
};

Result<std::map<std::pair<std::string, std::string>, SliceCodes>> code_versions(
    db::Connection& c, const ImportBatch& b) {
  std::map<std::string, std::map<std::string, registry::CodeSpan>> spans;  // level -> code ->
  std::map<std::pair<std::string, std::string>, SliceCodes> out;
  for (const auto& cell : b.cells) {
    if (cell.area_level != "county" && cell.area_level != "municipality") continue;
    auto level = spans.find(cell.area_level);
    if (level == spans.end()) {
      STEMNET_TRY(auto read, registry::Store::code_spans(c, cell.area_level));
      level = spans.emplace(cell.area_level, std::move(read)).first;
    }
    auto span = level->second.find(cell.area_code);
    if (span == level->second.end()) continue;  // no history imported: nothing to tell
    SliceCodes& s = out[{cell.indicator_id, cell.period}];
    const auto& [from, to] = span->second;
    s.any = true;  // the span starts open at both ends, and narrows
    if (from && (!s.span.from || *from > *s.span.from)) {
      s.span.from = from;
      s.from_code = cell.area_code;
    }
    if (to && (!s.span.to || *to < *s.span.to)) {
      s.span.to = to;
      s.to_code = cell.area_code;
    }
    if (s.span.from && s.span.to && *s.span.from > *s.span.to) {
      return Error::malformed_file(
          b.file_name, 0,
          "period " + cell.period + " of " + cell.indicator_id + " mixes area code versions: " +
              s.to_code + " was valid until " + *s.span.to + ", " + s.from_code + " only from " +
              *s.span.from + "; a file's areas of one period must come from one code list");
    }
  }
  return out;
}

}  // namespace

Result<ImportOutcome> Store::write_import(db::Connection& c, const ImportBatch& b) {
  ImportOutcome out;
  STEMNET_TRY(auto seen, c.query("SELECT 1 FROM data_import WHERE id = $1", {b.id}));
  if (!seen.empty()) {
    out.already_imported = true;
    return out;
  }
  STEMNET_TRY_VOID(
      c.execute("INSERT INTO data_import (id, kind, file_name, sha256, imported_at, row_count,"
                " cell_count, source, licence) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                {b.id, b.kind, b.file_name, b.sha256, utc_now_iso(), b.rows,
                 static_cast<std::int64_t>(b.cells.size()), b.source, b.licence}));
  std::map<std::pair<std::string, std::string>, std::int64_t> slices;
  for (const auto& cell : b.cells) ++slices[{cell.indicator_id, cell.period}];
  STEMNET_TRY(auto versions, code_versions(c, b));
  for (const auto& [slice, count] : slices) {
    const auto v = versions.find(slice);
    const bool any = v != versions.end();
    // Open ends: "" for older than the history, and NULL for both without codes.
    STEMNET_TRY_VOID(c.execute(
        "INSERT INTO import_coverage (import_id, indicator_id, period, cells, area_codes_from,"
        " area_codes_to) VALUES ($1, $2, $3, $4, $5, $6)",
        {b.id, slice.first, slice.second, count,
         any ? db::Value(v->second.span.from.value_or("")) : db::Value(nullptr),
         any ? db::Value(v->second.span.to.value_or("")) : db::Value(nullptr)}));
  }
  std::set<std::tuple<std::string, std::string, std::string, std::string, std::string>> keys;
  for (const auto& cell : b.cells) {
    if (!keys.insert(
                 {cell.indicator_id, cell.area_level, cell.area_code, cell.period, cell.breakdown})
             .second) {
      return Error::malformed_file(b.file_name, 0,
                                   "the same figure twice: " + cell.indicator_id + ", " +
                                       cell.area_level + " " + cell.area_code + ", " + cell.period +
                                       (cell.breakdown.empty() ? "" : ", " + cell.breakdown));
    }
    if (!status::is_known(cell.status) || cell.value.has_value() != cell.status.empty()) {
      return Error::internal("cell " + cell.indicator_id + "/" + cell.area_code + "/" +
                             cell.period + ": a value and its status disagree");
    }
    STEMNET_TRY(
        std::int64_t n,
        c.execute(
            "INSERT INTO indicator_value (indicator_id, area_level, area_code, period, breakdown,"
            " value, status, import_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
            " ON CONFLICT (indicator_id, area_level, area_code, period, breakdown) DO UPDATE SET"
            " value = excluded.value, status = excluded.status, import_id = excluded.import_id",
            {cell.indicator_id, cell.area_level, cell.area_code, cell.period, cell.breakdown,
             cell.value, cell.status, b.id}));
    out.cells_changed += n;
  }
  // An older import whose cells of a slice have all been replaced is
  // superseded there; its record stays, as history.
  for (const auto& [slice, count] : slices) {
    STEMNET_TRY(
        std::int64_t n,
        c.execute(
            "UPDATE import_coverage SET superseded_by = $1"
            " WHERE indicator_id = $2 AND period = $3 AND superseded_by IS NULL AND import_id <> $1"
            " AND NOT EXISTS (SELECT 1 FROM indicator_value v WHERE v.import_id = "
            "import_coverage.import_id"
            " AND v.indicator_id = import_coverage.indicator_id AND v.period = "
            "import_coverage.period)",
            {b.id, slice.first, slice.second}));
    out.slices_superseded += n;
  }
  return out;
}

namespace {

constexpr const char* kTargetSelect =
    "SELECT t.id, t.indicator_id, t.area_level, t.area_code, t.value, t.year, t.set_by,"
    " t.reason, t.created_at, t.set_by_person, t.replaces, t.ended_at, t.ended_by,"
    " t.ended_by_person, t.ended_reason, t.ended_how,"
    " (SELECT n.id FROM target n WHERE n.replaces = t.id) FROM target t";

Target target_from(const db::Row& r) {
  std::size_t i = 0;  // the columns of kTargetSelect, in order
  Target t;
  t.id = r.text(i++);
  t.indicator_id = r.text(i++);
  t.area_level = r.text(i++);
  t.area_code = r.text(i++);
  t.value = r.real(i++);
  t.year = static_cast<int>(r.integer(i++));
  t.set_by = r.text(i++);
  t.reason = r.text(i++);
  t.created_at = r.text(i++);
  for (auto* field : {&t.set_by_person, &t.replaces, &t.ended_at, &t.ended_by, &t.ended_by_person,
                      &t.ended_reason, &t.ended_how, &t.replaced_by}) {
    *field = r.opt_text(i++);
  }
  return t;
}

}  // namespace

Result<std::vector<Target>> Store::targets(db::Connection& c, const std::string& indicator_id) {
  STEMNET_TRY(auto rows, c.query(std::string(kTargetSelect) +
                                     " WHERE t.indicator_id = $1 ORDER BY t.area_level,"
                                     " t.area_code, t.year, t.created_at, t.id",
                                 {indicator_id}));
  std::vector<Target> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(target_from(r));
  return out;
}

Result<std::optional<Target>> Store::target(db::Connection& c, const std::string& id) {
  STEMNET_TRY(auto rows, c.query(std::string(kTargetSelect) + " WHERE t.id = $1", {id}));
  if (rows.empty()) return std::optional<Target>{};
  return std::optional<Target>{target_from(rows[0])};
}

Result<void> Store::insert_target(db::Connection& c, const Target& t) {
  auto opt = [](const std::optional<std::string>& v) -> db::Value {
    return v ? db::Value(*v) : db::Value();
  };
  STEMNET_TRY_VOID(c.execute(
      "INSERT INTO target (id, indicator_id, area_level, area_code, value, year, set_by,"
      " reason, created_at, set_by_person, replaces) VALUES ($1, $2, $3, $4, $5, $6, $7, $8,"
      " $9, $10, $11)",
      {t.id, t.indicator_id, t.area_level, t.area_code, t.value, t.year, t.set_by, t.reason,
       t.created_at, opt(t.set_by_person), opt(t.replaces)}));
  return ok();
}

Result<bool> Store::end_target(db::Connection& c, const Target& t) {
  STEMNET_TRY(auto changed,
              c.execute("UPDATE target SET ended_at = $2, ended_by = $3, ended_by_person = $4,"
                        " ended_reason = $5, ended_how = $6 WHERE id = $1 AND ended_at IS NULL",
                        {t.id, t.ended_at.value_or(""), t.ended_by.value_or(""),
                         t.ended_by_person.value_or(""), t.ended_reason.value_or(""),
                         t.ended_how.value_or("")}));
  return changed == 1;
}

}  // namespace stemnet::monitor
