#include "db/migrations.hpp"

#include "core/clock.hpp"

#include <algorithm>

namespace stemnet::db {
Result<std::vector<std::string>> applied_migrations(Connection& conn) {
  STEMNET_TRY(auto rows, conn.query("SELECT name FROM schema_migration ORDER BY name"));
  std::vector<std::string> names;
  for (const auto& r : rows) names.push_back(r.text(0));
  return names;
}

Result<int> migrate(Connection& conn, const std::vector<Migration>& migrations) {
  STEMNET_TRY_VOID(
      conn.execute_script("CREATE TABLE IF NOT EXISTS schema_migration ("
                          " name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"));
  STEMNET_TRY(auto done, applied_migrations(conn));
  int applied = 0;
  for (const auto& m : migrations) {
    if (std::find(done.begin(), done.end(), m.name) != done.end()) continue;
    auto r = transaction(conn, [&](Connection& c) -> Result<void> {
      STEMNET_TRY_VOID(c.execute_script(m.sql));
      STEMNET_TRY_VOID(c.execute("INSERT INTO schema_migration (name, applied_at) VALUES ($1, $2)",
                                 {m.name, utc_now_iso()}));
      return ok();
    });
    if (!r) {
      Error e = std::move(r).error();
      e.detail = "migration " + m.name + " failed: " + e.detail;
      return e;
    }
    ++applied;
  }
  return applied;
}

}  // namespace stemnet::db
