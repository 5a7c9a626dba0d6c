#include "db/postgres/postgres.hpp"

#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

namespace stemnet::db::postgres {
namespace {

// Type OIDs of the columns read as numbers or bytes (pg_type.dat).
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700,
              kFloat8 = 701, kNumeric = 1700;

// The advisory lock every transaction takes at BEGIN (see the header).
constexpr const char* kBegin = "BEGIN; SELECT pg_advisory_xact_lock(5172026)";

std::string trimmed(const char* message) {
  std::string s = message ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

Error error_from(PGconn* conn, const PGresult* res, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const std::string code = state ? state : "";
  std::string detail =
      std::string(what) + ": " + trimmed(res ? PQresultErrorMessage(res) : PQerrorMessage(conn));
  if (!code.empty()) detail += " (SQLSTATE " + code + ")";
  if (PQstatus(conn) != CONNECTION_OK) return Error::unavailable(detail);
  if (code.starts_with("23"))
    return Error{ErrorKind::conflict, "constraint-violation", "Conflict with stored data", detail};
  // Serialization failures, deadlocks, a lock not had in time, a server
  // shutting down or out of resources, a lost connection: try again later.
  // (08P01 is not one: it is a statement given the wrong parameters.)
  if (code == "40001" || code == "40P01" || code == "55P03" ||
      (code.starts_with("08") && code != "08P01") || code.starts_with("53") ||
      code.starts_with("57P"))
    return Error::unavailable(detail);
  return Error::internal(detail);
}

struct ResultPtr {
  PGresult* r;
  ~ResultPtr() { PQclear(r); }
};

class PgConnection final : public Connection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) { set_up(); }
  ~PgConnection() override { PQfinish(conn_); }

  Result<std::vector<Row>> query(std::string_view sql, const Params& params) override {
    std::vector<Row> rows;
    STEMNET_TRY_VOID(run(sql, params, &rows, nullptr));
    return rows;
  }

  Result<std::int64_t> execute(std::string_view sql, const Params& params) override {
    std::int64_t changed = 0;
    STEMNET_TRY_VOID(run(sql, params, nullptr, &changed));
    return changed;
  }

  Result<void> execute_script(std::string_view sql) override {
    STEMNET_TRY_VOID(usable());
    ResultPtr res{PQexec(conn_, std::string(sql).c_str())};
    const auto status = PQresultStatus(res.r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return failed(res.r, "script");
    return ok();
  }

  // Nested transactions are savepoints, as on SQLite.
  Result<void> begin() override {
    STEMNET_TRY_VOID(
        execute_script(depth_ == 0 ? std::string(kBegin) : "SAVEPOINT s" + std::to_string(depth_)));
    ++depth_;
    return ok();
  }
  Result<void> commit() override {
    if (lost_) return Error::unavailable("the database connection was lost in the transaction");
    if (depth_ <= 1) {
      auto r = execute_script("COMMIT");
      depth_ = 0;
      return r;
    }
    STEMNET_TRY_VOID(execute_script("RELEASE s" + std::to_string(depth_ - 1)));
    --depth_;
    return ok();
  }
  Result<void> rollback() override {
    if (depth_ > 0) --depth_;
    if (lost_) {
      if (depth_ == 0) lost_ = false;  // unwound: the next statement reconnects
      return ok();
    }
    if (depth_ == 0) {
      if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return ok();
      return execute_script("ROLLBACK");
    }
    const std::string name = "s" + std::to_string(depth_);
    STEMNET_TRY_VOID(execute_script("ROLLBACK TO " + name));
    return execute_script("RELEASE " + name);
  }
  std::string_view dialect() const override { return "postgresql"; }

 private:
  void set_up() {
    // NOTICEs ("relation already exists, skipping") are not errors: keep
    // them off stderr.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    ResultPtr res{PQexec(conn_, "SET lock_timeout = '5s'")};
  }

  // The connection, opened again if it was lost outside a transaction.
  Result<void> usable() {
    if (lost_) return Error::unavailable("the database connection was lost in the transaction");
    if (PQstatus(conn_) == CONNECTION_OK) return ok();
    PQreset(conn_);
    prepared_.clear();
    if (PQstatus(conn_) != CONNECTION_OK)
      return Error::unavailable("cannot reach the database: " + trimmed(PQerrorMessage(conn_)));
    set_up();
    return ok();
  }

  Error failed(const PGresult* res, std::string_view what) {
    Error e = error_from(conn_, res, what);
    if (PQstatus(conn_) != CONNECTION_OK) {
      prepared_.clear();
      if (depth_ > 0) lost_ = true;  // the transaction is gone with it
    }
    return e;
  }

  Result<std::string> prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = prepared_.find(key); it != prepared_.end()) return it->second;
    std::string name = "s" + std::to_string(++statements_);
    ResultPtr res{PQprepare(conn_, name.c_str(), key.c_str(), 0, nullptr)};
    if (PQresultStatus(res.r) != PGRES_COMMAND_OK) return failed(res.r, "prepare");
    prepared_.emplace(std::move(key), name);
    return name;
  }

