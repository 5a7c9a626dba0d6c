// db/sqlite/sqlite.hpp — the embedded default: SQLite 3 in WAL mode with
// foreign keys on and a busy timeout. The only code that includes sqlite3.h.
//
// Example:
//   auto conn = db::sqlite::open("var/stemnet.db");      // or ":memory:"
//   auto pool = db::sqlite::pool("var/stemnet.db", 4);
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"

#include <memory>
#include <string>

namespace stemnet::db::sqlite {

// Opens (creating if needed) the database file; its folder must exist.
// Fails with ErrorKind::unavailable when the file cannot be opened.
Result<std::unique_ptr<Connection>> open(const std::string& path);

// A pool of connections to the file; ":memory:" gets a pool of one, since
// every in-memory connection would otherwise be its own database.
std::unique_ptr<Pool> pool(const std::string& path, std::size_t max_size);

// Copies the database file `from` into `to` page by page with SQLite's online
// backup, a consistent picture even while servers write to `from`; `to` is
// overwritten. (Backup: from the live file to a new one; restore: back.)
Result<void> copy_file(const std::string& from, const std::string& to);

}  // namespace stemnet::db::sqlite
