#include "app/config.hpp"

#include "db/migrations.hpp"
#include "db/sqlite/sqlite.hpp"

#include <filesystem>

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
  return pool;
}

}  // namespace stemnet::app
