#include "db/sqlite/sqlite.hpp"

#include <sqlite3.h>

#include <string_view>
#include <unordered_map>

namespace stemnet::db::sqlite {
namespace {

Error error_from(sqlite3* db, int rc, std::string_view what) {
  std::string detail = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      return Error{ErrorKind::conflict, "constraint-violation", "Conflict with stored data",
                   detail};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
      return Error::unavailable(detail);
    default:
      return Error::internal(detail);
  }
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Result<std::vector<Row>> query(std::string_view sql, const Params& params) override {
    std::vector<Row> rows;
    auto r = run(sql, params, &rows);
    if (!r) return std::move(r).error();
    return rows;
  }

  Result<std::int64_t> execute(std::string_view sql, const Params& params) override {
    auto r = run(sql, params, nullptr);
    if (!r) return std::move(r).error();
    return static_cast<std::int64_t>(sqlite3_changes64(db_));
  }

  Result<void> execute_script(std::string_view sql) override {
    char* msg = nullptr;
    std::string text(sql);
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &msg);
    if (rc != SQLITE_OK) {
      std::string detail = msg ? msg : sqlite3_errstr(rc);
      sqlite3_free(msg);
      Error e = error_from(nullptr, rc, "script");
      e.detail = detail;
      return e;
    }
    return ok();
  }

  // A transaction begun inside another is a savepoint: it commits into the
  // outer one, and rolling it back undoes only its own changes. (One caller
  // runs many services' changes as one transaction: `stemnet demo seed`.)
  Result<void> begin() override {
    if (depth_ == 0) {
      STEMNET_TRY_VOID(execute_script("BEGIN IMMEDIATE"));
    } else {
      STEMNET_TRY_VOID(execute_script("SAVEPOINT s" + std::to_string(depth_)));
    }
    ++depth_;
    return ok();
  }
  Result<void> commit() override {
    if (depth_ <= 1) {
      STEMNET_TRY_VOID(execute_script("COMMIT"));
      depth_ = 0;
      return ok();
    }
    STEMNET_TRY_VOID(execute_script("RELEASE s" + std::to_string(depth_ - 1)));
    --depth_;
    return ok();
  }
  Result<void> rollback() override {
    if (depth_ <= 1) {
      depth_ = 0;
      if (sqlite3_get_autocommit(db_)) return ok();  // nothing open
      return execute_script("ROLLBACK");
    }
    const std::string name = "s" + std::to_string(depth_ - 1);
    --depth_;
    STEMNET_TRY_VOID(execute_script("ROLLBACK TO " + name));
    return execute_script("RELEASE " + name);
  }
  std::string_view dialect() const override { return "sqlite"; }

