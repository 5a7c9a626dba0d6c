#include "app/config.hpp"

#include "core/strings.hpp"
#include "db/migrations.hpp"
#include "db/sqlite/sqlite.hpp"

#include <filesystem>
#include <iostream>

namespace stemnet::app {

std::string public_url_of(const Config& config) {
  if (!config.public_url.empty()) return config.public_url;
  return "http://localhost:" + std::to_string(config.port);
}

Result<std::unique_ptr<db::Pool>> open_database(const std::string& url, std::size_t pool_size,
                                                int* migrations_applied) {
  std::string path;
  if (url.starts_with("sqlite://")) {
    path = url.substr(9);
  } else if (url.starts_with("sqlite:")) {
    path = url.substr(7);
  } else if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return Error{ErrorKind::invalid_input, "unsupported-database", "Unsupported database",
                 "the PostgreSQL driver is not part of this build yet; use sqlite:PATH", "db"};
  } else {
    return Error::invalid(
        "db", "a database URL starts with sqlite: (e.g. sqlite:var/stemnet.db), got '" + url + "'");
  }
  if (path.empty()) return Error::invalid("db", "sqlite: needs a file path or :memory:");
  if (path != ":memory:") {
    std::error_code ec;
    auto folder = std::filesystem::path(path).parent_path();
    if (!folder.empty()) std::filesystem::create_directories(folder, ec);
    if (ec)
      return Error::unavailable("cannot create folder " + folder.string() + ": " + ec.message());
  }
  auto pool = db::sqlite::pool(path, pool_size);
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
