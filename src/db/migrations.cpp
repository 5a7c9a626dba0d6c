#include "db/migrations.hpp"

#include "core/clock.hpp"

#include <algorithm>
#include <cctype>

namespace stemnet::db {

std::string postgresql_of(std::string_view sql) {
  static const std::pair<std::string_view, std::string_view> kWords[] = {
      {"INTEGER", "BIGINT"}, {"REAL", "DOUBLE PRECISION"}, {"BLOB", "BYTEA"}};
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  std::string out;
  out.reserve(sql.size() + 64);
  std::size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {  // a literal or a quoted name, copied whole
      const std::size_t end = sql.find(c, i + 1);
      const std::size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
      out.append(sql.substr(i, stop - i));
      i = stop;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {  // a comment
      const std::size_t end = sql.find('\n', i);
      const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop;
    } else if (word_char(c)) {
      std::size_t end = i;
      while (end < sql.size() && word_char(sql[end])) ++end;
      std::string_view word = sql.substr(i, end - i);
      std::string_view replaced = word;
      for (const auto& [from, to] : kWords) {
        if (word.size() == from.size() &&
            std::equal(word.begin(), word.end(), from.begin(), [](char a, char b) {
              return std::toupper(static_cast<unsigned char>(a)) == b;
            }))
          replaced = to;
      }
      out.append(replaced);
      i = end;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

Result<std::vector<std::string>> applied_migrations(Connection& conn) {
  STEMNET_TRY(auto rows, conn.query("SELECT name FROM schema_migration ORDER BY name"));
  std::vector<std::string> names;
  for (const auto& r : rows) names.push_back(r.text(0));
  return names;
}

Result<int> migrate(Connection& conn, const std::vector<Migration>& migrations) {
  STEMNET_TRY_VOID(
      conn.execute_script("CREATE TABLE IF NOT EXISTS schema_migration ("
                          " name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"));
  const bool postgresql = conn.dialect() == "postgresql";
  struct Unlock {
    Connection* c;
    ~Unlock() {
      if (c) (void)c->execute_script("SELECT pg_advisory_unlock(5172027)");
    }
  } unlock{nullptr};
  if (postgresql) {
    STEMNET_TRY_VOID(conn.execute_script("SELECT pg_advisory_lock(5172027)"));
    unlock.c = &conn;
  }
  STEMNET_TRY(auto done, applied_migrations(conn));
  int applied = 0;
  for (const auto& m : migrations) {
    if (std::find(done.begin(), done.end(), m.name) != done.end()) continue;
    auto r = transaction(conn, [&](Connection& c) -> Result<void> {
      STEMNET_TRY_VOID(c.execute_script(!postgresql             ? m.sql
                                        : !m.postgresql.empty() ? m.postgresql
                                                                : postgresql_of(m.sql)));
      STEMNET_TRY_VOID(c.execute("INSERT INTO schema_migration (name, applied_at) VALUES ($1, $2)",
                                 {m.name, utc_now_iso()}));
      return ok();
    });
    if (!r) {
      Error e = std::move(r).error();
      e.detail = "migration " + m.name + " failed: " + e.detail;
      return e;
    }
    ++applied;
  }
  return applied;
}

}  // namespace stemnet::db