  Result<void> run(std::string_view sql, const Params& params, std::vector<Row>* rows,
                   std::int64_t* changed) {
    STEMNET_TRY_VOID(usable());
    STEMNET_TRY(std::string name, prepare(sql));
    const int n = static_cast<int>(params.size());
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<int> lengths(params.size(), 0), formats(params.size(), 0);
    for (std::size_t k = 0; k < params.size(); ++k) {
      const Value& v = params[k];
      if (v.is_null()) continue;
      if (v.is_bytes()) {
        values[k] = v.bytes().data();
        lengths[k] = static_cast<int>(v.bytes().size());
        formats[k] = 1;
        continue;
      }
      texts[k] = v.is_text() ? v.text() : v.to_string();
      values[k] = texts[k].c_str();
    }
    ResultPtr res{
        PQexecPrepared(conn_, name.c_str(), n, values.data(), lengths.data(), formats.data(), 0)};
    const auto status = PQresultStatus(res.r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return failed(res.r, "statement");
    if (changed) {
      const char* count = PQcmdTuples(res.r);
      *changed = (count && *count) ? std::strtoll(count, nullptr, 10) : 0;
    }
    if (!rows) return ok();
    const int tuples = PQntuples(res.r), fields = PQnfields(res.r);
    rows->reserve(static_cast<std::size_t>(tuples));
    auto names = std::make_shared<std::vector<std::string>>();
    for (int f = 0; f < fields; ++f) names->emplace_back(PQfname(res.r, f));
    for (int t = 0; t < tuples; ++t) {
      std::vector<Value> row;
      row.reserve(static_cast<std::size_t>(fields));
      for (int f = 0; f < fields; ++f) row.push_back(value_at(res.r, t, f));
      rows->emplace_back(std::move(row), names);
    }
    return ok();
  }

  static Value value_at(const PGresult* res, int t, int f) {
    if (PQgetisnull(res, t, f)) return {};
    const char* text = PQgetvalue(res, t, f);
    switch (PQftype(res, f)) {
      case kInt2:
      case kInt4:
      case kInt8:
      case kOid:
        return static_cast<std::int64_t>(std::strtoll(text, nullptr, 10));
      case kFloat4:
      case kFloat8:
      case kNumeric:
        return std::strtod(text, nullptr);
      case kBool:
        return text[0] == 't';
      case kBytea: {
        std::size_t size = 0;
        unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &size);
        Bytes b{raw ? std::string(reinterpret_cast<const char*>(raw), size) : std::string()};
        PQfreemem(raw);
        return b;
      }
      default:
        return std::string(text, static_cast<std::size_t>(PQgetlength(res, t, f)));
    }
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL text -> statement name
  long statements_ = 0;
  int depth_ = 0;      // transactions open: 1 the outer one, more its savepoints
  bool lost_ = false;  // the connection dropped inside a transaction not yet unwound
};

}  // namespace

Result<std::unique_ptr<Connection>> open(const std::string& url) {
  // A server that does not answer within 5 s is down; the URL may say otherwise.
  const char* keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
  const char* values[] = {"5", "stemnet", url.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, 1);
  if (!conn) return Error::unavailable("cannot connect to " + redacted(url) + ": out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    Error e = Error::unavailable("cannot connect to " + redacted(url) + ": " +
                                 trimmed(PQerrorMessage(conn)));
    PQfinish(conn);
    return e;
  }
  return std::unique_ptr<Connection>(std::make_unique<PgConnection>(conn));
}

std::unique_ptr<Pool> pool(const std::string& url, std::size_t max_size) {
  return std::make_unique<Pool>([url] { return open(url); }, max_size);
}

std::string redacted(const std::string& url) {
  std::string out = url;
  // postgresql://user:secret@host → postgresql://user:***@host
  if (auto scheme = out.find("://"); scheme != std::string::npos) {
    auto at = out.find('@', scheme + 3);
    auto colon = out.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at)
      out.replace(colon + 1, at - colon - 1, "***");
  }
  // ...?password=secret&... → password=***
  for (auto p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
    auto end = out.find('&', p);
    out.replace(p + 9, (end == std::string::npos ? out.size() : end) - p - 9, "***");
  }
  return out;
}

}  // namespace stemnet::db::postgres
