// db/copy.hpp — every row of one database into another, whichever databases
// they are: how an installation moves from SQLite to PostgreSQL
// (`stemnet db copy --from sqlite:var/stemnet.db --to postgresql://…`).
//
// Both must be at the same migrations (open_database migrates each), and the
// target must hold no rows: a copy never merges. The copy is one transaction
// on the target, so a failure leaves it empty. Tables go in the order of
// their foreign keys, and the rows of a table that refers to itself in the
// order of those references. Derived tables (the offer search index) are
// not copied: the server rebuilds them when it starts. On PostgreSQL the
// copy ends with ANALYZE, so that the first queries are planned on statistics.
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"

#include <string>
#include <vector>

namespace stemnet::db {

struct TableCopied {
  std::string table;
  long long rows = 0;
};

Result<std::vector<TableCopied>> copy_all(Connection& from, Connection& to);

}  // namespace stemnet::db
