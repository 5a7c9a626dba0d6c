// db/database.hpp — the small database interface that features use.
//
// SQL is written once, in the subset that both SQLite and PostgreSQL accept,
// with numbered parameters $1, $2, ... . Statements are prepared once per
// connection and cached by their text. No feature includes a driver header.
//
// Example:
//   auto lease = pool.acquire();                 // a connection from the pool
//   auto rows = lease->query("SELECT name FROM county WHERE number = $1", {"03"});
//   if (!rows) return rows.error();
//   for (const Row& r : *rows) std::string name = r.text(0);
//
//   auto done = transaction(*lease, [&](Connection& c) -> Result<void> {
//     STEMNET_TRY_VOID(c.execute("INSERT ...", {...}));
//     return ok();                                // anything else rolls back
//   });
#pragma once

#include "core/result.hpp"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace stemnet::db {

// Bytes that are not text (a picture, a PDF): a BLOB, never read as UTF-8.
struct Bytes {
  std::string data;
};

// A parameter or a column value: NULL, an integer, a real, text or bytes.
class Value {
 public:
  Value() = default;
  Value(std::nullptr_t) {}  // NOLINT
  template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>, int> = 0>
  Value(I i) : v_(static_cast<std::int64_t>(i)) {}             // NOLINT
  Value(bool b) : v_(static_cast<std::int64_t>(b ? 1 : 0)) {}  // NOLINT
  Value(double d) : v_(d) {}                                   // NOLINT
  Value(std::string s) : v_(std::move(s)) {}                   // NOLINT
  Value(std::string_view s) : v_(std::string(s)) {}            // NOLINT
  Value(const char* s) : v_(std::string(s)) {}                 // NOLINT
  Value(Bytes b) : v_(std::move(b)) {}                         // NOLINT
  template <class T>
  Value(const std::optional<T>& o) {  // NOLINT
    if (o) *this = Value(*o);
  }

  bool is_null() const { return v_.index() == 0; }
  bool is_integer() const { return v_.index() == 1; }
  bool is_real() const { return v_.index() == 2; }
  bool is_text() const { return v_.index() == 3; }
  bool is_bytes() const { return v_.index() == 4; }
  std::int64_t integer() const;      // a real is truncated; text/NULL give 0
  double real() const;               // an integer is widened; text/NULL give 0
  const std::string& text() const;   // empty for non-text
  const std::string& bytes() const;  // a BLOB's bytes (text too); empty otherwise
  std::string to_string() const;     // for messages and tests

 private:
  std::variant<std::monostate, std::int64_t, double, std::string, Bytes> v_;
};

using Params = std::vector<Value>;

// One result row; columns by 0-based position in the SELECT list, or by name
// (the column's name or its AS alias): r.at("title").text().
class Row {
 public:
  using Names = std::shared_ptr<const std::vector<std::string>>;
  explicit Row(std::vector<Value> values, Names names = {})
      : values_(std::move(values)), names_(std::move(names)) {}
  std::size_t size() const { return values_.size(); }
  const Value& operator[](std::size_t i) const { return values_.at(i); }
  // The column named `name`; throws std::out_of_range when the query has none
  // (a mistake in the code, like a position past the end).
  const Value& at(std::string_view name) const;
  bool is_null(std::size_t i) const { return values_.at(i).is_null(); }
  std::int64_t integer(std::size_t i) const { return values_.at(i).integer(); }
  double real(std::size_t i) const { return values_.at(i).real(); }
  const std::string& text(std::size_t i) const { return values_.at(i).text(); }
  const std::string& bytes(std::size_t i) const { return values_.at(i).bytes(); }
  std::optional<std::int64_t> opt_integer(std::size_t i) const;
  std::optional<double> opt_real(std::size_t i) const;
  std::optional<std::string> opt_text(std::size_t i) const;

 private:
  std::vector<Value> values_;
  Names names_;  // shared by every row of one result
};

class Connection {
 public:
  virtual ~Connection() = default;
  // Runs one statement and returns its rows. Fails with ErrorKind::conflict
  // on a constraint violation, ErrorKind::unavailable when the database is
  // busy or gone, ErrorKind::internal for malformed SQL.
  virtual Result<std::vector<Row>> query(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement; returns the number of rows it changed.
  virtual Result<std::int64_t> execute(std::string_view sql, const Params& params = {}) = 0;
  // Runs several ;-separated statements without parameters (migrations).
  virtual Result<void> execute_script(std::string_view sql) = 0;
  virtual Result<void> begin() = 0;
  virtual Result<void> commit() = 0;
  virtual Result<void> rollback() = 0;
  // "sqlite" or "postgresql", for the rare statement that must differ.
  virtual std::string_view dialect() const = 0;
};

// Runs fn(conn) in a transaction: commits when it returns a value, rolls back
// when it returns an error (or throws) and passes the error on.
template <class F>
auto transaction(Connection& conn, F&& fn) -> decltype(fn(conn)) {
  if (auto b = conn.begin(); !b) return std::move(b).error();
  try {
    auto result = fn(conn);
    if (!result) {
      (void)conn.rollback();
      return result;
    }
    if (auto c = conn.commit(); !c) {
      (void)conn.rollback();
      return std::move(c).error();
    }
    return result;
  } catch (...) {
    (void)conn.rollback();
    throw;
  }
}

// A pool of connections to one database, safe to share between threads.
class Pool {
 public:
  using Factory = std::function<Result<std::unique_ptr<Connection>>()>;

  // `max_size` connections at most; acquire() waits when all are in use.
  Pool(Factory factory, std::size_t max_size);
  ~Pool();

  class Lease {
   public:
    Lease(Pool* pool, std::unique_ptr<Connection> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = default;
    ~Lease();
    Connection& operator*() { return *conn_; }
    Connection* operator->() { return conn_.get(); }

   private:
    Pool* pool_;
    std::unique_ptr<Connection> conn_;
  };

  // A connection for the caller's exclusive use until the lease ends. Fails
  // with ErrorKind::unavailable when a new connection cannot be opened.
  Result<Lease> acquire();

 private:
  void give_back(std::unique_ptr<Connection> conn);

  Factory factory_;
  std::size_t max_size_;
  std::size_t open_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace stemnet::db
