// db/open/open.hpp — a pool for a database URL, whichever database it names.
//
//   sqlite:PATH, sqlite://PATH, sqlite::memory:   the embedded default
//   postgresql://[user[:password]@][host][:port]/dbname[?param=value...]
//                                                 PostgreSQL (libpq's URL form;
//                                                 postgres:// too)
// Example:
//   STEMNET_TRY(auto pool, db::open_pool("sqlite:var/stemnet.db", 8));
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"

#include <memory>
#include <optional>
#include <string>

namespace stemnet::db {

// Opens a pool of at most `max_size` connections and checks that one can be
// had. A SQLite file's folder is created when missing. Fails with
// ErrorKind::invalid_input for a URL that names no known database, and
// ErrorKind::unavailable when the database cannot be reached.
Result<std::unique_ptr<Pool>> open_pool(const std::string& url, std::size_t max_size);

// The file of a sqlite:PATH or sqlite://PATH URL; nullopt for any other URL.
std::optional<std::string> sqlite_path(const std::string& url);

// True for postgresql:// and postgres:// URLs.
bool is_postgresql_url(const std::string& url);

// The URL fit for a log line: a PostgreSQL password left out.
std::string printable_url(const std::string& url);

}  // namespace stemnet::db