 private:
  int depth_ = 0;  // transactions open: 1 the outer one, more its savepoints
  Result<sqlite3_stmt*> prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return error_from(db_, rc, "prepare");
    cache_.emplace(std::move(key), stmt);
    return stmt;
  }

  Result<void> bind(sqlite3_stmt* stmt, const Params& params) {
    const int count = sqlite3_bind_parameter_count(stmt);
    if (static_cast<int>(params.size()) != count) {
      return Error::internal("statement takes " + std::to_string(count) + " parameters, given " +
                             std::to_string(params.size()));
    }
    for (std::size_t k = 0; k < params.size(); ++k) {
      // Parameters are written $1..$N, as PostgreSQL wants them; SQLite
      // treats "$1" as a name, so look its position up.
      const std::string name = "$" + std::to_string(k + 1);
      int idx = sqlite3_bind_parameter_index(stmt, name.c_str());
      if (idx == 0) return Error::internal("statement has no parameter " + name);
      const Value& v = params[k];
      int rc = SQLITE_OK;
      if (v.is_null())
        rc = sqlite3_bind_null(stmt, idx);
      else if (v.is_integer())
        rc = sqlite3_bind_int64(stmt, idx, v.integer());
      else if (v.is_real())
        rc = sqlite3_bind_double(stmt, idx, v.real());
      else if (v.is_bytes())
        rc = sqlite3_bind_blob64(stmt, idx, v.bytes().data(), v.bytes().size(), SQLITE_TRANSIENT);
      else
        rc = sqlite3_bind_text(stmt, idx, v.text().data(), static_cast<int>(v.text().size()),
                               SQLITE_TRANSIENT);
      if (rc != SQLITE_OK) return error_from(db_, rc, "bind " + name);
    }
    return ok();
  }

  Result<void> run(std::string_view sql, const Params& params, std::vector<Row>* rows) {
    STEMNET_TRY(sqlite3_stmt * stmt, prepare(sql));
    struct Reset {
      sqlite3_stmt* s;
      ~Reset() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } reset{stmt};
    STEMNET_TRY_VOID(bind(stmt, params));
    const int columns = sqlite3_column_count(stmt);
    Row::Names names;
    if (rows) {
      auto list = std::make_shared<std::vector<std::string>>();
      for (int c = 0; c < columns; ++c) list->emplace_back(sqlite3_column_name(stmt, c));
      names = std::move(list);
    }
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) return ok();
      if (rc != SQLITE_ROW) return error_from(db_, rc, "step");
      if (!rows) continue;
      std::vector<Value> values;
      values.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_INTEGER:
            values.emplace_back(sqlite3_column_int64(stmt, c));
            break;
          case SQLITE_FLOAT:
            values.emplace_back(sqlite3_column_double(stmt, c));
            break;
          case SQLITE_NULL:
            values.emplace_back();
            break;
          case SQLITE_BLOB: {
            const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, c));
            const int n = sqlite3_column_bytes(stmt, c);
            values.emplace_back(Bytes{p ? std::string(p, static_cast<std::size_t>(n)) : ""});
            break;
          }
          default: {
            const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            values.emplace_back(std::string(p, sqlite3_column_bytes(stmt, c)));
          }
        }
      }
      rows->emplace_back(std::move(values), names);
    }
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace

Result<std::unique_ptr<Connection>> open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Error e = error_from(db, rc, "cannot open database " + path);
    sqlite3_close_v2(db);
    return e;
  }
  auto conn = std::make_unique<SqliteConnection>(db);
  sqlite3_busy_timeout(db, 5000);
  const bool memory = path == ":memory:" || path.empty();
  std::string pragmas = "PRAGMA foreign_keys = ON;";
  if (!memory) pragmas += "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
  if (auto r = conn->execute_script(pragmas); !r) return std::move(r).error();
  return std::unique_ptr<Connection>(std::move(conn));
}

std::unique_ptr<Pool> pool(const std::string& path, std::size_t max_size) {
  if (path == ":memory:" || path.empty()) max_size = 1;
  return std::make_unique<Pool>([path] { return open(path); }, max_size);
}

Result<void> copy_file(const std::string& from, const std::string& to) {
  sqlite3* src = nullptr;
  sqlite3* dst = nullptr;
  struct Close {
    sqlite3*& a;
    sqlite3*& b;
    ~Close() {
      sqlite3_close_v2(a);
      sqlite3_close_v2(b);
    }
  } close{src, dst};
  int rc = sqlite3_open_v2(from.c_str(), &src, SQLITE_OPEN_READONLY, nullptr);
  if (rc != SQLITE_OK) return error_from(src, rc, "cannot open " + from);
  rc = sqlite3_open_v2(to.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) return error_from(dst, rc, "cannot open " + to);
  sqlite3_busy_timeout(dst, 5000);
  sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
  if (!b) return error_from(dst, sqlite3_errcode(dst), "backup " + from + " to " + to);
  // Steps of 1 000 pages, so that writers on `from` get their turns.
  do {
    rc = sqlite3_backup_step(b, 1000);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return error_from(dst, rc, "backup " + from + " to " + to);
  return ok();
}

}  // namespace stemnet::db::sqlite
