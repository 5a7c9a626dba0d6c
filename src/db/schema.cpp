#include "db/schema.hpp"

#include <algorithm>
#include <set>

namespace stemnet::db {

Result<std::vector<std::string>> tables(Connection& conn) {
  const bool pg = conn.dialect() == "postgresql";
  STEMNET_TRY(auto rows,
              conn.query(pg ? "SELECT table_name FROM information_schema.tables"
                              " WHERE table_schema = current_schema()"
                              " AND table_type = 'BASE TABLE' ORDER BY table_name"
                            : "SELECT name FROM sqlite_master WHERE type = 'table'"
                              " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"));
  std::vector<std::string> out;
  for (const auto& r : rows) {
    const std::string& name = r.text(0);
    if (name == "offer_search" || name.starts_with("offer_search_")) continue;
    out.push_back(name);
  }
  return out;
}

Result<std::vector<std::string>> columns(Connection& conn, const std::string& table) {
  const bool pg = conn.dialect() == "postgresql";
  STEMNET_TRY(auto rows,
              conn.query(pg ? "SELECT column_name FROM information_schema.columns"
                              " WHERE table_schema = current_schema() AND table_name = $1"
                              " AND is_generated = 'NEVER' ORDER BY ordinal_position"
                            : "SELECT name FROM pragma_table_info($1) ORDER BY cid",
                         {table}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.text(0));
  return out;
}

Result<std::vector<ForeignKey>> foreign_keys(Connection& conn) {
  std::vector<ForeignKey> out;
  if (conn.dialect() == "postgresql") {
    STEMNET_TRY(auto rows, conn.query("SELECT cl.relname, a.attname, rcl.relname, ra.attname"
                                      " FROM pg_constraint c"
                                      " JOIN pg_class cl ON cl.oid = c.conrelid"
                                      " JOIN pg_class rcl ON rcl.oid = c.confrelid"
                                      " JOIN pg_attribute a ON a.attrelid = c.conrelid"
                                      "  AND a.attnum = c.conkey[1]"
                                      " JOIN pg_attribute ra ON ra.attrelid = c.confrelid"
                                      "  AND ra.attnum = c.confkey[1]"
                                      " WHERE c.contype = 'f'"
                                      " AND cl.relnamespace = current_schema()::regnamespace"
                                      " ORDER BY 1, 2"));
    for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.text(2), r.text(3)});
    return out;
  }
  STEMNET_TRY(auto names, tables(conn));
  for (const auto& t : names) {
    STEMNET_TRY(auto rows, conn.query("SELECT \"table\", \"from\", \"to\""
                                      " FROM pragma_foreign_key_list($1) ORDER BY id, seq",
                                      {t}));
    for (const auto& r : rows) out.push_back({t, r.text(1), r.text(0), r.text(2)});
  }
  return out;
}

Result<std::vector<std::string>> in_dependency_order(Connection& conn,
                                                     std::vector<std::string> names) {
  STEMNET_TRY(auto keys, foreign_keys(conn));
  std::vector<std::string> out;
  std::set<std::string> placed;
  const std::set<std::string> wanted(names.begin(), names.end());
  while (!names.empty()) {
    auto ready = std::find_if(names.begin(), names.end(), [&](const std::string& t) {
      return std::none_of(keys.begin(), keys.end(), [&](const ForeignKey& k) {
        return k.table == t && k.references != t && wanted.contains(k.references) &&
               !placed.contains(k.references);
      });
    });
    if (ready == names.end()) return Error::internal("the tables' foreign keys form a cycle");
    placed.insert(*ready);
    out.push_back(*ready);
    names.erase(ready);
  }
  return out;
}

}  // namespace stemnet::db
