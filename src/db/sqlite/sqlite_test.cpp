#include "db/sqlite/sqlite.hpp"

#include "db/migrations.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

namespace stemnet::db {
namespace {

std::unique_ptr<Connection> open_memory() {
  auto c = sqlite::open(":memory:");
  EXPECT_TRUE(c) << c.error().detail;
  return std::move(*c);
}

TEST(Sqlite, TypedRowsAndNumberedParameters) {
  auto c = open_memory();
  ASSERT_TRUE(c->execute_script(
      "CREATE TABLE t (k TEXT PRIMARY KEY, i BIGINT, r DOUBLE PRECISION, n TEXT)"));
  // $2 before $1: parameters are bound by number, not by position.
  auto n =
      c->execute("INSERT INTO t (i, k, r, n) VALUES ($2, $1, $3, $4)", {"å", 42, 2.5, nullptr});
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 1);
  auto rows = c->query("SELECT k, i, r, n FROM t WHERE k = $1", {"å"});
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1u);
  const Row& r = (*rows)[0];
  EXPECT_EQ(r.text(0), "å");
  EXPECT_EQ(r.integer(1), 42);
  EXPECT_DOUBLE_EQ(r.real(2), 2.5);
  EXPECT_TRUE(r.is_null(3));
  EXPECT_FALSE(r.opt_text(3).has_value());
  // By name too: the column's or its alias.
  auto named = c->query("SELECT k, i AS number FROM t");
  ASSERT_TRUE(named);
  EXPECT_EQ((*named)[0].at("k").text(), "å");
  EXPECT_EQ((*named)[0].at("number").integer(), 42);
  EXPECT_THROW((void)(*named)[0].at("i"), std::out_of_range);
}

TEST(Sqlite, ErrorsAreValuesOfTheRightKind) {
  auto c = open_memory();
  ASSERT_TRUE(c->execute_script("CREATE TABLE t (k TEXT PRIMARY KEY)"));
  ASSERT_TRUE(c->execute("INSERT INTO t VALUES ($1)", {"a"}));
  auto dup = c->execute("INSERT INTO t VALUES ($1)", {"a"});
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().kind, ErrorKind::conflict);
  auto syntax = c->query("SELEC nonsense");
  ASSERT_FALSE(syntax);
  EXPECT_EQ(syntax.error().kind, ErrorKind::internal);
  auto count = c->query("SELECT * FROM t WHERE k = $1", {});
  ASSERT_FALSE(count);
  EXPECT_NE(count.error().detail.find("parameters"), std::string::npos);
}

TEST(Sqlite, TransactionRollsBackOnError) {
  auto c = open_memory();
  ASSERT_TRUE(c->execute_script("CREATE TABLE t (k TEXT PRIMARY KEY)"));
  auto r = transaction(*c, [](Connection& tx) -> Result<void> {
    STEMNET_TRY_VOID(tx.execute("INSERT INTO t VALUES ($1)", {"a"}));
    return Error::conflict("changed my mind");
  });
  ASSERT_FALSE(r);
  auto rows = c->query("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(rows);
  EXPECT_EQ((*rows)[0].integer(0), 0);
  auto good = transaction(*c, [](Connection& tx) -> Result<void> {
    STEMNET_TRY_VOID(tx.execute("INSERT INTO t VALUES ($1)", {"b"}));
    return ok();
  });
  ASSERT_TRUE(good);
  EXPECT_EQ((*c->query("SELECT COUNT(*) FROM t"))[0].integer(0), 1);
}

TEST(Sqlite, ATransactionInsideAnotherIsASavepoint) {
  auto c = open_memory();
  ASSERT_TRUE(c->execute_script("CREATE TABLE t (k TEXT PRIMARY KEY)"));
  auto count = [&] { return (*c->query("SELECT COUNT(*) FROM t"))[0].integer(0); };
  // The inner one that fails undoes only its own change; the outer one goes on.
  auto outer = transaction(*c, [&](Connection& tx) -> Result<void> {
    STEMNET_TRY_VOID(tx.execute("INSERT INTO t VALUES ($1)", {"a"}));
    auto inner = transaction(tx, [](Connection& t2) -> Result<void> {
      STEMNET_TRY_VOID(t2.execute("INSERT INTO t VALUES ($1)", {"b"}));
      return Error::conflict("no");
    });
    EXPECT_FALSE(inner);
    STEMNET_TRY_VOID(transaction(tx, [](Connection& t2) -> Result<void> {
      STEMNET_TRY_VOID(t2.execute("INSERT INTO t VALUES ($1)", {"c"}));
      return ok();
    }));
    return ok();
  });
  ASSERT_TRUE(outer) << outer.error().detail;
  EXPECT_EQ(count(), 2);  // a and c
  // An outer one that fails undoes what its inner ones committed.
  auto undone = transaction(*c, [&](Connection& tx) -> Result<void> {
    STEMNET_TRY_VOID(transaction(tx, [](Connection& t2) -> Result<void> {
      STEMNET_TRY_VOID(t2.execute("INSERT INTO t VALUES ($1)", {"d"}));
      return ok();
    }));
    return Error::conflict("all or nothing");
  });
  EXPECT_FALSE(undone);
  EXPECT_EQ(count(), 2);
  // And the connection is as new: a plain transaction works again.
  ASSERT_TRUE(transaction(*c, [](Connection& tx) -> Result<void> {
    STEMNET_TRY_VOID(tx.execute("INSERT INTO t VALUES ($1)", {"e"}));
    return ok();
  }));
  EXPECT_EQ(count(), 3);
}

TEST(Sqlite, FileDatabaseUsesWalAndForeignKeys) {
  auto dir =
      std::filesystem::temp_directory_path() / ("stemnet-sqlite-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    auto c = sqlite::open((dir / "x.db").string());
    ASSERT_TRUE(c);
    EXPECT_EQ((*(*c)->query("PRAGMA journal_mode"))[0].text(0), "wal");
    EXPECT_EQ((*(*c)->query("PRAGMA foreign_keys"))[0].integer(0), 1);
    ASSERT_TRUE(
        (*c)->execute_script("CREATE TABLE p (id TEXT PRIMARY KEY);"
                             "CREATE TABLE ch (p TEXT REFERENCES p (id))"));
    auto orphan = (*c)->execute("INSERT INTO ch VALUES ($1)", {"none"});
    ASSERT_FALSE(orphan);
    EXPECT_EQ(orphan.error().kind, ErrorKind::conflict);
  }
  std::filesystem::remove_all(dir);
}

TEST(Sqlite, CannotOpenIsUnavailable) {
  auto c = sqlite::open("/no/such/folder/x.db");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().kind, ErrorKind::unavailable);
}

