// `stemnet backup`, `stemnet restore` and `stemnet db copy` (issue 16, item
// 6): a restored backup and a copied database hold every row of every table.
// Runs on SQLite and, in the PostgreSQL pass, on PostgreSQL (pg_dump) and
// across the two (PostgreSQL to SQLite and back).
#include "server_process.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace stemnet::testing {
namespace {

std::string dump_of(const std::string& url) {
  auto pool = db::open_pool(url, 1);
  EXPECT_TRUE(pool) << pool.error().detail;
  return pool ? dump(**pool) : "";
}

// The dump without schema_migration, whose applied_at says when each
// database was made.
std::string rows_of(const std::string& url) {
  std::string d = dump_of(url);
  const auto at = d.find("== schema_migration\n");
  if (at == std::string::npos) return d;
  const auto next = d.find("== ", at + 3);
  return d.erase(at, next == std::string::npos ? std::string::npos : next - at);
}

class Backup : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = fresh_db_url(dir_.path(), "live");
    for (auto args : std::vector<std::vector<std::string>>{
             {"import", "reference", "data/reference"},
             {"monitor", "catalogue", "data/indicators/catalogue.json"},
             {"demo", "seed"}}) {
      args.insert(args.end(), {"--db", db_});
      auto r = run_stemnet(args);
      ASSERT_EQ(r.exit_code, 0) << r.out;
    }
  }
  TempDir dir_;
  std::string db_;
};

TEST_F(Backup, ARestoredBackupHoldsEveryRowAgain) {
  const std::string before = dump_of(db_);
  ASSERT_NE(before.find("== booking_request\n"), std::string::npos);
  const std::string file = dir_.path() + "/stemnet.backup";
  auto saved = run_stemnet({"backup", file, "--db", db_});
  ASSERT_EQ(saved.exit_code, 0) << saved.out;
  // Never over an existing file.
  auto again = run_stemnet({"backup", file, "--db", db_});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.out.find("exists already"), std::string::npos) << again.out;

  ASSERT_EQ(run_sql(db_, "DELETE FROM notification"), 0);
  ASSERT_EQ(run_sql(db_, "UPDATE offer SET title = 'changed'"), 0);
  ASSERT_NE(dump_of(db_), before);
  auto restored = run_stemnet({"restore", file, "--db", db_});
  ASSERT_EQ(restored.exit_code, 0) << restored.out;
  EXPECT_EQ(dump_of(db_), before);
}

TEST_F(Backup, AFileOfTheWrongKindIsRefusedAndChangesNothing) {
  const std::string before = dump_of(db_);
  const std::string junk = dir_.path() + "/junk.backup";
  std::ofstream(junk) << "not a backup";
  auto r = run_stemnet({"restore", junk, "--db", db_});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("is not a"), std::string::npos) << r.out;
  auto missing = run_stemnet({"restore", dir_.path() + "/nothing", "--db", db_});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.out.find("cannot read"), std::string::npos) << missing.out;
  EXPECT_EQ(dump_of(db_), before);
}

TEST_F(Backup, ACopyHoldsEveryRowAndNeverMerges) {
  const std::string rows = rows_of(db_);
  // Into a new SQLite database (from PostgreSQL in that pass).
  const std::string copy = "sqlite:" + dir_.path() + "/copy.db";
  auto done = run_stemnet({"db", "copy", "--from", db_, "--to", copy});
  ASSERT_EQ(done.exit_code, 0) << done.out;
  EXPECT_NE(done.out.find("booking_request: "), std::string::npos) << done.out;
  EXPECT_EQ(rows_of(copy), rows);
  // Never into a database that holds rows.
  auto twice = run_stemnet({"db", "copy", "--from", db_, "--to", copy});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_NE(twice.out.find("not empty"), std::string::npos) << twice.out;
  EXPECT_EQ(rows_of(copy), rows);
  if (on_postgres()) {
    // And from SQLite into a new PostgreSQL database: the way an installation moves.
    const std::string pg = fresh_db_url(dir_.path(), "moved");
    auto moved = run_stemnet({"db", "copy", "--from", copy, "--to", pg});
    ASSERT_EQ(moved.exit_code, 0) << moved.out;
    EXPECT_EQ(rows_of(pg), rows);
    // The moved database serves: its search index is rebuilt at start.
    ServerProcess server(pg);
    EXPECT_NE(server.port(), 0);
  }
}

}  // namespace
}  // namespace stemnet::testing
