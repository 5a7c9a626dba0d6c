// app/config.hpp — where configuration comes from (flags, then STEMNET_*
// environment variables, then defaults) and opening the database it names.
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace stemnet::app {

struct Config {
  std::string db_url = "sqlite:var/stemnet.db";  // STEMNET_DB
  std::string bind = "127.0.0.1";                // STEMNET_BIND
  int port = 8080;                               // STEMNET_PORT
  int threads = 0;                               // STEMNET_THREADS; 0 = one per core
  std::string ui_dir = "ui/dist";  // STEMNET_UI: the built front-end; "" serves the API only
  std::string public_url;  // STEMNET_PUBLIC_URL: where people reach stemnet (links in mail);
                           // "" means http://localhost:<port>
  std::string smtp_url;    // STEMNET_SMTP: smtp[s]://[user:password@]host[:port]; "" = mail_dir
  std::string mail_from = "stemnet <ikke-svar@stemnet.no>";  // STEMNET_MAIL_FROM
  std::string mail_dir = "var/mail";  // STEMNET_MAIL_DIR: outgoing mail as .eml (development)
  bool validate_requests = true;      // --no-request-validation: for the benchmark of its cost only
  bool list_routes = false;           // --list-routes: print routes against the API document, exit
  int cache_mb = 64;                  // STEMNET_CACHE_MB: the response cache's budget in MiB
  int max_connections_per_client = 256;  // STEMNET_MAX_CONNECTIONS_PER_CLIENT
  int hash_threads = 2;       // STEMNET_HASH_THREADS: password hashing (argon2id, 64 MiB) runs here
  int signups_per_hour = 20;  // STEMNET_SIGNUPS_PER_HOUR: per client address
  int resets_per_hour = 5;    // STEMNET_RESETS_PER_HOUR: per e-mail address (x4 per client)
  // STEMNET_TRUSTED_PROXIES: reverse proxies whose X-Forwarded-For names the client
  std::vector<std::string> trusted_proxies;
};

// Where people reach stemnet: public_url, or http://localhost:<port>.
std::string public_url_of(const Config& config);

// Opens the database a URL names and brings its schema up to date:
//   sqlite:PATH (the folder is created), sqlite::memory:
//   postgresql://... is reserved for the PostgreSQL driver (not built yet).
// Fails with ErrorKind::invalid_input for an unknown scheme and
// ErrorKind::unavailable when the database cannot be opened or migrated.
Result<std::unique_ptr<db::Pool>> open_database(const std::string& url, std::size_t pool_size,
                                                int* migrations_applied = nullptr);

// Writes the stored times that migration 0012 found not to be real times
// (table stored_time_fault) to `out`; returns how many there are.
long report_stored_time_faults(db::Connection& conn, std::ostream& out);

}  // namespace stemnet::app
