// `stemnet backup FILE`, `stemnet restore FILE` and `stemnet db copy --from
// URL --to URL`: a whole database saved, brought back, or moved to another
// database (SQLite to PostgreSQL when one server is outgrown).
#include "app/cli.hpp"
#include "db/copy.hpp"
#include "db/open/backup.hpp"
#include "db/open/open.hpp"

#include <iostream>

namespace stemnet::app {

void add_db_commands(Cli& cli, CLI::App* db_cmd) {
  static std::string file, from, to;
  auto* backup_cmd = cli.app.add_subcommand(
      "backup",
      "save the whole database into FILE (SQLite: a copy of the file; PostgreSQL: "
      "pg_dump --format=custom), while servers run");
  backup_cmd->add_option("FILE", file, "the backup file to make; never overwritten")->required();
  add_db_option(backup_cmd, cli.config);
  backup_cmd->callback([&cli] {
    cli.action = [&cli] {
      if (auto r = db::backup(cli.config.db_url, file); !r) return fail(r.error());
      std::cout << "backup of " << db::printable_url(cli.config.db_url) << " in " << file << "\n";
      return 0;
    };
  });

  auto* restore_cmd = cli.app.add_subcommand(
      "restore", "replace the database's contents by a backup (stop the servers first)");
  restore_cmd->add_option("FILE", file, "a file made by `stemnet backup`")->required();
  add_db_option(restore_cmd, cli.config);
  restore_cmd->callback([&cli] {
    cli.action = [&cli] {
      if (auto r = db::restore(cli.config.db_url, file); !r) return fail(r.error());
      // A backup from an older stemnet is brought up to this one's migrations.
      int applied = 0;
      auto pool = open_database(cli.config.db_url, 1, &applied);
      if (!pool) return fail(pool.error());
      std::cout << "restored " << file << " into " << db::printable_url(cli.config.db_url)
                << " (migrations applied: " << applied << ")\n";
      return 0;
    };
  });

  auto* copy_cmd = db_cmd->add_subcommand(
      "copy", "copy every row of one database into a new, empty one (e.g. SQLite to PostgreSQL)");
  copy_cmd->add_option("--from", from, "the database to copy (a database URL)")->required();
  copy_cmd->add_option("--to", to, "the new, empty database (a database URL)")->required();
  copy_cmd->callback([&cli] {
    cli.action = [] {
      auto source = open_database(from, 1);
      if (!source) return fail(source.error());
      auto target = open_database(to, 1);
      if (!target) return fail(target.error());
      auto a = (*source)->acquire();
      if (!a) return fail(a.error());
      auto b = (*target)->acquire();
      if (!b) return fail(b.error());
      auto copied = db::copy_all(**a, **b);
      if (!copied) return fail(copied.error());
      long long rows = 0;
      for (const auto& t : *copied) {
        std::cout << t.table << ": " << t.rows << "\n";
        rows += t.rows;
      }
      std::cout << "copied " << rows << " rows in " << copied->size() << " tables from "
                << db::printable_url(from) << " to " << db::printable_url(to) << "\n";
      return 0;
    };
  });
}

}  // namespace stemnet::app
