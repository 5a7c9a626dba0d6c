// test_db.hpp — databases for unit tests: a migrated in-memory SQLite, and
// a dump of every table to compare "before" with "after".
#pragma once

#include "db/database.hpp"
#include "db/migrations.hpp"
#include "db/sqlite/sqlite.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace stemnet::testing {

// A pool of one connection to a fresh in-memory database with every migration.
inline std::unique_ptr<db::Pool> memory_db() {
  auto pool = db::sqlite::pool(":memory:", 1);
  auto conn = pool->acquire();
  EXPECT_TRUE(conn) << conn.error().detail;
  auto applied = db::migrate(**conn);
  EXPECT_TRUE(applied) << applied.error().detail;
  return pool;
}

// Every row of every table, in a stable order, as text.
inline std::string dump(db::Pool& pool) {
  auto conn = pool.acquire();
  std::string out;
  auto tables = (*conn)->query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY "
      "name");
  EXPECT_TRUE(tables);
  for (const auto& t : *tables) {
    out += "== " + t.text(0) + "\n";
    auto rows = (*conn)->query("SELECT * FROM " + t.text(0) + " ORDER BY 1, 2");
    EXPECT_TRUE(rows) << t.text(0);
    for (const auto& r : *rows) {
      for (std::size_t i = 0; i < r.size(); ++i) out += r[i].to_string() + "|";
      out += "\n";
    }
  }
  return out;
}

}  // namespace stemnet::testing
