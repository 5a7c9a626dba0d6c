// db/migrations.hpp — numbered SQL migrations, applied in order, once each.
//
// The files src/db/migrations/NNNN_name.sql are embedded in the binary at
// build time. migrate() records each applied one in schema_migration and
// applies each in its own transaction.
// Example:
//   auto applied = migrate(conn);   // number newly applied, or the error
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"

#include <string>
#include <vector>

namespace stemnet::db {

struct Migration {
  std::string name;  // "0001_registry"
  std::string sql;
  // PostgreSQL's own text (NNNN_name.postgresql.sql), where the SQLite one
  // cannot be translated; empty: postgresql_of(sql).
  std::string postgresql = {};
};

// SQLite's DDL as PostgreSQL reads it: the words INTEGER, REAL and BLOB
// outside quotes and comments become BIGINT (SQLite's integers are 64-bit),
// DOUBLE PRECISION and BYTEA. Everything else is written in the SQL both read.
std::string postgresql_of(std::string_view sqlite_sql);

const std::vector<Migration>& builtin_migrations();

// Applies the migrations not yet recorded; returns how many it applied. A
// failing migration is rolled back whole and named in the error. On
// PostgreSQL, servers starting together take turns (an advisory lock).
Result<int> migrate(Connection& conn,
                    const std::vector<Migration>& migrations = builtin_migrations());

// Names of the migrations recorded as applied, in order.
Result<std::vector<std::string>> applied_migrations(Connection& conn);

}  // namespace stemnet::db
