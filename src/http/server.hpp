// http/server.hpp — the HTTP/1.1 server (Boost.Beast, C++20 coroutines).
//
// It owns sockets and nothing else: each parsed request is turned into an
// http::Request, given to the Router, and the Response is written back.
// Keep-alive, a body-size limit, idle and read timeouts, and graceful shutdown
// on SIGINT/SIGTERM: the listener closes, idle connections are closed, and
// requests in flight finish (up to `shutdown_grace`). When file descriptors
// run out (EMFILE/ENFILE) the accept loop backs off instead of spinning and
// idle connections are closed; the total is kept under the process's
// RLIMIT_NOFILE, and one client address may hold only so many connections.
//
// Example:
//   Router router; Metrics metrics;
//   ServerOptions opt; opt.port = 8080;
//   opt.on_listening = [](const std::string& addr, unsigned short port) { ... };
//   auto done = serve(router, metrics, opt);   // blocks until a signal
#pragma once

#include "core/result.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace stemnet::http {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port; on_listening tells which
  int threads = 0;             // 0: one per core
  std::size_t body_limit = 1 << 20;
  std::size_t header_limit = 16 << 10;
  std::chrono::milliseconds idle_timeout{60'000};  // waiting for the next request's header
  std::chrono::milliseconds read_timeout{30'000};  // reading a request's body
  std::chrono::milliseconds write_timeout{30'000};
  std::chrono::milliseconds shutdown_grace{10'000};
  // Under pressure (descriptors running out) idle keep-alive is this short,
  // and idle connections are closed to make room.
  std::chrono::milliseconds pressure_idle_timeout{1'000};
  // Open connections one client address may hold; more are answered 503 and
  // closed. Behind a proxy every connection comes from the proxy: raise it.
  std::size_t max_connections_per_client = 256;
  // Reverse proxies whose X-Forwarded-For is believed (see forwarded.hpp):
  // requests through them carry the client's address, and they are not held
  // to max_connections_per_client.
  std::vector<std::string> trusted_proxies;
  // Routes marked `blocking` (password hashing) run on this many threads of
  // their own, so they never stall the network threads; at most
  // `blocking_queue` wait, more are answered 503 with Retry-After.
  int blocking_threads = 2;
  std::size_t blocking_queue = 64;
  // Added to every answer, the server's own error answers included, unless
  // the answer sets a header of that name itself (see security_headers.hpp).
  std::vector<Header> default_headers;
  std::function<void(const std::string& address, unsigned short port)> on_listening;
  // Called once serving has begun, with a function that begins the same
  // graceful shutdown as SIGTERM; safe to call from any thread (tests use it).
  std::function<void(std::function<void()> stop)> on_started;
};

// Serves until SIGINT or SIGTERM. Returns an error when the address cannot be
// bound; returns ok after a graceful shutdown.
Result<void> serve(const Router& router, Metrics& metrics, const ServerOptions& options);

}  // namespace stemnet::http
