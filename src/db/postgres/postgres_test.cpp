// The PostgreSQL driver against a real server: scripts/test-postgres starts
// one and sets STEMNET_TEST_POSTGRES; without it these are skipped (the
// SQLite pass of `make test`), and the PostgreSQL pass runs them.
#include "db/postgres/postgres.hpp"

#include "db/migrations.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace stemnet::db {
namespace {

class Postgres : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!stemnet::testing::on_postgres()) GTEST_SKIP() << "STEMNET_TEST_POSTGRES is not set";
    url_ = stemnet::testing::fresh_db_url("", "unused");
  }
  std::unique_ptr<Connection> open_one() {
    auto c = postgres::open(url_);
    EXPECT_TRUE(c) << c.error().detail;
    return std::move(*c);
  }
  std::string url_;
};

TEST_F(Postgres, TypedRowsAndNumberedParameters) {
  auto c = open_one();
  EXPECT_EQ(c->dialect(), "postgresql");
  ASSERT_TRUE(c->execute_script(postgresql_of(
      "CREATE TABLE t (k TEXT PRIMARY KEY, i INTEGER, r REAL, n TEXT, b BLOB, flag INTEGER)")));
  const std::string bytes("\0\x01\xff png", 7);
  auto n = c->execute("INSERT INTO t (i, k, r, n, b, flag) VALUES ($2, $1, $3, $4, $5, $6)",
                      {"å", std::int64_t{9'000'000'000}, 2.5, nullptr, Bytes{bytes}, true});
  ASSERT_TRUE(n) << n.error().detail;
  EXPECT_EQ(*n, 1);
  auto rows = c->query("SELECT k, i, r, n, b, flag, COUNT(*) OVER () FROM t WHERE k = $1", {"å"});
  ASSERT_TRUE(rows) << rows.error().detail;
  ASSERT_EQ(rows->size(), 1u);
  const Row& r = (*rows)[0];
  EXPECT_EQ(r.text(0), "å");
  EXPECT_EQ(r.integer(1), 9'000'000'000);  // 64-bit, as on SQLite
  EXPECT_DOUBLE_EQ(r.real(2), 2.5);
  EXPECT_TRUE(r.is_null(3));
  EXPECT_TRUE(r[4].is_bytes());
  EXPECT_EQ(r.bytes(4), bytes);
  EXPECT_EQ(r.integer(5), 1);
  EXPECT_EQ(r.integer(6), 1);
  EXPECT_EQ(r.at("k").text(), "å");  // by name too
  EXPECT_EQ(r.at("count").integer(), 1);
  EXPECT_THROW((void)r.at("nothing"), std::out_of_range);
  // The same statement again runs the prepared one.
  EXPECT_TRUE(c->query("SELECT k, i, r, n, b, flag, COUNT(*) OVER () FROM t WHERE k = $1", {"x"}));
}

TEST_F(Postgres, ErrorsAreValuesOfTheRightKind) {
  auto c = open_one();
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
  EXPECT_EQ(count.error().kind, ErrorKind::internal);
}

TEST_F(Postgres, ATransactionInsideAnotherIsASavepoint) {
  auto c = open_one();
  ASSERT_TRUE(c->execute_script("CREATE TABLE t (k TEXT PRIMARY KEY)"));
  auto outer = transaction(*c, [](Connection& tx) -> Result<void> {
    STEMNET_TRY_VOID(tx.execute("INSERT INTO t VALUES ($1)", {"a"}));
    auto inner = transaction(tx, [](Connection& t2) -> Result<void> {
      STEMNET_TRY_VOID(t2.execute("INSERT INTO t VALUES ($1)", {"b"}));
      return Error::conflict("undo b only");
    });
    EXPECT_FALSE(inner);
    return transaction(tx, [](Connection& t2) -> Result<void> {
      STEMNET_TRY_VOID(t2.execute("INSERT INTO t VALUES ($1)", {"c"}));
      return ok();
    });
  });
  ASSERT_TRUE(outer) << outer.error().detail;
  auto rows = c->query("SELECT string_agg(k, ',' ORDER BY k) FROM t");
  ASSERT_TRUE(rows);
  EXPECT_EQ((*rows)[0].text(0), "a,c");
}

// A connection the server dropped fails the statement that finds it dropped
// as "unavailable" (503 to a client), and the next statement connects again.
TEST_F(Postgres, ALostConnectionIsUnavailableThenReconnects) {
  auto c = open_one();
  auto killer = open_one();
  auto pid = c->query("SELECT pg_backend_pid()");
  ASSERT_TRUE(pid);
  ASSERT_TRUE(killer->query("SELECT pg_terminate_backend($1)", {(*pid)[0].integer(0)}));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto lost = c->query("SELECT 1");
  ASSERT_FALSE(lost);
  EXPECT_EQ(lost.error().kind, ErrorKind::unavailable) << lost.error().detail;
  auto again = c->query("SELECT 41 + 1");
  ASSERT_TRUE(again) << again.error().detail;
  EXPECT_EQ((*again)[0].integer(0), 42);
}

// Lost inside a transaction: nothing of it is taken as committed, and the
// connection is usable again once the transaction has been unwound.
TEST_F(Postgres, ALostTransactionNeverCommits) {
  auto c = open_one();
  auto killer = open_one();
  ASSERT_TRUE(c->execute_script("CREATE TABLE t (k TEXT PRIMARY KEY)"));
  auto pid = c->query("SELECT pg_backend_pid()");
  ASSERT_TRUE(pid);
  auto r = transaction(*c, [&](Connection& tx) -> Result<void> {
    STEMNET_TRY_VOID(tx.execute("INSERT INTO t VALUES ($1)", {"a"}));
    EXPECT_TRUE(killer->query("SELECT pg_terminate_backend($1)", {(*pid)[0].integer(0)}));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    STEMNET_TRY_VOID(tx.execute("INSERT INTO t VALUES ($1)", {"b"}));
    return ok();
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::unavailable);
  auto rows = c->query("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(rows) << rows.error().detail;
  EXPECT_EQ((*rows)[0].integer(0), 0);
}

// Transactions on different connections (and so different servers) take
// turns, as SQLite's BEGIN IMMEDIATE makes them: the second waits for the first.
TEST_F(Postgres, TransactionsTakeTurns) {
  auto a = open_one();
  auto b = open_one();
  ASSERT_TRUE(a->begin());
  std::atomic<bool> b_began{false};
  std::thread other([&] {
    EXPECT_TRUE(b->begin());
    b_began = true;
    EXPECT_TRUE(b->commit());
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_FALSE(b_began.load());
  ASSERT_TRUE(a->commit());
  other.join();
  EXPECT_TRUE(b_began.load());
}

TEST_F(Postgres, AFailingMigrationLeavesTheDatabaseAsItWas) {
  auto c = open_one();
  std::vector<Migration> ms = {
      {"0001_a", "CREATE TABLE a (x INTEGER);"},
      {"0002_b", "CREATE TABLE b (y TEXT); INSERT INTO nowhere VALUES (1);"}};
  auto r = migrate(*c, ms);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().detail.find("0002_b"), std::string::npos);
  auto applied = applied_migrations(*c);
  ASSERT_TRUE(applied);
  EXPECT_EQ(*applied, std::vector<std::string>{"0001_a"});
  EXPECT_FALSE(c->query("SELECT * FROM b"));
}

TEST_F(Postgres, UnreachableServerIsUnavailableWithoutItsPassword) {
  auto c = postgres::open("postgresql://stemnet:s3cret@%2Fnonexistent:1/nowhere");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(c.error().detail.find("s3cret"), std::string::npos) << c.error().detail;
}

TEST(PostgresOf, TranslatesTypesOutsideQuotesAndComments) {
  EXPECT_EQ(postgresql_of("CREATE TABLE t (n INTEGER NOT NULL, r real, b BLOB, integer_x TEXT "
                          "DEFAULT 'INTEGER') -- REAL stays\n"),
            "CREATE TABLE t (n BIGINT NOT NULL, r DOUBLE PRECISION, b BYTEA, integer_x TEXT "
            "DEFAULT 'INTEGER') -- REAL stays\n");
}

TEST(PostgresRedacted, LeavesPasswordsOut) {
  EXPECT_EQ(postgres::redacted("postgresql://u:pw@db.example.no/stemnet"),
            "postgresql://u:***@db.example.no/stemnet");
  EXPECT_EQ(postgres::redacted("postgresql://db/stemnet?user=u&password=pw&sslmode=require"),
            "postgresql://db/stemnet?user=u&password=***&sslmode=require");
  EXPECT_EQ(postgres::redacted("postgresql://u@db/stemnet"), "postgresql://u@db/stemnet");
}

}  // namespace
}  // namespace stemnet::db
