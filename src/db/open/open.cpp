#include "db/open/open.hpp"

#include "db/postgres/postgres.hpp"
#include "db/sqlite/sqlite.hpp"

#include <filesystem>

namespace stemnet::db {

std::optional<std::string> sqlite_path(const std::string& url) {
  if (url.starts_with("sqlite://")) return url.substr(9);
  if (url.starts_with("sqlite:")) return url.substr(7);
  return std::nullopt;
}

bool is_postgresql_url(const std::string& url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

std::string printable_url(const std::string& url) {
  return is_postgresql_url(url) ? postgres::redacted(url) : url;
}

Result<std::unique_ptr<Pool>> open_pool(const std::string& url, std::size_t max_size) {
  std::unique_ptr<Pool> pool;
  if (is_postgresql_url(url)) {
    pool = postgres::pool(url, max_size);
  } else {
    const std::optional<std::string> file = sqlite_path(url);
    if (!file) {
      return Error::invalid(
          "db",
          "a database URL starts with sqlite: (e.g. sqlite:var/stemnet.db) or "
          "postgresql:// (e.g. postgresql://stemnet@db.example.no/stemnet), got '" +
              url + "'");
    }
    const std::string& path = *file;
    if (path.empty()) return Error::invalid("db", "sqlite: needs a file path or :memory:");
    if (path != ":memory:") {
      std::error_code ec;
      auto folder = std::filesystem::path(path).parent_path();
      if (!folder.empty()) std::filesystem::create_directories(folder, ec);
      if (ec)
        return Error::unavailable("cannot create folder " + folder.string() + ": " + ec.message());
    }
    pool = sqlite::pool(path, max_size);
  }
  STEMNET_TRY(auto probe, pool->acquire());
  (void)probe;
  return pool;
}

}  // namespace stemnet::db
