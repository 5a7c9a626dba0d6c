// db/postgres/postgres.hpp — the second database: PostgreSQL 15 through
// libpq, for several `stemnet serve` processes on one database. The only code
// that includes libpq-fe.h.
//
// Parameters travel as text (bytes in binary) with their types left to the
// server, which infers them from the statement, so the SQL features write for
// SQLite ($1, $2, ...) runs here unchanged. Statements are prepared once per
// connection. A connection that was lost is opened again before the next
// statement; the statement that found it lost fails with ErrorKind::unavailable
// (503 and Retry-After to the client), never a crash.
//
// Transactions are serialized across every server on the database by one
// transaction-level advisory lock taken at BEGIN: the same guarantee as
// SQLite's BEGIN IMMEDIATE (one writer at a time, each sees every commit
// before it), which the booking and matching rules were written for.
//
// Example:
//   auto pool = db::postgres::pool("postgresql:///stemnet?host=/run/postgresql", 8);
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"

#include <memory>
#include <string>

namespace stemnet::db::postgres {

// Connects to the database the URL names (libpq's postgresql:// form).
// Fails with ErrorKind::unavailable when the server cannot be reached.
Result<std::unique_ptr<Connection>> open(const std::string& url);

// A pool of at most `max_size` connections to the database.
std::unique_ptr<Pool> pool(const std::string& url, std::size_t max_size);

// The URL with its password left out, for messages and logs.
std::string redacted(const std::string& url);

}  // namespace stemnet::db::postgres
