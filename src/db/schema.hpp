// db/schema.hpp — what a database holds, asked of whichever database it is:
// its tables, a table's columns, and the foreign keys between tables. For
// the tools that treat every table alike (`stemnet db copy`, the tests' dump).
//
// Example:
//   STEMNET_TRY(auto names, db::tables(conn));          // {"booking_request", ...}
//   STEMNET_TRY(auto order, db::in_dependency_order(conn, names));
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"

#include <string>
#include <vector>

namespace stemnet::db {

// The tables made by the migrations, by name; the database's own and derived
// search indexes (SQLite's sqlite_*, offer_search and its shadow tables) left out.
Result<std::vector<std::string>> tables(Connection& conn);

// A table's stored columns in their order (generated ones left out).
Result<std::vector<std::string>> columns(Connection& conn, const std::string& table);

struct ForeignKey {
  std::string table, column;  // the referring column
  std::string references;     // the table it refers to
  std::string referenced;     // and its column there
};
Result<std::vector<ForeignKey>> foreign_keys(Connection& conn);

// `names` ordered so that every table comes after the tables it refers to
// (a table that refers to itself is ordered by its rows: see copy.cpp).
Result<std::vector<std::string>> in_dependency_order(Connection& conn,
                                                     std::vector<std::string> names);

}  // namespace stemnet::db
