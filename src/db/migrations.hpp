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
};

const std::vector<Migration>& builtin_migrations();

// Applies the migrations not yet recorded; returns how many it applied. A
// failing migration is rolled back whole and named in the error.
Result<int> migrate(Connection& conn,
                    const std::vector<Migration>& migrations = builtin_migrations());

// Names of the migrations recorded as applied, in order.
Result<std::vector<std::string>> applied_migrations(Connection& conn);

}  // namespace stemnet::db
