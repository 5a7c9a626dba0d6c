// test_db.hpp — databases for tests, on SQLite or, when the environment names
// a PostgreSQL server, on PostgreSQL: a migrated one for unit tests, an empty
// one for a server to migrate, and a dump of every table to compare "before"
// with "after".
//
// STEMNET_TEST_POSTGRES=postgresql://USER@HOST[:PORT] (scripts/test-postgres
// starts a throwaway server and sets it) makes every test that asks for a
// database get its own fresh PostgreSQL database, dropped when the test
// process ends. Without it, tests run on SQLite.
#pragma once

#include "db/database.hpp"
#include "db/migrations.hpp"
#include "db/open/open.hpp"
#include "db/schema.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

namespace stemnet::testing {

// The PostgreSQL server tests run on, or "" for SQLite.
inline std::string test_postgres() {
  const char* url = std::getenv("STEMNET_TEST_POSTGRES");
  return url ? url : "";
}

inline bool on_postgres() { return !test_postgres().empty(); }

namespace detail {

// The databases this process made, dropped when it ends.
class PostgresDatabases {
 public:
  static PostgresDatabases& instance() {
    static PostgresDatabases one;
    return one;
  }
  // A new database, empty or a copy of `from` (a template); its URL.
  std::string create(const std::string& from = "template0") {
    std::lock_guard lock(mu_);
    static std::atomic<int> counter{0};
    std::random_device rd;
    const std::string name = "t" + std::to_string(::getpid()) + "_" + std::to_string(++counter) +
                             "_" + std::to_string(rd() % 100000);
    run("CREATE DATABASE " + name + " TEMPLATE " + from);
    names_.push_back(name);
    return test_postgres() + "/" + name;
  }
  // A migrated database to copy, made once per set of migrations.
  std::string migrated_template() {
    std::size_t h = 0;
    for (const auto& m : db::builtin_migrations())
      h = h * 31 + std::hash<std::string>{}(m.name + m.sql + m.postgresql);
    const std::string name = "stemnet_template_" + std::to_string(h % 1000000007);
    std::lock_guard lock(mu_);
    auto admin = db::open_pool(test_postgres() + "/postgres", 1);
    EXPECT_TRUE(admin) << admin.error().detail;
    auto c = (*admin)->acquire();
    EXPECT_TRUE(c);
    EXPECT_TRUE((*c)->execute_script("SELECT pg_advisory_lock(1)"));
    auto have = (*c)->query("SELECT 1 FROM pg_database WHERE datname = $1", {name});
    if (have && have->empty()) {
      const std::string building = name + "_building";
      (void)(*c)->execute_script("DROP DATABASE IF EXISTS " + building);
      EXPECT_TRUE((*c)->execute_script("CREATE DATABASE " + building + " TEMPLATE template0"));
      {
        auto pool = db::open_pool(test_postgres() + "/" + building, 1);
        EXPECT_TRUE(pool) << pool.error().detail;
        auto conn = (*pool)->acquire();
        auto applied = db::migrate(**conn);
        EXPECT_TRUE(applied) << applied.error().detail;
      }
      EXPECT_TRUE((*c)->execute_script("ALTER DATABASE " + building + " RENAME TO " + name));
    }
    (void)(*c)->execute_script("SELECT pg_advisory_unlock(1)");
    return name;
  }
  ~PostgresDatabases() {
    for (const auto& name : names_) run("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

 private:
  static void run(const std::string& sql) {
    auto admin = db::open_pool(test_postgres() + "/postgres", 1);
    if (!admin) {
      ADD_FAILURE() << admin.error().detail;
      return;
    }
    auto c = (*admin)->acquire();
    auto done = (*c)->execute_script(sql);
    if (!done) ADD_FAILURE() << sql << ": " << done.error().detail;
  }
  std::mutex mu_;
  std::vector<std::string> names_;
};

}  // namespace detail

// A URL for a server to use: a new SQLite file in `dir`, or a new, empty
// PostgreSQL database.
inline std::string fresh_db_url(const std::string& dir, const std::string& name = "test") {
  if (!on_postgres()) return "sqlite:" + dir + "/" + name + ".db";
  return detail::PostgresDatabases::instance().create();
}

// A pool to a fresh database with every migration: in-memory SQLite (one
// connection), or a new PostgreSQL database (four).
inline std::unique_ptr<db::Pool> memory_db() {
  std::string url = "sqlite::memory:";
  std::size_t size = 1;
  if (on_postgres()) {
    auto& dbs = detail::PostgresDatabases::instance();
    url = dbs.create(dbs.migrated_template());
    size = 4;
  }
  auto pool = db::open_pool(url, size);
  EXPECT_TRUE(pool) << pool.error().detail;
  auto conn = (*pool)->acquire();
  EXPECT_TRUE(conn) << conn.error().detail;
  auto applied = db::migrate(**conn);
  EXPECT_TRUE(applied) << applied.error().detail;
  return std::move(*pool);
}

// Runs one statement on the database `url` names with its own command-line
// client (sqlite3 or psql), as an operator or an older program would, past
// the server's rules; the client's exit status.
inline int run_sql(const std::string& url, const std::string& statement) {
  std::string quoted = "'";
  for (char c : statement) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  quoted += "'";
  if (url.starts_with("postgresql://"))
    return std::system(("psql -q -v ON_ERROR_STOP=1 '" + url + "' -c " + quoted).c_str());
  return std::system(("sqlite3 '" + db::sqlite_path(url).value_or("") + "' " + quoted).c_str());
}

// Every row of every table (db::tables: the derived search index left out),
// as text, rows sorted by their text (the same order on either database).
inline std::string dump(db::Pool& pool) {
  auto conn = pool.acquire();
  std::string out;
  auto tables = db::tables(**conn);
  EXPECT_TRUE(tables) << tables.error().detail;
  if (!tables) return out;
  for (const auto& t : *tables) {
    out += "== " + t + "\n";
    auto rows = (*conn)->query("SELECT * FROM " + t);
    EXPECT_TRUE(rows) << t;
    if (!rows) continue;
    std::vector<std::string> lines;
    for (const auto& r : *rows) {
      std::string line;
      for (std::size_t i = 0; i < r.size(); ++i) line += r[i].to_string() + "|";
      lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end());
    for (const auto& l : lines) out += l + "\n";
  }
  return out;
}

}  // namespace stemnet::testing
