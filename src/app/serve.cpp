#include "app/serve.hpp"

#include "app/compute.hpp"

#include "accounts/routes.hpp"
#include "api/contract.hpp"
#include "api/openapi.hpp"
#include "booking/routes.hpp"
#include "catalogue/routes.hpp"
#include "http/errors.hpp"
#include "http/forwarded.hpp"
#include "http/json.hpp"
#include "http/security_headers.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "matching/routes.hpp"
#include "monitor/routes.hpp"
#include "notify/routes.hpp"
#include "organisations/routes.hpp"
#include "registry/routes.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <optional>
#include <thread>

namespace stemnet::app {
namespace {

void add_operations(http::Router& router, http::Metrics& metrics, registry::Service& registry) {
  router.get("/healthz", [](const http::Request&, const http::PathParams&) {
    return http::json(200, boost::json::object{{"status", "ok"}});
  });
  router.get(
      "/readyz",
      [&registry](const http::Request&, const http::PathParams&) -> Result<http::Response> {
        if (auto r = registry.ready(); !r) {
          return http::errors::not_ready("the database does not answer: " + r.error().detail);
        }
        return http::json(200, boost::json::object{{"status", "ready"}});
      });
  router.get("/metrics", [&metrics](const http::Request&, const http::PathParams&) {
    return http::Response::text(200, metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
  });
  router.get("/api/v1", [](const http::Request&, const http::PathParams&) {
    boost::json::array links;
    for (const char* path : {"/api/v1/counties",
                             "/api/v1/municipalities",
                             "/api/v1/municipalities/{number}",
                             "/api/v1/schools",
                             "/api/v1/schools/{orgnr}",
                             "/api/v1/institutions",
                             "/api/v1/boundaries/{counties|municipalities}",
                             "/api/v1/indicators",
                             "/api/v1/indicators/{id}",
                             "/api/v1/indicators/{id}/data",
                             "/api/v1/areas/{code}/profile",
                             "/api/v1/jsonstat/validate",
                             "/api/v1/auth/login",
                             "/api/v1/me",
                             "/api/v1/organisations",
                             "/api/v1/organisations/{id}/impact",
                             "/api/v1/offers",
                             "/api/v1/offers/{id}/slots",
                             "/api/v1/requests",
                             "/api/v1/open-requests",
                             "/api/v1/rounds",
                             "/api/v1/gaps",
                             "/api/v1/me/notifications",
                             "/api/v1/unsubscribe/{token}",
                             "/api/v1/bookings/{id}.ics",
                             "/api/v1/calendar"}) {
      links.emplace_back(path);
    }
    return http::json(200, boost::json::object{{"name", "stemnet"},
                                               {"version", STEMNET_VERSION},
                                               {"resources", std::move(links)},
                                               {"openapi", "/api/v1/openapi.json"},
                                               {"documentation", "/api/docs"}});
  });
  router.get("/api/v1/openapi.json",
             [](const http::Request&, const http::PathParams&) {
               return http::Response::json(200, api::document_text());
             },
             {.cache_for = std::chrono::seconds(300)});
}

// The API reference page: Swagger UI over /api/v1/openapi.json, built with the
// front-end (ui/api-docs.html -> dist/api-docs.html).
void add_reference(http::Router& router, const std::optional<http::StaticFiles>& ui) {
  router.get("/api/docs",
             [&ui](const http::Request& req, const http::PathParams&) -> Result<http::Response> {
               if (ui) {
                 if (auto page = ui->file("/api-docs.html", req)) return std::move(*page);
               }
               return Error::not_found(
                   "the API reference is built with the front-end (make ui) and served with "
                   "--ui; the document itself is at /api/v1/openapi.json");
             });
}

// Prints every route with whether the document has it, and every documented
// operation no route serves. True when the two agree.
bool list_routes(const http::Router& router, const api::Contract& contract, std::ostream& out) {
  const auto routed = router.routes();
  const auto documented = contract.operations();
  bool agree = true;
  for (const auto& route : routed) {
    const bool known = std::find(documented.begin(), documented.end(), route) != documented.end();
    agree = agree && known;
    out << (known ? "documented  " : "UNDOCUMENTED ") << http::method_name(route.first) << " "
        << route.second << "\n";
  }
  for (const auto& op : documented) {
    if (std::find(routed.begin(), routed.end(), op) == routed.end()) {
      agree = false;
      out << "NOT ROUTED  " << http::method_name(op.first) << " " << op.second << "\n";
    }
  }
  return agree;
}

}  // namespace

int serve(const Config& config) {
  const int threads = config.threads > 0
                          ? config.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  auto pool = open_database(config.db_url, static_cast<std::size_t>(threads) + 1);
  if (!pool) {
    std::cerr << "stemnet: " << pool.error().where_and_what() << "\n";
    return 1;
  }
  if (auto conn = (*pool)->acquire()) report_stored_time_faults(**conn, std::cerr);
  registry::Store registry_store(**pool);
  registry::Service registry_service(registry_store);

  // The front-end's built files (ui/dist), when asked for: its pages, and the
  // API reference at /api/docs.
  std::optional<http::StaticFiles> ui;
  if (!config.ui_dir.empty()) {
    if (auto files = http::StaticFiles::load(config.ui_dir)) {
      ui = std::move(*files);
    } else {
      std::cout << "stemnet: " << files.error().detail << "; serving the API only" << std::endl;
    }
  }

  http::Router router;
  router.set_cache_bytes(static_cast<std::size_t>(config.cache_mb) << 20);
  http::Metrics metrics;
  add_operations(router, metrics, registry_service);
  add_reference(router, ui);
  registry::add_routes(router, registry_service);
  monitor::Store monitor_store(**pool);
  monitor::Service monitor_service(monitor_store, registry_service, **pool);
  const notify::Outbox outbox(config.public_url.empty()
                                  ? "http://localhost:" + std::to_string(config.port)
                                  : config.public_url);
  notify::Service notify_service(**pool);
  notify::add_routes(router, notify_service);
  accounts::Service accounts_service(**pool, outbox);
  accounts_service.set_limits({config.signups_per_hour, config.resets_per_hour});
  accounts::add_routes(router, accounts_service, notify_service);
  monitor::add_routes(router, monitor_service, accounts_service);
  organisations::Service organisations_service(**pool, outbox);
  organisations::add_routes(router, organisations_service, accounts_service);
  organisations::Members members(**pool, outbox);
  organisations::add_member_routes(router, members, accounts_service);
  catalogue::Service catalogue_service(**pool);
  if (auto prepared = catalogue_service.prepare(); !prepared) {
    std::cerr << "stemnet: " << prepared.error().where_and_what() << "\n";
    return 1;
  }
  catalogue::add_routes(router, catalogue_service, accounts_service);
  booking::Service booking_service(**pool, outbox, local_minute_now);
  // The indicators the platform yields are recomputed by the worker below:
  // within a second of a booking completing, and with its chores.
  std::atomic<bool> indicators_stale{false};
  booking_service.on_completed([&indicators_stale] { indicators_stale = true; });
  booking::add_routes(router, booking_service, accounts_service);
  booking::OpenRequests open_requests(**pool, booking_service, outbox);
  booking::add_open_request_routes(router, open_requests, accounts_service);
  matching::Rounds rounds(**pool, booking_service, outbox);
  matching::add_routes(router, rounds, **pool, accounts_service,
                       [&pool] { return pupil_counts(**pool); });

  // Every request is checked against the API document before its handler.
  auto contract = api::Contract::load(api::document());
  if (!contract) {
    std::cerr << "stemnet: " << contract.error().where_and_what() << "\n";
    return 1;
  }
  if (config.list_routes) return list_routes(router, **contract, std::cout) ? 0 : 1;
  if (config.validate_requests) {
    router.set_checks([&contract](http::Method method, const std::string& pattern) {
      return (*contract)->check_for(method, pattern);
    });
  } else {
    std::cout << "stemnet: requests are NOT checked against the API document" << std::endl;
  }

  if (ui) {
    router.fallback(
        [&ui](const http::Request& req, const http::PathParams&) { return ui->answer(req); });
    std::cout << "stemnet: serving the front-end from " << config.ui_dir << " (" << ui->size()
              << " files)" << std::endl;
  }

  // Mail: over SMTP when configured, else into the mail folder.
  std::unique_ptr<notify::Mailer> mailer;
  if (!config.smtp_url.empty()) {
    mailer = std::make_unique<notify::SmtpMailer>(config.smtp_url, config.mail_from);
  } else {
    mailer = std::make_unique<notify::FolderMailer>(config.mail_dir, config.mail_from);
  }
  std::cout << "stemnet: mail goes to " << mailer->describe() << std::endl;
  auto recompute = [&pool] {
    auto report = compute_platform_indicators(**pool);
    if (!report) {
      std::cerr << "stemnet: indicators: " << report.error().where_and_what() << std::endl;
    } else if (report->changed) {
      for (const auto& line : report->lines) std::cout << "stemnet: " << line << std::endl;
    }
  };
  notify::Worker mail_worker(
      notify_service, *mailer,
      [&accounts_service, &notify_service, &recompute] {
        if (auto r = accounts_service.housekeeping(); !r)
          std::cerr << "stemnet: housekeeping: " << r.error().detail << std::endl;
        if (auto r = notify_service.forget_old(180); !r)
          std::cerr << "stemnet: housekeeping: " << r.error().detail << std::endl;
        recompute();  // offers published or archived change the gaps
      },
      std::chrono::seconds(1),
      [&accounts_service, &indicators_stale, &recompute] {
        if (auto r = accounts_service.process_reset_requests(); !r)
          std::cerr << "stemnet: password resets: " << r.error().detail << std::endl;
        if (indicators_stale.exchange(false)) recompute();
      });

  http::ServerOptions options;
  options.bind = config.bind;
  options.port = static_cast<unsigned short>(config.port);
  options.threads = threads;
  options.max_connections_per_client = static_cast<std::size_t>(config.max_connections_per_client);
  options.blocking_threads = config.hash_threads;
  for (const auto& proxy : config.trusted_proxies) {
    auto address = http::normalise_address(proxy);
    if (!address) {
      std::cerr << "stemnet: --trusted-proxy: not an IP address: '" << proxy << "'\n";
      return 2;
    }
    options.trusted_proxies.push_back(*address);
  }
  // CSP, Referrer- and Permissions-Policy, nosniff on every answer; HSTS when
  // people reach us over https (a TLS proxy in front).
  options.default_headers = http::security_headers(http::served_over_tls(config.public_url));
  options.on_listening = [](const std::string& address, unsigned short port) {
    const bool v6 = address.find(':') != std::string::npos;
    std::cout << "stemnet listening on http://" << (v6 ? "[" + address + "]" : address) << ":"
              << port << std::endl;
  };
  auto served = http::serve(router, metrics, options);
  if (!served) {
    std::cerr << "stemnet: " << served.error().where_and_what() << "\n";
    return 1;
  }
  std::cout << "stemnet stopped" << std::endl;
  return 0;
}

}  // namespace stemnet::app
