#include "db/open/backup.hpp"

#include "db/open/open.hpp"
#include "db/postgres/postgres.hpp"
#include "db/sqlite/sqlite.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <vector>

extern char** environ;

namespace stemnet::db {
namespace {

// Runs a client program (pg_dump, pg_restore) with `args`; its messages go
// to stderr as they come.
Result<void> run(const std::vector<std::string>& args, const std::string& url) {
  std::vector<char*> argv;
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (::posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
    return Error::unavailable(args[0] + " is not installed (Debian: postgresql-client-15)");
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return Error::unavailable(args[0] + " failed on " + postgres::redacted(url) +
                              " (its message is above)");
  return ok();
}

// What a file is, by its first bytes.
enum class Kind { missing, sqlite, pg_dump, other };
Kind kind_of(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Kind::missing;
  char head[16] = {};
  in.read(head, sizeof head);
  const std::string h(head, static_cast<std::size_t>(in.gcount()));
  if (h.starts_with(std::string("SQLite format 3\0", 16))) return Kind::sqlite;
  if (h.starts_with("PGDMP")) return Kind::pg_dump;
  return Kind::other;
}

}  // namespace

Result<void> backup(const std::string& url, const std::string& file) {
  if (std::filesystem::exists(file))
    return Error::invalid("FILE", file + " exists already; a backup never overwrites a file");
  if (is_postgresql_url(url))
    return run({"pg_dump", "--format=custom", "--no-owner", "--file=" + file, "--dbname=" + url},
               url);
  STEMNET_TRY(auto pool, open_pool(url, 1));  // a clear error for a bad URL
  (void)pool;
  return sqlite::copy_file(sqlite_path(url).value_or(""), file);
}

Result<void> restore(const std::string& url, const std::string& file) {
  const Kind kind = kind_of(file);
  if (kind == Kind::missing) return Error::invalid("FILE", "cannot read " + file);
  const bool pg = is_postgresql_url(url);
  if (pg && kind != Kind::pg_dump)
    return Error::invalid("FILE",
                          file + " is not a PostgreSQL backup (pg_dump --format=custom)" +
                              std::string(kind == Kind::sqlite ? ": it is a SQLite database; use "
                                                                 "`stemnet db copy` to move it over"
                                                               : ""));
  if (!pg && kind != Kind::sqlite)
    return Error::invalid(
        "FILE", file + " is not a SQLite database" +
                    std::string(kind == Kind::pg_dump ? ": it is a PostgreSQL backup; restore it "
                                                        "into a postgresql:// database"
                                                      : ""));
  if (pg)
    return run({"pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                "--exit-on-error", "--dbname=" + url, file},
               url);
  STEMNET_TRY(auto pool, open_pool(url, 1));
  (void)pool;
  return sqlite::copy_file(file, sqlite_path(url).value_or(""));
}

}  // namespace stemnet::db
