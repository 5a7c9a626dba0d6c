#include "app/cli.hpp"

#include "app/serve.hpp"

#include <iostream>

namespace stemnet::app {

void add_db_option(CLI::App* cmd, Config& config) {
  cmd->add_option("--db", config.db_url,
                  "database URL: sqlite:PATH or postgresql://[USER@]HOST[:PORT]/DBNAME")
      ->envname("STEMNET_DB")
      ->capture_default_str();
}

int fail(const Error& e) {
  std::cerr << "stemnet: " << e.where_and_what() << "\n";
  return 1;
}

int run_cli(int argc, char** argv) {
  Cli cli;
  auto& app = cli.app;
  app.set_version_flag("--version", std::string("stemnet ") + STEMNET_VERSION);
  app.require_subcommand(1);
  Config& config = cli.config;

  auto* serve_cmd = app.add_subcommand("serve", "serve the API on HTTP until Ctrl-C");
  add_db_option(serve_cmd, config);
  serve_cmd->add_option("--port", config.port, "TCP port (0: any free port)")
      ->envname("STEMNET_PORT")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve_cmd->add_option("--bind", config.bind, "address to listen on")
      ->envname("STEMNET_BIND")
      ->capture_default_str();
  serve_cmd
      ->add_option("--mail-dir", config.mail_dir, "where outgoing mail is written (development)")
      ->envname("STEMNET_MAIL_DIR")
      ->capture_default_str();
  serve_cmd->add_option("--ui", config.ui_dir, "the built front-end to serve ('' for none)")
      ->envname("STEMNET_UI")
      ->capture_default_str();
  serve_cmd
      ->add_option("--public-url", config.public_url, "where people reach stemnet (links in mail)")
      ->envname("STEMNET_PUBLIC_URL");
  serve_cmd
      ->add_option("--smtp", config.smtp_url,
                   "send mail over SMTP: smtp[s]://[user:password@]host[:port] (else --mail-dir)")
      ->envname("STEMNET_SMTP");
  serve_cmd->add_option("--mail-from", config.mail_from, "the From of every mail")
      ->envname("STEMNET_MAIL_FROM")
      ->capture_default_str();
  serve_cmd->add_option("--threads", config.threads, "worker threads (0: one per core)")
      ->envname("STEMNET_THREADS")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  serve_cmd->add_flag("!--no-request-validation", config.validate_requests,
                      "do not check requests against the API document (to measure its cost)");
  serve_cmd->add_flag("--list-routes", config.list_routes,
                      "print every route and whether the API document has it, and every "
                      "documented operation no route serves; exit 1 on any difference");
  serve_cmd->add_option("--cache-mb", config.cache_mb, "the response cache's budget in MiB")
      ->envname("STEMNET_CACHE_MB")
      ->check(CLI::Range(1, 65536))
      ->capture_default_str();
  serve_cmd
      ->add_option("--max-connections-per-client", config.max_connections_per_client,
                   "open connections one client address may hold (raise it behind a proxy)")
      ->envname("STEMNET_MAX_CONNECTIONS_PER_CLIENT")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  serve_cmd
      ->add_option("--hash-threads", config.hash_threads,
                   "threads that hash passwords, off the network threads (0: on them, "
                   "for comparison only)")
      ->envname("STEMNET_HASH_THREADS")
      ->check(CLI::Range(0, 64))
      ->capture_default_str();
  serve_cmd
      ->add_option("--signups-per-hour", config.signups_per_hour,
                   "sign-ups one client address may make in an hour")
      ->envname("STEMNET_SIGNUPS_PER_HOUR")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  serve_cmd
      ->add_option("--resets-per-hour", config.resets_per_hour,
                   "password-reset mails one address may ask for in an hour (a client address: "
                   "four times as many)")
      ->envname("STEMNET_RESETS_PER_HOUR")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  serve_cmd
      ->add_option("--trusted-proxy", config.trusted_proxies,
                   "a reverse proxy's address whose X-Forwarded-For names the client (repeat "
                   "for several); per-client limits then count people, not the proxy")
      ->envname("STEMNET_TRUSTED_PROXIES")
      ->delimiter(',');
  serve_cmd->callback([&cli] { cli.action = [&cli] { return serve(cli.config); }; });

  auto* db_cmd = app.add_subcommand("db", "database administration");
  db_cmd->require_subcommand(1);
  auto* migrate_cmd = db_cmd->add_subcommand("migrate", "apply the migrations not yet applied");
  add_db_option(migrate_cmd, config);
  migrate_cmd->callback([&cli] {
    cli.action = [&cli] {
      int applied = 0;
      auto pool = open_database(cli.config.db_url, 1, &applied);
      if (!pool) return fail(pool.error());
      std::cout << "migrations applied: " << applied << "\n";
      return 0;
    };
  });

  add_db_commands(cli, db_cmd);

  cli.import = app.add_subcommand("import", "load publishers' files into the database");
  cli.import->require_subcommand(1);
  add_registry_commands(cli);
  add_monitor_commands(cli);
  add_jsonstat_commands(cli);
  add_accounts_commands(cli);
  add_demo_commands(cli);
  add_match_command(cli);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version end here with 0; wrong usage says why, exits 2.
    return app.exit(e) == 0 ? 0 : 2;
  }
  return cli.action ? cli.action() : 2;
}

}  // namespace stemnet::app