TEST(Migrations, AppliedOnceInOrderAndRecorded) {
  auto c = open_memory();
  std::vector<Migration> ms = {{"0001_a", "CREATE TABLE a (x TEXT)"},
                               {"0002_b", "CREATE TABLE b (y TEXT)"}};
  auto first = migrate(*c, ms);
  ASSERT_TRUE(first);
  EXPECT_EQ(*first, 2);
  auto second = migrate(*c, ms);
  ASSERT_TRUE(second);
  EXPECT_EQ(*second, 0);
  auto names = applied_migrations(*c);
  ASSERT_TRUE(names);
  EXPECT_EQ(*names, (std::vector<std::string>{"0001_a", "0002_b"}));
}

TEST(Migrations, AFailingMigrationIsRolledBackWhole) {
  auto c = open_memory();
  std::vector<Migration> ms = {{"0001_ok", "CREATE TABLE a (x TEXT)"},
                               {"0002_bad", "CREATE TABLE b (y TEXT); CREATE TABLE nonsense ("}};
  auto r = migrate(*c, ms);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().detail.find("0002_bad"), std::string::npos);
  EXPECT_EQ(*applied_migrations(*c), (std::vector<std::string>{"0001_ok"}));
  EXPECT_TRUE(c->query("SELECT * FROM a"));
  EXPECT_FALSE(c->query("SELECT * FROM b"));  // the half of 0002 that ran is gone
}

TEST(Migrations, BuiltinOnesApplyToAFreshDatabase) {
  auto c = open_memory();
  auto r = migrate(*c);
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(*r, static_cast<int>(builtin_migrations().size()));
  EXPECT_GE(builtin_migrations().size(), 1u);
  EXPECT_EQ(builtin_migrations()[0].name, "0001_registry");
}

TEST(Pool, HandsOutConnectionsToThreads) {
  auto dir =
      std::filesystem::temp_directory_path() / ("stemnet-pool-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    auto pool = sqlite::pool((dir / "p.db").string(), 2);
    {
      auto c = pool->acquire();
      ASSERT_TRUE(c);
      ASSERT_TRUE((*c)->execute_script("CREATE TABLE n (v BIGINT)"));
    }
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&pool, t] {
        for (int i = 0; i < 25; ++i) {
          auto c = pool->acquire();
          ASSERT_TRUE(c);
          ASSERT_TRUE((*c)->execute("INSERT INTO n VALUES ($1)", {t * 100 + i}));
        }
      });
    }
    for (auto& th : threads) th.join();
    auto c = pool->acquire();
    EXPECT_EQ((*(*c)->query("SELECT COUNT(*) FROM n"))[0].integer(0), 100);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stemnet::db
