#include "app/config.hpp"

#include "core/strings.hpp"
#include "db/migrations.hpp"
#include "db/open/open.hpp"

#include <filesystem>
#include <iostream>

namespace stemnet::app {

std::string public_url_of(const Config& config) {
  if (!config.public_url.empty()) return config.public_url;
  return "http://localhost:" + std::to_string(config.port);
}

Result<std::unique_ptr<db::Pool>> open_database(const std::string& url, std::size_t pool_size,
                                                int* migrations_applied) {
  STEMNET_TRY(auto pool, db::open_pool(url, pool_size));
  STEMNET_TRY(auto conn, pool->acquire());
  STEMNET_TRY(int applied, db::migrate(*conn));
  if (migrations_applied) *migrations_applied = applied;
  // The migration that looks for stored times that are not real times has
  // just run: tell the operator what it found.
  if (applied > 0) report_stored_time_faults(*conn, std::cerr);
  return pool;
}

long report_stored_time_faults(db::Connection& conn, std::ostream& out) {
  auto rows = conn.query(
      "SELECT table_name, row_id, column_name, value FROM stored_time_fault"
      " ORDER BY table_name, row_id, column_name");
  if (!rows || rows->empty()) return 0;
  out << "stemnet: warning: " << rows->size()
      << " stored time(s) are not real times; they are left out of calendars, impact and "
         "rounds until mended (table stored_time_fault):\n";
  std::size_t shown = 0;
  for (const auto& r : *rows) {
    if (++shown > 20) {
      out << "  ...\n";
      break;
    }
    out << "  " << r.text(0) << " " << log_safe(r.text(1)) << " " << r.text(2) << " = '"
        << log_safe(r.text(3)) << "'\n";
  }
  return static_cast<long>(rows->size());
}

}  // namespace stemnet::app
