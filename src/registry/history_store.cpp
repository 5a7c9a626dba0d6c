// registry/history_store.cpp — the area history's SQL (issue 15): code
// versions, changes and FHI's county weights, written by `import reference`
// and read by registry::Service (as_of, successors, predecessors) and the
// monitor's importers (has_area_code, code_spans). Split from store.cpp,
// whose SQL is today's registry.
#include "registry/store.hpp"

namespace stemnet::registry {
Result<std::int64_t> Store::put(db::Connection& c, const AreaVersion& v) {
  return c.execute(
      "INSERT INTO area_version (level, code, name, valid_from, valid_to)"
      " VALUES ($1, $2, $3, $4, $5)"
      " ON CONFLICT (level, code, name) DO UPDATE SET valid_from = excluded.valid_from,"
      " valid_to = excluded.valid_to"
      " WHERE (area_version.valid_from, area_version.valid_to) IS DISTINCT FROM"
      " (excluded.valid_from, excluded.valid_to)",
      {v.level, v.code, v.name, v.valid_from, v.valid_to});
}

Result<std::int64_t> Store::put(db::Connection& c, const AreaChange& v) {
  return c.execute(
      "INSERT INTO area_change (level, old_code, old_name, new_code, new_name, changed_on)"
      " VALUES ($1, $2, $3, $4, $5, $6)"
      " ON CONFLICT (level, old_code, new_code, changed_on) DO UPDATE SET"
      " old_name = excluded.old_name, new_name = excluded.new_name"
      " WHERE (area_change.old_name, area_change.new_name) IS DISTINCT FROM"
      " (excluded.old_name, excluded.new_name)",
      {v.level, v.old_code, v.old_name, v.new_code, v.new_name, v.changed_on});
}

Result<std::int64_t> Store::put(db::Connection& c, const CountyWeight& v) {
  return c.execute(
      "INSERT INTO county_weight (year, original_code, current_code, weight)"
      " VALUES ($1, $2, $3, $4)"
      " ON CONFLICT (year, original_code, current_code) DO UPDATE SET weight = excluded.weight"
      " WHERE county_weight.weight IS DISTINCT FROM excluded.weight",
      {static_cast<std::int64_t>(v.year), v.original_code, v.current_code, v.weight});
}

Result<std::vector<AreaVersion>> Store::versions(const std::string& level,
                                                 const std::string& code) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows, conn->query("SELECT name, valid_from, valid_to FROM area_version"
                                     " WHERE level = $1 AND code = $2"
                                     " ORDER BY COALESCE(valid_from, '')",
                                     {level, code}));
  std::vector<AreaVersion> out;
  for (const auto& r : rows) {
    out.push_back({level, code, r.text(0), r.opt_text(1), r.opt_text(2)});
  }
  return out;
}

Result<std::vector<AreaChange>> Store::changes_from(const std::string& level,
                                                    const std::string& code,
                                                    const std::string& after) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows,
              conn->query("SELECT old_name, new_code, new_name, changed_on FROM area_change"
                          " WHERE level = $1 AND old_code = $2 AND changed_on > $3"
                          " ORDER BY changed_on, new_code",
                          {level, code, after}));
  std::vector<AreaChange> out;
  for (const auto& r : rows) {
    out.push_back({level, code, r.text(0), r.text(1), r.text(2), r.text(3)});
  }
  return out;
}

Result<std::vector<CountyWeight>> Store::county_weights(int year, const std::string& code) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows, conn->query("SELECT current_code, weight FROM county_weight"
                                     " WHERE year = $1 AND original_code = $2 AND weight > 0"
                                     " ORDER BY current_code",
                                     {static_cast<std::int64_t>(year), code}));
  std::vector<CountyWeight> out;
  for (const auto& r : rows) out.push_back({year, code, r.text(0), r.real(1)});
  return out;
}

Result<bool> Store::has_area_code(db::Connection& c, const std::string& level,
                                  const std::string& code) {
  STEMNET_TRY(auto rows,
              c.query("SELECT 1 FROM area_version WHERE level = $1 AND code = $2", {level, code}));
  if (!rows.empty()) return true;
  return level == "county" ? has_county(c, code) : has_municipality(c, code);
}

Result<std::map<std::string, CodeSpan>> Store::code_spans(db::Connection& c,
                                                          const std::string& level) {
  // '' sorts before every day and '9999-12-31' after: the open ends.
  STEMNET_TRY(auto rows, c.query("SELECT code, MIN(COALESCE(valid_from, '')),"
                                 " MAX(COALESCE(valid_to, '9999-12-31'))"
                                 " FROM area_version WHERE level = $1 GROUP BY code",
                                 {level}));
  std::map<std::string, CodeSpan> out;
  for (const auto& r : rows) {
    CodeSpan span;
    if (!r.text(1).empty()) span.from = r.text(1);
    if (r.text(2) != "9999-12-31") span.to = r.text(2);
    out.emplace(r.text(0), std::move(span));
  }
  return out;
}

Result<std::vector<AreaChange>> Store::changes_into(const std::string& level,
                                                    const std::string& code,
                                                    const std::string& after,
                                                    const std::string& before) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows,
              conn->query("SELECT old_code, old_name, new_name, changed_on FROM area_change"
                          " WHERE level = $1 AND new_code = $2 AND changed_on > $3"
                          " AND ($4 = '' OR changed_on < $4) ORDER BY changed_on DESC, old_code",
                          {level, code, after, before}));
  std::vector<AreaChange> out;
  for (const auto& r : rows) {
    out.push_back({level, r.text(0), r.text(1), code, r.text(2), r.text(3)});
  }
  return out;
}

}  // namespace stemnet::registry
