#include "db/copy.hpp"

#include "db/migrations.hpp"
#include "db/schema.hpp"

#include <algorithm>
#include <set>

namespace stemnet::db {
namespace {

constexpr std::size_t kRowsPerInsert = 100;

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

Result<void> insert_rows(Connection& to, const std::string& table,
                         const std::vector<std::string>& cols, const std::vector<Row>& rows) {
  for (std::size_t start = 0; start < rows.size(); start += kRowsPerInsert) {
    const std::size_t end = std::min(rows.size(), start + kRowsPerInsert);
    std::string sql = "INSERT INTO " + table + " (" + joined(cols) + ") VALUES ";
    Params params;
    for (std::size_t i = start; i < end; ++i) {
      sql += i == start ? "(" : ", (";
      for (std::size_t c = 0; c < cols.size(); ++c) {
        params.push_back(rows[i][c]);
        sql += (c == 0 ? "$" : ", $") + std::to_string(params.size());
      }
      sql += ")";
    }
    STEMNET_TRY_VOID(to.execute(sql, params));
  }
  return ok();
}

// The rows of a table that refers to itself (a data import superseded by a
// later one), each after the row it refers to.
std::vector<Row> referenced_first(std::vector<Row> rows, std::size_t column,
                                  std::size_t referenced) {
  std::vector<Row> out;
  std::set<std::string> placed;
  while (!rows.empty()) {
    auto ready = std::stable_partition(rows.begin(), rows.end(), [&](const Row& r) {
      return r.is_null(column) || placed.contains(r[column].to_string());
    });
    if (ready == rows.begin()) break;  // dangling references: let the database say so
    for (auto it = rows.begin(); it != ready; ++it) {
      placed.insert((*it)[referenced].to_string());
      out.push_back(std::move(*it));
    }
    rows.erase(rows.begin(), ready);
  }
  for (auto& r : rows) out.push_back(std::move(r));
  return out;
}

}  // namespace

Result<std::vector<TableCopied>> copy_all(Connection& from, Connection& to) {
  STEMNET_TRY(auto from_migrations, applied_migrations(from));
  STEMNET_TRY(auto to_migrations, applied_migrations(to));
  if (from_migrations != to_migrations)
    return Error::invalid("to", "the two databases are at different migrations (" +
                                    std::to_string(from_migrations.size()) + " and " +
                                    std::to_string(to_migrations.size()) +
                                    "): run `stemnet db migrate` on both with one stemnet");
  STEMNET_TRY(auto target_tables, tables(to));
  STEMNET_TRY(auto source_tables, tables(from));
  std::erase(target_tables, "schema_migration");
  for (const auto& t : target_tables) {
    STEMNET_TRY(auto n, to.query("SELECT COUNT(*) FROM " + t));
    if (n.at(0).integer(0) > 0)
      return Error::invalid("to", "the target database is not empty: table " + t + " has " +
                                      std::to_string(n.at(0).integer(0)) +
                                      " rows; copy into a new, empty database");
  }
  std::erase_if(target_tables, [&](const std::string& t) {
    return std::find(source_tables.begin(), source_tables.end(), t) == source_tables.end();
  });
  STEMNET_TRY(auto order, in_dependency_order(to, target_tables));
  STEMNET_TRY(auto keys, foreign_keys(to));
  std::vector<TableCopied> copied;
  STEMNET_TRY_VOID(transaction(to, [&](Connection& c) -> Result<void> {
    for (const auto& t : order) {
      STEMNET_TRY(auto target_cols, columns(c, t));
      STEMNET_TRY(auto source_cols, columns(from, t));
      std::vector<std::string> cols;
      for (const auto& col : target_cols)
        if (std::find(source_cols.begin(), source_cols.end(), col) != source_cols.end())
          cols.push_back(col);
      STEMNET_TRY(auto rows, from.query("SELECT " + joined(cols) + " FROM " + t));
      for (const auto& k : keys) {
        if (k.table != t || k.references != t) continue;
        auto at = [&](const std::string& name) {
          return static_cast<std::size_t>(std::find(cols.begin(), cols.end(), name) - cols.begin());
        };
        if (at(k.column) < cols.size() && at(k.referenced) < cols.size())
          rows = referenced_first(std::move(rows), at(k.column), at(k.referenced));
      }
      STEMNET_TRY_VOID(insert_rows(c, t, cols, rows));
      copied.push_back({t, static_cast<long long>(rows.size())});
    }
    return ok();
  }));
  // PostgreSQL plans by its statistics, which a bulk copy leaves empty until
  // autovacuum comes by: gather them now (seconds on a national data set).
  if (to.dialect() == "postgresql") STEMNET_TRY_VOID(to.execute_script("ANALYZE"));
  return copied;
}

}  // namespace stemnet::db
