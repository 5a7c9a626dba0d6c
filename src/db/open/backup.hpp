// db/open/backup.hpp — a whole database into one file and back:
// `stemnet backup FILE` and `stemnet restore FILE`.
//
// SQLite: the online backup API (a consistent copy while servers run; the
// file is itself a SQLite database). PostgreSQL: pg_dump's custom format, and
// pg_restore in one transaction (the client programs of the server's major
// version, from Debian's postgresql-client-15). A file of the other kind is
// refused by its first bytes before anything is changed.
#pragma once

#include "core/result.hpp"

#include <string>

namespace stemnet::db {

Result<void> backup(const std::string& url, const std::string& file);

// Replaces what the database holds by the backup's contents. Stop the
// servers first: they would go on with what they had read.
Result<void> restore(const std::string& url, const std::string& file);

}  // namespace stemnet::db
